package se.samverkan.api.mail;

import java.time.Instant;

/**
 * A message in the outgoing queue.
 *
 * @param attempts      how many times sending it was tried
 * @param nextAttemptAt when the sender tries it (again), while {@link State#QUEUED}
 * @param lastError     why the last attempt failed, else null
 * @param sentAt        when the SMTP server took it, else null
 */
public record QueuedMail(long id, String idempotencyKey, String to, String subject, State state, int attempts,
                         Instant nextAttemptAt, String lastError, Instant queuedAt, Instant sentAt) {

    public enum State {
        /** Waiting for its (next) attempt. */
        QUEUED,
        /** Taken by the sender now. */
        SENDING,
        /** Handed to the SMTP server. */
        SENT,
        /** Given up after the configured attempts; an administrator may replay it. */
        DEAD,
        /** Never sent: withdrawn before it went out, e.g. because its recipient unsubscribed. */
        WITHDRAWN
    }
}
