package se.samverkan.api.feed;

import java.util.List;
import java.util.Optional;

import se.samverkan.api.security.Caller;

/** The configured calendar feeds: their state, and a sync on demand. */
public interface FeedService {

    /** Every configured feed, ordered by id. */
    List<FeedStatus> feeds();

    Optional<FeedStatus> feed(String id);

    /**
     * Reads the feed now (conditionally: an unchanged source costs a request), waiting for the result: a run of
     * its import job {@code feed:ID}, checked and audited as every job's run.
     *
     * @throws se.samverkan.api.service.AccessDeniedException if the caller is not an administrator
     * @throws se.samverkan.api.service.NotFoundException if no feed has that id
     */
    FeedStatus sync(Caller caller, String id);
}
