package se.samverkan.feeds.internal;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentSkipListMap;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

import se.samverkan.api.feed.FeedService;
import se.samverkan.api.feed.FeedStatus;
import se.samverkan.api.quarantine.Quarantined;
import se.samverkan.api.quarantine.Replayer;
import se.samverkan.api.service.NotFoundException;

/** The configured feeds (one {@link Feed} component per configuration), for the console and REST. */
@Component(service = {FeedService.class, Replayer.class})
public class Feeds implements FeedService, Replayer {

    private final Map<String, Feed> feeds = new ConcurrentSkipListMap<>();

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void addFeed(Feed feed) {
        feeds.put(feed.id(), feed);
    }

    void removeFeed(Feed feed) {
        feeds.remove(feed.id(), feed);
    }

    @Override
    public List<FeedStatus> feeds() {
        return feeds.values().stream().map(Feed::status).toList();
    }

    @Override
    public Optional<FeedStatus> feed(String id) {
        return Optional.ofNullable(feeds.get(id)).map(Feed::status);
    }

    /** Reads once, without the route's retries: the administrator sees the outcome at once. */
    @Override
    public FeedStatus sync(String id) {
        Feed feed = feeds.get(id);
        if (feed == null) {
            throw new NotFoundException("calendar feed", id);
        }
        try {
            feed.read();
        } catch (Feed.UnavailableException e) {
            // Recorded as the feed's last error, which the status shows.
        }
        return feed.status();
    }

    @Override
    public boolean accepts(String source) {
        return source.startsWith("feed:");
    }

    @Override
    public String replay(Quarantined item) {
        Feed feed = feeds.get(item.source().substring("feed:".length()));
        return feed == null ? "the calendar feed of " + item.source() + " is no longer configured; " + item.discardHint()
                : feed.replay(item.raw());
    }
}
