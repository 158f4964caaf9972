package se.samverkan.plugins.svorebro.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import se.samverkan.api.model.Activity;
import se.samverkan.api.model.ActivityCategory;
import se.samverkan.api.model.FocusArea;
import se.samverkan.api.validation.Validation;

class CourseCatalogueTest {

    static final String HEADER = "course_id;title_sv;title_en;category;languages;municipality_code;venue_id;"
            + "start_date;weekday;time;duration_minutes;weeks;capacity;cost_sek";

    private final CourseCatalogue catalogue = new CourseCatalogue("sv-orebro-lan", "sv-orebro-");

    @Test
    void mapsARowToAnActivityWithWeeklyOccurrencesInSwedishTime() {
        CourseCatalogue.Read read = catalogue.read(HEADER + "\n"
                + "K-2026/1043;Svenska i vardagen;Swedish for everyday life;Språk;sv, ar;1882;sv-askersund;"
                + "2026-10-20;onsdag;18:00;120;3;12;0,00\n");
        assertEquals(List.of(), read.problems());
        Activity a = read.activities().get(0);
        assertEquals("sv-orebro-k-2026-1043", a.id());
        assertEquals(Map.of("sv", "Svenska i vardagen", "en", "Swedish for everyday life"), a.title());
        assertEquals(ActivityCategory.SWEDISH_LANGUAGE_PRACTICE, a.category());
        assertEquals(FocusArea.EDUCATION, a.focusArea());
        assertEquals(Set.of("sv", "ar"), a.languages());
        assertEquals("1882", a.municipalityCode());
        assertEquals(List.of("sv-orebro-lan"), a.organiserIds());
        assertEquals("sv-askersund", a.venueId());
        assertEquals(12, a.capacity());
        assertEquals(0, BigDecimal.ZERO.compareTo(a.costSek()));
        // The first Wednesday on or after Tuesday 20 October, then weekly; summer time ends on 25 October.
        assertEquals(List.of(OffsetDateTime.parse("2026-10-21T18:00+02:00"), OffsetDateTime.parse("2026-10-28T18:00+01:00"),
                OffsetDateTime.parse("2026-11-04T18:00+01:00")), a.occurrences().stream().map(o -> o.start()).toList());
        assertEquals(OffsetDateTime.parse("2026-10-21T20:00+02:00"), a.occurrences().get(0).end());
        assertEquals(Map.of("sv-orebro-k-2026-1043", 2), read.lines());
        Validation.validate(a);
    }

    @Test
    void reportsEveryProblemOfABadRowWithItsLineAndKeepsTheGoodRows() {
        CourseCatalogue.Read read = catalogue.read("\uFEFF" + HEADER + "\r\n"
                + "K-1;Matlagning;;Matlagning;sv;1861;;2026-13-01;fredag;18:00;90;4;;\r\n"
                + ";;;;;;;;;;;;;\r\n"
                + "K-2;\"Data, grund\";;data;sv;1861;sv-hallsberg;2026-09-01;TUESDAY;09:30;90;2;;\r\n"
                + "K-3;Cykelkurs;;cykling;sv;1860;;2026-09-01;tisdag;25:00;0;2;många;\r\n"
                + "K-2;Data, igen;;data;sv;1861;;2026-09-01;tisdag;09:30;90;2;;\r\n");
        assertEquals(List.of("sv-orebro-k-2"), read.activities().stream().map(Activity::id).toList());
        assertEquals("Data, grund", read.activities().get(0).title().get("sv"));
        assertNull(read.activities().get(0).costSek());
        assertEquals(3, read.problems().size(), read.problems().toString());
        String first = read.problems().get(0);
        assertTrue(first.startsWith("line 2 (course K-1): category 'Matlagning' is not a known category"), first);
        assertTrue(first.contains("start_date '2026-13-01' is not a date"), first);
        String third = read.problems().get(1);
        assertTrue(third.startsWith("line 5 (course K-3): "), third);
        assertTrue(third.contains("time '25:00'") && third.contains("duration_minutes '0'")
                && third.contains("capacity 'många'"), third);
        assertEquals("line 6 (course K-2): the same course_id as line 4", read.problems().get(2));
    }

    @Test
    void aFileWithoutTheRequiredColumnsHasNoRows() {
        CourseCatalogue.Read read = catalogue.read("kurs,titel\nK-1,Simning\n");
        assertEquals(List.of(), read.activities());
        assertTrue(read.problems().get(0).contains("lacks the columns course_id, title_sv, category"),
                read.problems().toString());
        assertEquals(1, catalogue.read("").problems().size());
    }

    @Test
    void readsCommaSeparatedFilesWithQuotedLineBreaks() {
        CourseCatalogue.Read read = catalogue.read(HEADER.replace(';', ',') + "\n"
                + "K-9,\"Samhälle\noch demokrati\",,Samhälle,sv ar,1861,,2026-09-07,måndag,18:00,120,1,,\n");
        assertEquals(List.of(), read.problems());
        assertEquals("Samhälle\noch demokrati", read.activities().get(0).title().get("sv"));
        assertEquals(FocusArea.CIVIC_INFORMATION, read.activities().get(0).focusArea());
    }
}
