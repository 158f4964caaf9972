package se.samverkan.mail.internal;

import java.time.Instant;
import java.time.OffsetDateTime;

/**
 * One entry of the activity change log, written in the same transaction as the change itself, so no change is
 * ever missed by the notices and digests that read the log.
 *
 * @param occurrenceId  the occurrence that was moved or cancelled; null for {@link Kind#CREATED} and a venue change
 * @param previousStart before a move, else null
 * @param start         the occurrence's start after the change (for CREATED null)
 * @param previousVenueId the venue before a venue change, else null
 * @param noticesQueuedAt when notices for it were queued, else null
 */
public record ActivityChange(long id, String activityId, Long occurrenceId, Kind kind, OffsetDateTime previousStart,
                             OffsetDateTime start, String previousVenueId, Instant changedAt, Instant noticesQueuedAt) {

    public enum Kind {
        /** A new activity: goes into the weekly digests. */
        CREATED,
        /** An occurrence got another start or end, or the activity another venue: a notice. */
        MOVED,
        /** An occurrence was cancelled: a notice. */
        CANCELLED
    }
}
