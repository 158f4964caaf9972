package se.samverkan.mail.internal;

import java.time.Instant;
import java.util.List;

import se.samverkan.api.mail.MailQueue;
import se.samverkan.api.mail.OutgoingMail;

/**
 * The sender's side of the {@link MailQueue} (the same store). A message is claimed (QUEUED → SENDING) before
 * it is sent and marked sent or failed after; a claim is one conditional update per row, so two senders never
 * take the same message.
 */
public interface MailOutbox {

    /** A message taken for sending. @param attempts the attempts before this one */
    record Claimed(long id, int attempts, OutgoingMail mail) {
    }

    /** Takes up to {@code max} queued messages that are due, oldest first, and marks them SENDING. */
    List<Claimed> claimDue(int max, Instant now);

    /** SENDING → SENT, counting the attempt. */
    void markSent(long id, Instant sentAt);

    /**
     * SENDING → QUEUED for another attempt at {@code nextAttemptAt}, or → DEAD if that is null; counts the
     * attempt and keeps the error.
     */
    void markFailed(long id, String error, Instant nextAttemptAt);

    /**
     * Clears the text, HTML and unsubscribe link of messages sent or withdrawn before {@code before}: a sent
     * message needs no copy here, and its copy holds the recipient's own unsubscribe link. The row (key,
     * recipient, subject, state, times) stays, so the same key is still never sent twice.
     *
     * @return how many were cleared
     */
    int forget(Instant before);
}
