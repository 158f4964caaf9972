package se.samverkan.feeds.internal;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import se.samverkan.api.feed.FeedStatus;
import se.samverkan.routes.ActivityUpsert.Known;

/**
 * What the platform remembers of each calendar feed between reads: the source's validators for a conditional
 * request, the outcome of the last read, and which stored activity each event (by UID) became.
 */
public interface FeedStore {

    /**
     * @param etag         the source's ETag of the last good read, for If-None-Match
     * @param lastModified the source's Last-Modified of the last good read, for If-Modified-Since
     * @param lastRead     when the source was last read and mapped whole (not answered "not modified")
     * @param readKey      digests of the mapping and of the bytes of that read, {@code mapping:bytes}
     * @param warnings     what the last whole read took, but not as the feed said it (a guessed charset, a
     *                     capped recurrence); empty if nothing
     * @param runStarted   when the read being stored began; written before its first event is stored and cleared
     *                     when it ends, so a run cut off by a crash is still named here afterwards
     */
    record State(String feedId, String etag, String lastModified, Instant lastSync, Instant lastSuccess,
                 String lastError, FeedStatus.RunCounts lastRun, Instant lastRead, String readKey,
                 List<String> warnings, Instant runStarted) {

        public State {
            warnings = warnings == null ? List.of() : List.copyOf(warnings);
        }

        /** This state with a run marked as started at {@code started}. */
        public State running(Instant started) {
            return new State(feedId, etag, lastModified, lastSync, lastSuccess, lastError, lastRun, lastRead, readKey,
                    warnings, started);
        }
    }

    Optional<State> state(String feedId);

    void saveState(State state);

    /** uid → event. */
    Map<String, Known> events(String feedId);

    /** Stores the events, in one transaction. */
    void saveEvents(String feedId, Collection<Known> events);

    /** How many of the feed's events are stored and not removed; cheap, for status pages. */
    int countEvents(String feedId);
}
