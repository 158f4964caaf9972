package se.samverkan.calendar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static se.samverkan.calendar.Feeds.event;
import static se.samverkan.calendar.Feeds.starts;
import static se.samverkan.calendar.Feeds.time;

import java.time.Instant;
import java.time.LocalTime;
import java.util.List;

import org.junit.jupiter.api.Test;

import se.samverkan.api.model.Activity;
import se.samverkan.api.model.ActivityCategory;
import se.samverkan.api.model.Occurrence;
import se.samverkan.api.model.OccurrenceStatus;

/** A feed as Google Calendar exports it (src/test/resources/feeds/google.ics), imported on 2025-03-01. */
class GoogleCalendarImportTest {

    private static final String CAFE = "3k9f0q2m5v8r1t4n7b6c8d0e2f@google.com";

    private final ParsedFeed feed = Feeds.parse("google.ics");

    @Test
    void weeklySeriesWithExdateMovedAndCancelledInstance() {
        ImportedEvent cafe = event(feed, CAFE);
        Activity activity = cafe.activity();
        assertEquals(List.of(
                "2025-02-04T18:00+01:00", "2025-02-11T18:00+01:00", // 18 Feb: EXDATE
                "2025-02-25T18:00+01:00", "2025-03-04T18:00+01:00",
                "2025-03-12T17:00+01:00", // 11 Mar moved by a RECURRENCE-ID override
                "2025-03-18T18:00+01:00", "2025-03-25T18:00+01:00",
                "2025-04-01T18:00+02:00", // cancelled by an override: kept, as CANCELLED
                "2025-04-08T18:00+02:00", "2025-04-15T18:00+02:00", "2025-04-22T18:00+02:00",
                "2025-04-29T18:00+02:00"), starts(activity));
        Occurrence moved = activity.occurrences().get(4);
        assertEquals(time("2025-03-12T19:00+01:00"), moved.end());
        assertEquals(OccurrenceStatus.CANCELLED, activity.occurrences().get(7).status());
        assertEquals(1, activity.occurrences().stream().filter(o -> o.status() == OccurrenceStatus.CANCELLED).count());
        assertFalse(cafe.cancelled());
        assertTrue(activity.occurrences().stream().allMatch(o -> o.id() == null));
    }

    @Test
    void seriesMapsToOneActivityWithTheMappingDefaults() {
        ImportedEvent cafe = event(feed, CAFE);
        Activity activity = cafe.activity();
        assertEquals(ICalendarImport.activityId("sv-orebro-kurser", CAFE), activity.id());
        assertEquals("Språkcafé", activity.title().get("sv"));
        assertEquals(ActivityCategory.SWEDISH_LANGUAGE_PRACTICE, activity.category());
        assertEquals("1880", activity.municipalityCode());
        assertEquals(List.of("sv-orebro-lan"), activity.organiserIds());
        assertEquals(java.util.Set.of("sv", "ar"), activity.languages());
        assertEquals(3, cafe.sequence(), "the highest SEQUENCE of series and overrides");
        assertEquals(Instant.parse("2025-02-26T08:00:00Z"), cafe.lastModified());
        assertTrue(cafe.raw().contains("RECURRENCE-ID;TZID=Europe/Stockholm:20250311T180000"));
        assertTrue(cafe.raw().startsWith("BEGIN:VEVENT"));
    }

    @Test
    void foldedAndEscapedTextIsUnfoldedAndUnescaped() {
        Activity activity = event(feed, CAFE).activity();
        assertEquals("Vi pratar svenska över en kopp kaffe. Ta med en vän, alla är välkomna!\n"
                + "Plats: Stadsbiblioteket; ingång från torget.", activity.description().get("sv"));
    }

    @Test
    void weeklyEventKeepsItsLocalTimeAcrossTheSpringDstChange() {
        // Last Sunday of March 2025 is the 30th: 18:00 stays 18:00, the offset moves.
        assertEquals(List.of("2025-03-16T18:00+01:00", "2025-03-23T18:00+01:00", "2025-03-30T18:00+02:00",
                "2025-04-06T18:00+02:00"), starts(event(feed, "0a1b2c3d4e5f6g7h8i9j@google.com").activity()));
    }

    @Test
    void weeklyEventKeepsItsLocalTimeAcrossTheAutumnDstChange() {
        // Last Sunday of October 2025 is the 26th.
        Activity swimming = event(feed, "simskola-hosten-2025@google.com").activity();
        assertEquals(List.of("2025-10-12T18:00+02:00", "2025-10-19T18:00+02:00", "2025-10-26T18:00+01:00",
                "2025-11-02T18:00+01:00"), starts(swimming));
        assertEquals(ActivityCategory.SWIMMING, swimming.category(), "the first CATEGORIES value that maps");
        assertTrue(swimming.occurrences().stream()
                .allMatch(o -> o.end().toLocalTime().equals(LocalTime.of(19, 0))));
    }

    @Test
    void allDayEventRunsFromMidnightToMidnightStockholmTime() {
        Activity day = event(feed, "nationaldagen-2025@google.com").activity();
        assertEquals(1, day.occurrences().size());
        assertEquals(time("2025-06-06T00:00+02:00"), day.occurrences().get(0).start());
        assertEquals(time("2025-06-07T00:00+02:00"), day.occurrences().get(0).end());
        assertEquals(ActivityCategory.CULTURE_MEETING, day.category(), "no CATEGORIES: the default");
    }

    @Test
    void cancelledEventIsImportedAsCancelled() {
        ImportedEvent cv = event(feed, "cv-verkstad-mars@google.com");
        assertTrue(cv.cancelled());
        assertEquals(1, cv.sequence());
        assertEquals(List.of(OccurrenceStatus.CANCELLED),
                cv.activity().occurrences().stream().map(Occurrence::status).toList());
    }

    @Test
    void brokenDtstartIsRejectedWithReasonAndRawTextAndTheRestIsImported() {
        RejectedEvent broken = Feeds.rejected(feed, "trasig-tid@google.com");
        assertTrue(broken.reason().contains("could not be read"), broken.reason());
        assertTrue(broken.reason().contains("2025-04-01T10:00"), broken.reason());
        assertTrue(broken.raw().contains("DTSTART;TZID=Europe/Stockholm:2025-04-01T10:00"));
        assertTrue(broken.raw().contains("END:VEVENT"));
        assertEquals(1, feed.rejected().size(), feed.rejected().toString());
        assertEquals(7, feed.events().size());
    }

    @Test
    void unboundedRuleIsExpandedWithinTheHorizonOnly() {
        Activity homework = event(feed, "laxhjalp-torsdagar@google.com").activity();
        List<Occurrence> occurrences = homework.occurrences();
        // Window: 30 days before 2025-03-01 (2025-01-30, a Thursday) to 300 days after (2025-12-26, a Friday).
        assertEquals(time("2025-01-30T17:00+01:00"), occurrences.get(0).start());
        assertEquals(time("2025-12-25T17:00+01:00"), occurrences.get(occurrences.size() - 1).start());
        assertEquals(48, occurrences.size());
        assertTrue(occurrences.stream().allMatch(o -> o.start().toLocalTime().equals(LocalTime.of(17, 0))));
    }

    @Test
    void utcTimesBecomeStockholmOffsets() {
        Activity lecture = event(feed, "utc-forelasning@google.com").activity();
        assertEquals(time("2025-03-05T16:00+01:00"), lecture.occurrences().get(0).start());
        assertEquals(ActivityCategory.HEALTH, lecture.category(), "no value maps; one names a category");
    }

    @Test
    void eventsEntirelyBeforeTheWindowAreLeftOut() {
        assertTrue(feed.events().stream().noneMatch(e -> e.uid().equals("gammalt-evenemang@google.com")));
        assertTrue(feed.rejected().stream().noneMatch(e -> "gammalt-evenemang@google.com".equals(e.uid())));
    }

    @Test
    void idsAndOccurrencesAreStableAcrossParses() {
        ParsedFeed again = Feeds.parse("google.ics");
        assertEquals(feed.events().stream().map(e -> e.activity()).toList(),
                again.events().stream().map(e -> e.activity()).toList());
    }
}
