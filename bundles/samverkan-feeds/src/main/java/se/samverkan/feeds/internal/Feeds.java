package se.samverkan.feeds.internal;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentSkipListMap;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

import se.samverkan.api.feed.FeedService;
import se.samverkan.api.feed.FeedStatus;
import se.samverkan.api.security.Caller;
import se.samverkan.api.service.NotFoundException;
import se.samverkan.routes.ImportJobs;

/**
 * The configured feeds (one {@link Feed} component per configuration) as the console and REST have long seen
 * them: an alias of their import jobs ({@code feed:ID}), whose runs and replays go through {@link ImportJobs}.
 */
@Component(service = FeedService.class)
public class Feeds implements FeedService {

    private final Map<String, Feed> feeds = new ConcurrentSkipListMap<>();
    private final ImportJobs jobs;

    @Activate
    public Feeds(@Reference ImportJobs jobs) {
        this.jobs = jobs;
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void addFeed(Feed feed) {
        feeds.put(feed.feedId(), feed);
    }

    void removeFeed(Feed feed) {
        feeds.remove(feed.feedId(), feed);
    }

    @Override
    public List<FeedStatus> feeds() {
        return feeds.values().stream().map(Feed::feedStatus).toList();
    }

    @Override
    public Optional<FeedStatus> feed(String id) {
        return Optional.ofNullable(feeds.get(id)).map(Feed::feedStatus);
    }

    /** The feed's job's run: once, without the route's retries, so the administrator sees the outcome at once. */
    @Override
    public FeedStatus sync(Caller caller, String id) {
        jobs.run(caller, Feed.jobId(id));
        return feed(id).orElseThrow(() -> new NotFoundException("calendar feed", id));
    }
}
