package se.samverkan.feeds.internal;

import java.util.Collection;

import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;

import se.samverkan.api.feed.FeedService;
import se.samverkan.api.feed.FeedStatus;
import se.samverkan.shell.Completers;

/** Completes a feed's id from the configured feeds. */
@Service
public class FeedIds extends Completers.ValuesCompleter {

    @Reference
    FeedService feeds;

    @Override
    protected Collection<String> values(String typed) {
        return feeds.feeds().stream().map(FeedStatus::id).toList();
    }
}
