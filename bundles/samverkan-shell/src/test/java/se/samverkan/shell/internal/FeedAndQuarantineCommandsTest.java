package se.samverkan.shell.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
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
import se.samverkan.api.quarantine.Quarantined;
import se.samverkan.api.security.Caller;
import se.samverkan.api.service.NotFoundException;
import se.samverkan.api.testing.InMemoryQuarantine;

class FeedAndQuarantineCommandsTest {

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
    void quarantineListShowsWhatIsWaiting() throws CommandException {
        InMemoryQuarantine quarantine = new InMemoryQuarantine();
        Quarantined bad = quarantine.add("feed:sv-kurser", "k-1043@sv.se", "category 'Dans' is not mapped", "BEGIN:VEVENT");
        QuarantineListCommand list = new QuarantineListCommand();
        list.quarantine = quarantine;
        List<String> cells = row(output(list::print), String.valueOf(bad.id()));
        assertEquals(List.of("1", "feed:sv-kurser", "k-1043@sv.se", "waiting"), cells.subList(0, 4));
        assertEquals("category 'Dans' is not mapped", cells.get(5));
        quarantine.resolve(bad.id(), Quarantined.State.REPLAYED);
        assertTrue(output(list::print).contains("Nothing is quarantined."));
    }

    @Test
    void quarantineDiscardDropsAWaitingItemOnce() throws CommandException {
        InMemoryQuarantine quarantine = new InMemoryQuarantine();
        Quarantined orphan = quarantine.add("feed:gone", "k-1043@sv.se", "category 'Dans' is not mapped", "BEGIN:VEVENT");
        QuarantineDiscardCommand discard = new QuarantineDiscardCommand();
        discard.quarantine = quarantine;
        discard.id = orphan.id();
        assertEquals("Item 1 is discarded.", output(discard::print).strip());
        assertEquals(Quarantined.State.DISCARDED, quarantine.find(orphan.id()).orElseThrow().state());
        assertEquals("item 1 is discarded, not waiting",
                assertThrows(CommandException.class, discard::execute).getMessage());
    }
}
