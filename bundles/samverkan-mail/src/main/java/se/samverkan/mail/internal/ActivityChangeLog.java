package se.samverkan.mail.internal;

import java.time.Instant;
import java.util.List;

/** Reading the activity change log (the persistence layer writes it with each activity change). */
public interface ActivityChangeLog {

    /** Moves and cancellations whose notices were not queued yet, oldest first, at most {@code max}. */
    List<ActivityChange> awaitingNotices(int max);

    /** Marks that every notice of the change is queued. */
    void noticesQueued(long changeId, Instant at);

    /** Activities created in {@code (after, until]}, oldest first. */
    List<ActivityChange> created(Instant after, Instant until);
}
