package se.samverkan.persistence.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.OffsetDateTime;
import java.util.List;

import org.junit.jupiter.api.Test;

import se.samverkan.api.model.Occurrence;
import se.samverkan.api.model.OccurrenceStatus;

class StoredOccurrencesTest {

    private static Occurrence occurrence(Long id, String start, String end, OccurrenceStatus status) {
        return new Occurrence(id, OffsetDateTime.parse(start), OffsetDateTime.parse(end), status);
    }

    @Test
    void occurrencesComeBackSortedInStockholmTimeWithTheirIdsAndStatus() {
        Occurrence summer = occurrence(7L, "2027-06-01T18:00:00+02:00", "2027-06-01T19:30:00+02:00", OccurrenceStatus.CANCELLED);
        Occurrence winter = occurrence(12L, "2026-12-01T17:00:00Z", "2026-12-01T18:30:00Z", OccurrenceStatus.SCHEDULED);

        String text = StoredOccurrences.encode(List.of(summer, winter));

        assertEquals("12 1796144400 1796149800 S\n7 1811865600 1811871000 C", text);
        assertEquals(List.of(occurrence(12L, "2026-12-01T18:00:00+01:00", "2026-12-01T19:30:00+01:00",
                OccurrenceStatus.SCHEDULED), summer), StoredOccurrences.decode(text));
        assertEquals(List.of(), StoredOccurrences.decode(""));
        assertEquals(List.of(), StoredOccurrences.decode(null));
    }

    @Test
    void storedIdsAreKeptOnceAndNewOccurrencesNumberOnFromTheHighest() {
        List<Occurrence> stored = List.of(occurrence(3L, "2026-12-01T18:00:00+01:00", "2026-12-01T19:00:00+01:00", null),
                occurrence(9L, "2026-12-08T18:00:00+01:00", "2026-12-08T19:00:00+01:00", null));
        List<Occurrence> wanted = List.of(
                occurrence(9L, "2026-12-09T18:00:00+01:00", "2026-12-09T19:00:00+01:00", OccurrenceStatus.CANCELLED),
                occurrence(9L, "2026-12-10T18:00:00+01:00", "2026-12-10T19:00:00+01:00", null),
                occurrence(null, "2026-12-15T18:00:00+01:00", "2026-12-15T19:00:00+01:00", null),
                occurrence(44L, "2026-12-22T18:00:00+01:00", "2026-12-22T19:00:00+01:00", null));

        List<Occurrence> assigned = StoredOccurrences.assignIds(stored, wanted);

        assertEquals(List.of(9L, 10L, 11L, 12L), assigned.stream().map(Occurrence::id).toList());
        assertEquals(List.of(OccurrenceStatus.CANCELLED, OccurrenceStatus.SCHEDULED, OccurrenceStatus.SCHEDULED,
                OccurrenceStatus.SCHEDULED), assigned.stream().map(Occurrence::status).toList());
        assertEquals(List.of(1L, 2L), StoredOccurrences.assignIds(List.of(), wanted.subList(2, 4)).stream()
                .map(Occurrence::id).toList());
    }

    @Test
    void occurrencesWithoutIdsTakeTheIdOfTheStoredOccurrenceAtTheSameStartUnlessAnotherKeptIt() {
        List<Occurrence> stored = List.of(occurrence(3L, "2026-12-01T18:00:00+01:00", "2026-12-01T19:00:00+01:00", null),
                occurrence(9L, "2026-12-08T18:00:00+01:00", "2026-12-08T19:00:00+01:00", null));
        List<Occurrence> wanted = List.of(
                // the same instant written in another offset
                occurrence(null, "2026-12-01T17:00:00Z", "2026-12-01T19:30:00+01:00", OccurrenceStatus.CANCELLED),
                occurrence(9L, "2026-12-09T18:00:00+01:00", "2026-12-09T19:00:00+01:00", null),
                occurrence(null, "2026-12-08T18:00:00+01:00", "2026-12-08T19:00:00+01:00", null),
                occurrence(null, "2026-12-01T18:00:00+01:00", "2026-12-01T19:00:00+01:00", null));

        assertEquals(List.of(3L, 9L, 10L, 11L), StoredOccurrences.assignIds(stored, wanted).stream().map(Occurrence::id).toList(),
                "9 is kept by the occurrence naming it; a second occurrence at 3's start is a new one");
    }
}
