package se.samverkan.api.feed;

import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;

/**
 * What the platform remembers of each calendar feed between reads: the source's validators for a conditional
 * request, the outcome of the last read, and which stored activity each event (by UID) became.
 */
public interface FeedStore {

    /**
     * @param fingerprint of the event as last imported, so an unchanged event costs no write
     * @param removed     the event is gone from the feed (its activity's sessions are cancelled, not deleted)
     */
    record StoredEvent(String uid, String activityId, String fingerprint, boolean removed) {
    }

    /**
     * @param etag         the source's ETag of the last good read, for If-None-Match
     * @param lastModified the source's Last-Modified of the last good read, for If-Modified-Since
     * @param lastRead     when the source was last read and mapped whole (not answered "not modified")
     * @param readKey      digests of the mapping and of the bytes of that read, {@code mapping:bytes}
     */
    record State(String feedId, String etag, String lastModified, Instant lastSync, Instant lastSuccess,
                 String lastError, FeedStatus.RunCounts lastRun, Instant lastRead, String readKey) {
    }

    Optional<State> state(String feedId);

    void saveState(State state);

    /** uid → event. */
    Map<String, StoredEvent> events(String feedId);

    /** Stores the events, in one transaction. */
    void saveEvents(String feedId, Collection<StoredEvent> events);

    /** How many of the feed's events are stored and not removed; cheap, for status pages. */
    int countEvents(String feedId);
}
