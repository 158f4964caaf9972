package se.samverkan.feeds.internal;

import java.io.PrintStream;

import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;

import se.samverkan.api.feed.FeedService;
import se.samverkan.shell.SamverkanCommand;

@Service
@Command(scope = "samverkan", name = "feed-list",
        description = "Lists the calendar feeds: state, last sync, stored events, what the last read did, last error.")
public class FeedListCommand extends SamverkanCommand {

    @Reference
    FeedService feeds;

    @Override
    protected void print(PrintStream out) {
        FeedTables.feeds(feeds.feeds()).print(out);
    }
}
