package se.samverkan.feeds.internal;

import java.io.PrintStream;
import java.util.List;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;

import se.samverkan.api.feed.FeedService;
import se.samverkan.shell.SamverkanCommand;

@Service
@Command(scope = "samverkan", name = "feed-sync",
        description = "Reads a calendar feed now (an unchanged source costs one request) and shows the outcome.")
public class FeedSyncCommand extends SamverkanCommand {

    @Argument(index = 0, name = "id", required = true, description = "The feed's id, as in feed-list")
    @Completion(FeedIds.class)
    String id;

    @Reference
    FeedService feeds;

    @Override
    protected void print(PrintStream out) {
        FeedTables.feeds(List.of(feeds.sync(consoleCaller(), id))).print(out);
    }
}
