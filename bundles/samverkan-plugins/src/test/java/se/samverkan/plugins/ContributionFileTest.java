package se.samverkan.plugins;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.junit.jupiter.api.Test;

import se.samverkan.api.model.Occurrence;
import se.samverkan.api.plugin.Contribution;

class ContributionFileTest {

    /** A Tuesday five days before the change from summer to winter time (2026-10-25). */
    private static final LocalDate TODAY = LocalDate.of(2026, 10, 20);

    @Test
    void scheduleKeepsSwedishTimeAcrossTheAutumnChange() {
        var schedule = new ContributionFile.Schedule(DayOfWeek.TUESDAY, LocalTime.of(18, 0), 90, 2);
        List<Occurrence> occurrences = schedule.occurrences(TODAY);
        // TODAY is itself a Tuesday; the first occurrence is the next one, after the clocks went back.
        assertEquals(OffsetDateTime.parse("2026-10-27T18:00+01:00"), occurrences.get(0).start());
        assertEquals(OffsetDateTime.parse("2026-10-27T19:30+01:00"), occurrences.get(0).end());
        assertEquals(OffsetDateTime.parse("2026-11-03T18:00+01:00"), occurrences.get(1).start());
        assertEquals(2, occurrences.size());
    }

    @Test
    void scheduleKeepsSwedishTimeAcrossTheSpringChange() {
        var schedule = new ContributionFile.Schedule(DayOfWeek.SUNDAY, LocalTime.of(10, 0), 60, 2);
        List<Occurrence> occurrences = schedule.occurrences(LocalDate.of(2026, 3, 20));
        assertEquals(OffsetDateTime.parse("2026-03-22T10:00+01:00"), occurrences.get(0).start());
        // Summer time begins 2026-03-29 at 02:00: same wall-clock time, one hour less from UTC.
        assertEquals(OffsetDateTime.parse("2026-03-29T10:00+02:00"), occurrences.get(1).start());
        assertEquals(OffsetDateTime.parse("2026-03-29T11:00+02:00"), occurrences.get(1).end());
        assertEquals(167, ChronoUnit.HOURS.between(occurrences.get(0).start(), occurrences.get(1).start()));
    }

    @Test
    void anActivityWithoutScheduleIsRejected() {
        String file = """
                {"municipalities": [], "organisations": [], "venues": [], "agreements": [], "programmes": [],
                 "activities": [{"id": "no-schedule", "title": {"sv": "Utan schema"}}]}""";
        var e = assertThrows(IllegalArgumentException.class, () -> parse(file, TODAY));
        assertTrue(e.getMessage().startsWith("activity no-schedule:"), e.getMessage());
    }

    @Test
    void anUnknownFieldIsRejectedSoTyposDoNotGoUnnoticed() {
        String file = """
                {"municipalities": [{"code": "1487", "name": "Vänersborg", "county": "Västra Götalands län",
                  "activ": true}], "organisations": [], "venues": [], "agreements": [], "programmes": [],
                 "activities": []}""";
        assertThrows(IOException.class, () -> parse(file, TODAY));
    }

    @Test
    void missingArraysAreEmpty() throws IOException {
        Contribution c = parse("{\"municipalities\": [{\"code\": \"1471\", \"name\": \"Götene\", "
                + "\"county\": \"Västra Götalands län\", \"active\": true}]}", TODAY);
        assertEquals(1, c.municipalities().size());
        assertEquals(List.of(), c.activities());
    }

    private static Contribution parse(String file, LocalDate today) throws IOException {
        return ContributionFile.parse(new ByteArrayInputStream(file.getBytes(StandardCharsets.UTF_8)), today);
    }
}
