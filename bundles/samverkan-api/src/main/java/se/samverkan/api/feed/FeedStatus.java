package se.samverkan.api.feed;

import java.time.Instant;

/**
 * One calendar feed as an administrator follows it.
 *
 * @param source      where it is read from: an http(s) URL or a folder
 * @param state       NEVER (not synced yet), OK, UNCHANGED (the source said not modified), FAILING (the last
 *                    sync failed; the last good data is kept)
 * @param lastSync    when it was last tried
 * @param lastSuccess when it was last read successfully
 * @param lastError   why the last sync failed, else null
 * @param lastRun     what the last successful read did
 * @param events      how many events of it are stored
 */
public record FeedStatus(String id, String source, String organisationId, String state, Instant lastSync,
                         Instant lastSuccess, String lastError, RunCounts lastRun, int events) {

    /** What one read of a feed did to the stored events. */
    public record RunCounts(int created, int updated, int unchanged, int removed, int rejected) {

        public static final RunCounts NONE = new RunCounts(0, 0, 0, 0, 0);
    }
}
