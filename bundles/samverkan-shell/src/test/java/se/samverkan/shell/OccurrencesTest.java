package se.samverkan.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static se.samverkan.shell.testing.Fixtures.occurrence;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.Test;

import se.samverkan.api.model.Occurrence;
import se.samverkan.shell.Occurrences;
import se.samverkan.shell.testing.Fixtures;

class OccurrencesTest {

    private static final Instant NOW = Instant.parse("2025-03-01T12:00:00Z");
    private static final OffsetDateTime T = NOW.atOffset(ZoneOffset.UTC);

    @Test
    void nextSkipsPastAndCancelledAndIgnoresStoredOrder() {
        List<Occurrence> occurrences = List.of(
                occurrence(1, T.plusDays(10), false),
                occurrence(2, T.minusDays(1), false),
                occurrence(3, T.plusDays(1), true),
                occurrence(4, T.plusDays(3), false));
        assertEquals(4L, Occurrences.next(occurrences, NOW).orElseThrow().id());
    }

    @Test
    void anOccurrenceStartingNowIsNext() {
        assertEquals(7L, Occurrences.next(List.of(occurrence(7, T, false)), NOW).orElseThrow().id());
    }

    @Test
    void anOccurrenceWithoutStatusCountsAsScheduled() {
        Occurrence unmarked = new Occurrence(5L, T.plusHours(1), T.plusHours(2), null);
        assertEquals(5L, Occurrences.next(List.of(unmarked), NOW).orElseThrow().id());
    }

    @Test
    void noNextWhenAllArePastOrCancelled() {
        assertTrue(Occurrences.next(List.of(occurrence(1, T.minusDays(1), false), occurrence(2, T.plusDays(1), true)),
                NOW).isEmpty());
        assertTrue(Occurrences.next(null, NOW).isEmpty());
    }
}
