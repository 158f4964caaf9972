package se.samverkan.api.feed;

import java.time.Instant;
import java.util.List;

/**
 * One calendar feed as an administrator follows it.
 *
 * @param source      where it is read from: an http(s) URL or a folder
 * @param state       NEVER (not synced yet), OK, FAILING (the last sync failed; the last good data is kept),
 *                    RUNNING (a read is being stored now), INTERRUPTED (a read was cut off while it was being
 *                    stored, by a stop or crash: part of it may be stored; the next read takes the whole feed)
 * @param lastSync    when it was last tried
 * @param lastSuccess when it was last read successfully
 * @param lastError   why the last sync failed (or was cut off), else null
 * @param lastRun     what the last successful read did
 * @param events      how many events of it are stored
 * @param warnings    what the last successful read took, but not as the feed said it (a guessed charset, a capped
 *                    recurrence)
 */
public record FeedStatus(String id, String source, String organisationId, String state, Instant lastSync,
                         Instant lastSuccess, String lastError, RunCounts lastRun, int events, List<String> warnings) {

    public FeedStatus {
        warnings = warnings == null ? List.of() : List.copyOf(warnings);
    }

    /** What one read of a feed did to the stored events. */
    public record RunCounts(int created, int updated, int unchanged, int removed, int rejected) {

        public static final RunCounts NONE = new RunCounts(0, 0, 0, 0, 0);
    }
}
