package se.samverkan.calendar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static se.samverkan.calendar.Feeds.event;
import static se.samverkan.calendar.Feeds.rejected;
import static se.samverkan.calendar.Feeds.time;

import java.util.List;

import org.junit.jupiter.api.Test;

import se.samverkan.api.model.Activity;
import se.samverkan.api.model.ActivityCategory;

/** A hand-made feed (LF line ends, folds inside multi-byte characters) in several languages, with broken events. */
class LanguagesAndRobustnessTest {

    private final ParsedFeed feed = Feeds.parse("languages.ics");

    @Test
    void titlesPerLanguageSurviveFoldsInsideCharacters() {
        Activity info = event(feed, "samhallsinfo-mars@ic-vanersborg.se").activity();
        assertEquals("Samhällsinformation: skola, vård och arbete", info.title().get("sv"));
        assertEquals("معلومات عن المجتمع: المدرسة والرعاية والعمل", info.title().get("ar"));
        assertEquals("ሓበሬታ ብዛዕባ ሕብረተሰብ፡ ቤት ትምህርቲ፡ ክንክን ጥዕናን ስራሕን", info.title().get("ti"));
        assertEquals("Macluumaad bulsho: iskuul, daryeel iyo shaqo", info.title().get("so"));
        assertEquals("لقاء حول المجتمع السويدي: المدرسة، الرعاية الصحية، العمل والحقوق والواجبات. مرحباً بالجميع!",
                info.description().get("ar"));
        assertEquals("Om skolan, vården och arbetsmarknaden.\nTolk finns på plats.", info.description().get("sv"));
        assertEquals(List.of("sv", "ar", "ti", "so"), List.copyOf(info.title().keySet()), "sv first");
        assertEquals(ActivityCategory.CIVIC_INFORMATION, info.category(), "CATEGORIES match ignores case");
    }

    @Test
    void floatingTimesAreStockholmTime() {
        Activity info = event(feed, "samhallsinfo-mars@ic-vanersborg.se").activity();
        assertEquals(time("2025-03-10T17:00+01:00"), info.occurrences().get(0).start());
    }

    @Test
    void withoutASwedishTitleTheFirstSummaryIsUsedAsSwedishToo() {
        Activity women = event(feed, "kvinnogrupp@ic-vanersborg.se").activity();
        assertEquals("مجموعة النساء", women.title().get("sv"));
        assertEquals("مجموعة النساء", women.title().get("ar"));
        assertEquals("ጉጅለ ደቂ ኣንስትዮ", women.title().get("ti"));
        // A prefixed TZID ("/mozilla.org/.../Europe/Stockholm") is the IANA zone at its end.
        assertEquals(time("2025-03-12T10:00+01:00"), women.occurrences().get(0).start());
    }

    @Test
    void vEventWithoutEndIsRejected() {
        RejectedEvent cut = rejected(feed, "utan-slut@ic-vanersborg.se");
        assertTrue(cut.reason().contains("no END:VEVENT"), cut.reason());
        assertTrue(cut.raw().contains("SUMMARY:Trasig händelse utan END"));
        assertTrue(!cut.raw().contains("okand-zon"), "the next event is not part of it");
    }

    @Test
    void unknownTimeZoneIsRejected() {
        assertTrue(rejected(feed, "okand-zon@ic-vanersborg.se").reason().contains("unknown time zone 'Mars/Olympus_Mons'"));
    }

    @Test
    void aMinutelyRuleIsTakenUpToTheCapAndTheFeedIsWarned() {
        assertEquals(ICalendarImport.MAX_OCCURRENCES,
                event(feed, "varje-minut@ic-vanersborg.se").activity().occurrences().size());
        assertEquals(1, feed.warnings().size(), feed.warnings().toString());
        assertTrue(feed.warnings().get(0).contains("varje-minut@ic-vanersborg.se"), feed.warnings().get(0));
    }

    @Test
    void timedEventWithoutEndIsRejected() {
        assertTrue(rejected(feed, "utan-slut-tid@ic-vanersborg.se").reason().contains("no end"));
        assertEquals(3, feed.rejected().size(), feed.rejected().toString());
        assertEquals(3, feed.events().size());
    }

    @Test
    void hugeCountAndAncientStartAreRejectedAndTooManyOccurrencesCapped() throws FeedException {
        ParsedFeed parsed = Feeds.parseText(String.join("\r\n", "BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:x",
                "BEGIN:VEVENT", "UID:a", "DTSTART:20250301T100000", "DTEND:20250301T110000",
                "RRULE:FREQ=DAILY;COUNT=1000000000", "SUMMARY:A", "END:VEVENT",
                "BEGIN:VEVENT", "UID:b", "DTSTART:00010101T100000", "DTEND:00010101T110000",
                "RRULE:FREQ=HOURLY", "SUMMARY:B", "END:VEVENT",
                "BEGIN:VEVENT", "UID:c", "DTSTART:20250301T100000", "DTEND:20250301T110000",
                "RRULE:FREQ=HOURLY", "SUMMARY:C", "END:VEVENT", "END:VCALENDAR", ""));
        assertTrue(rejected(parsed, "a").reason().contains("COUNT"));
        assertTrue(rejected(parsed, "b").reason().contains("years ago"));
        // 02:00 on the spring-forward night is its 03:00: two of the rule's times are one instant.
        assertEquals(ICalendarImport.MAX_OCCURRENCES - 1, event(parsed, "c").activity().occurrences().size());
        assertTrue(parsed.warnings().get(0).contains("more than " + ICalendarImport.MAX_OCCURRENCES),
                parsed.warnings().toString());
    }

    @Test
    void textThatIsNoCalendarIsAFeedException() {
        FeedException e = assertThrows(FeedException.class, () -> Feeds.parseText("<html><body>Not found</body></html>"));
        assertTrue(e.getMessage().contains("BEGIN:VCALENDAR"));
    }

    @Test
    void anEmptyCalendarGivesNoEvents() throws FeedException {
        ParsedFeed parsed = Feeds.parseText("\uFEFFBEGIN:VCALENDAR\nVERSION:2.0\nPRODID:x\nEND:VCALENDAR\n");
        assertEquals(List.of(), parsed.events());
        assertEquals(List.of(), parsed.rejected());
    }

    @Test
    void activityIdsAreStableShortAndSafe() {
        assertEquals("f-simskola", ICalendarImport.activityId("f", "simskola"));
        String google = ICalendarImport.activityId("sv-orebro-kurser", "3k9f0q2m5v8r1t4n7b6c8d0e2f@google.com");
        assertTrue(google.matches("sv-orebro-kurser-3k9f0q2m5v8r1t4n7b6c8d0e2f-google-com-[0-9a-f]{10}"), google);
        String outlook = ICalendarImport.activityId("sv-orebro-kurser", "0400000082".repeat(12));
        assertTrue(outlook.length() <= 80 && outlook.matches("[a-z0-9](?:[a-z0-9-]*[a-z0-9])?"), outlook);
        assertTrue(!ICalendarImport.activityId("f", "Abc").equals(ICalendarImport.activityId("f", "abc")));
        assertTrue(ICalendarImport.activityId("f", "ሓበሬታ").matches("f-[0-9a-f]{10}"));
        assertEquals(google, ICalendarImport.activityId("sv-orebro-kurser", "3k9f0q2m5v8r1t4n7b6c8d0e2f@google.com"));
    }
}
