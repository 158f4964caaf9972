package se.samverkan.api.mail;

import java.util.List;
import java.util.Optional;

import se.samverkan.api.security.Caller;

/**
 * The durable queue of outgoing mail: what is queued is sent once the SMTP server takes it, retried with
 * doubling delays while it does not, and kept as {@link QueuedMail.State#DEAD} after the configured attempts.
 */
public interface MailQueue {

    /**
     * Queues a message. A message with the same idempotency key that is already queued (in any state) is the
     * same message: it is returned as it is and nothing is queued again, even if the content differs.
     */
    QueuedMail queue(OutgoingMail mail);

    /** Newest first; {@code state} null for all. */
    List<QueuedMail> list(QueuedMail.State state);

    Optional<QueuedMail> find(long id);

    /**
     * Queues a dead message again, with its attempts reset; the audit log names who did.
     *
     * @throws se.samverkan.api.service.AccessDeniedException if the caller is not an administrator
     * @throws se.samverkan.api.service.NotFoundException if there is no such message
     * @throws se.samverkan.api.service.ConflictException if it is not dead
     */
    QueuedMail replay(Caller caller, long id);

    /**
     * Withdraws the messages of a family that have not gone out (queued or dead; not one being sent right now),
     * so they never will. Idempotency keys are words joined by hyphens; a family is a stem: the messages whose key
     * is the stem, or starts with the stem and a hyphen ({@code notice-12} covers {@code notice-12-345}, not
     * {@code notice-123}).
     *
     * @return how many were withdrawn
     */
    int withdraw(String... stems);
}
