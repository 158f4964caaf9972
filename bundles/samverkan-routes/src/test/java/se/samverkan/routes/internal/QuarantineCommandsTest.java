package se.samverkan.routes.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static se.samverkan.shell.testing.ConsoleOutput.output;
import static se.samverkan.shell.testing.ConsoleOutput.row;

import java.util.List;

import org.apache.karaf.shell.support.CommandException;
import org.junit.jupiter.api.Test;

import se.samverkan.api.quarantine.Quarantined;
import se.samverkan.api.testing.InMemoryQuarantine;

/** quarantine-list and quarantine-discard; quarantine-replay runs through the jobs (JobCommandsTest). */
class QuarantineCommandsTest {

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
