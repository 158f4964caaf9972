package se.samverkan.feeds.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static se.samverkan.shell.testing.ConsoleCompletion.complete;
import static se.samverkan.shell.testing.ConsoleCompletion.completerOf;
import static se.samverkan.shell.testing.ConsoleOutput.output;
import static se.samverkan.shell.testing.ConsoleOutput.row;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.apache.karaf.shell.support.CommandException;
import org.junit.jupiter.api.Test;

import se.samverkan.api.feed.FeedService;
import se.samverkan.api.feed.FeedStatus;
import se.samverkan.api.feed.FeedStatus.RunCounts;
import se.samverkan.api.security.Caller;
import se.samverkan.api.service.NotFoundException;

class FeedCommandsTest {

    private static final Instant SYNC = Instant.parse("2026-11-24T09:00:00Z");
    private static final FeedStatus FAILING = new FeedStatus("sv-kurser", "https://example.org/kurser.ics",
            "sv-orebro-lan", "FAILING", SYNC, SYNC.minusSeconds(3600), "HTTP 503 from https://example.org/kurser.ics",
            new RunCounts(12, 1, 0, 2, 1), 11, List.of("the feed's text: it was read as Windows-1252"));

    private final FeedService feeds = new FeedService() {
        @Override
        public List<FeedStatus> feeds() {
            return List.of(FAILING);
        }

        @Override
        public Optional<FeedStatus> feed(String id) {
            return feeds().stream().filter(f -> f.id().equals(id)).findFirst();
        }

        @Override
        public FeedStatus sync(Caller caller, String id) {
            return feed(id).orElseThrow(() -> new NotFoundException("calendar feed", id));
        }
    };

    @Test
    void feedListShowsStateTimesCountsTheLastErrorAndWarnings() throws CommandException {
        FeedListCommand list = new FeedListCommand();
        list.feeds = feeds;
        List<String> cells = row(output(list::print), "sv-kurser");
        assertEquals(List.of("sv-kurser", "failing", "2026-11-24 10:00", "2026-11-24 09:00", "11",
                "12 new, 1 changed, 0 unchanged, 2 removed, 1 quarantined", "HTTP 503 from https://example.org/kurser.ics",
                "the feed's text: it was read as Windows-1252"), cells);
        FeedSyncCommand sync = new FeedSyncCommand();
        sync.feeds = feeds;
        sync.id = "okänd";
        assertThrows(NotFoundException.class, () -> output(sync::print));
    }

    @Test
    void feedSyncCompletesTheConfiguredFeeds() {
        FeedIds ids = (FeedIds) completerOf(FeedSyncCommand.class, "id");
        ids.feeds = feeds;
        assertEquals(List.of("sv-kurser"), complete(ids, "sv"));
        assertEquals(List.of(), complete(ids, "x"));
    }
}
