package se.samverkan.calendar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static se.samverkan.calendar.Feeds.event;
import static se.samverkan.calendar.Feeds.rejected;
import static se.samverkan.calendar.Feeds.time;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import se.samverkan.api.model.Activity;
import se.samverkan.api.model.ActivityCategory;
import se.samverkan.api.model.FocusArea;
import se.samverkan.api.model.Occurrence;
import se.samverkan.api.model.OccurrenceStatus;
import se.samverkan.api.util.TextDecoding;

/** Where real calendars and clients meet the rules: DST edges, charsets, escaping, links, cut-off text, frequent rules. */
class EdgesTest {

    private static String calendar(String... eventLines) {
        return "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:x\r\nBEGIN:VEVENT\r\n" + String.join("\r\n", eventLines)
                + "\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n";
    }

    private static ParsedFeed parse(byte[] bytes, Charset declared) throws FeedException {
        ICalendarImport.Series series = ICalendarImport.read(new ByteArrayInputStream(bytes), declared, Feeds.MAPPING,
                Feeds.TODAY);
        return ParsedFeed.join(List.of(series.head(), series.map(0, series.size())));
    }

    @Test
    void anEventStartingInTheSpringForwardGapMovesLaterAndKeepsItsLength() throws FeedException {
        ParsedFeed feed = Feeds.parseText(calendar("UID:gap", "SUMMARY:Språkcafé",
                "DTSTART;TZID=Europe/Stockholm:20250330T023000", "DTEND;TZID=Europe/Stockholm:20250330T033000"));
        Occurrence o = event(feed, "gap").activity().occurrences().get(0);
        assertEquals(time("2025-03-30T03:30+02:00"), o.start());
        assertEquals(time("2025-03-30T04:30+02:00"), o.end());
    }

    @Test
    void anEventEndingWhenItStartsIsRefusedForThat() throws FeedException {
        ParsedFeed feed = Feeds.parseText(calendar("UID:zero", "SUMMARY:Noll",
                "DTSTART;TZID=Europe/Stockholm:20250310T100000", "DTEND;TZID=Europe/Stockholm:20250310T100000"));
        String reason = rejected(feed, "zero").reason();
        assertTrue(reason.contains("ends when it starts"), reason);
    }

    @Test
    void timesInTheRepeatedAutumnHourAreExportedInUtcAndComeBackAsTheSameInstants() throws FeedException {
        // One hour from 02:30 CEST, in the hour the autumn change repeats, and one across the spring gap.
        Activity autumn = activity("host", time("2025-10-26T02:30+02:00"), time("2025-10-26T02:30+01:00"));
        Activity spring = activity("var", time("2025-03-30T01:30+01:00"), time("2025-03-30T03:30+02:00"));
        String exported = ICalendarExport.write("Kurser", List.of(autumn, spring), null);
        assertTrue(exported.contains("DTSTART:20251026T003000Z\r\nDTEND:20251026T013000Z"), exported);
        assertTrue(exported.contains("DTSTART;TZID=Europe/Stockholm:20250330T013000"), exported);

        ParsedFeed again = Feeds.parseText(exported);
        assertEquals(List.of(), again.rejected());
        for (Activity original : List.of(autumn, spring)) {
            Occurrence before = original.occurrences().get(0);
            Occurrence after = event(again, original.id()).activity().occurrences().get(0);
            assertTrue(before.start().isEqual(after.start()), original.id() + " " + after);
            assertTrue(before.end().isEqual(after.end()), original.id() + " " + after);
        }
    }

    @Test
    void eachEventsUrlIsItsIdBelowTheLinkBase() {
        Activity a = activity("simkurs", time("2025-03-10T18:00+01:00"), time("2025-03-10T19:00+01:00"));
        for (String base : List.of("http://localhost:8181/api/v1/activities", "http://localhost:8181/api/v1/activities/")) {
            String exported = ICalendarExport.write("Kurser", List.of(a), URI.create(base));
            assertTrue(exported.contains("\r\nURL:http://localhost:8181/api/v1/activities/simkurs\r\n"), exported);
        }
    }

    @Test
    void extensionPropertiesAreEscapedOnceAndReadBackAsWritten() throws FeedException {
        String title = "Labour market, jobs; CV\\letters";
        Activity a = new Activity("jobb", Map.of("sv", "Arbetsmarknad", "en", title), Map.of("en", "First line\nsecond, third"),
                ActivityCategory.JOB_SEEKER_GROUP, FocusArea.WORK, Set.of(), Set.of("sv"), "1880", List.of(), null, null,
                null, null, null, List.of(new Occurrence(null, time("2025-03-10T18:00+01:00"),
                        time("2025-03-10T19:00+01:00"), OccurrenceStatus.SCHEDULED)));
        String exported = ICalendarExport.write("Samverkan: 1880, ar", List.of(a), null);
        String unfolded = exported.replace("\r\n ", "");
        assertTrue(unfolded.contains("X-SAMVERKAN-SUMMARY;LANGUAGE=en:Labour market\\, jobs\\; CV\\\\letters\r\n"),
                unfolded);
        assertTrue(unfolded.contains("X-WR-CALNAME:Samverkan: 1880\\, ar\r\n"), unfolded);
        assertFalse(unfolded.contains("\\\\,"), "nothing escaped twice");

        Activity back = event(Feeds.parseText(exported), "jobb").activity();
        assertEquals(title, back.title().get("en"));
        assertEquals("First line\nsecond, third", back.description().get("en"));
    }

    @Test
    void aFeedInWindows1252WithoutACharsetIsReadAsSuchAndSaysSo() throws FeedException {
        byte[] latin = calendar("UID:korkort", "SUMMARY:Körkortsteori på svenska",
                "DTSTART;TZID=Europe/Stockholm:20250310T180000", "DTEND;TZID=Europe/Stockholm:20250310T200000")
                .getBytes(TextDecoding.WINDOWS_1252);
        ParsedFeed feed = parse(latin, null);
        assertEquals("Körkortsteori på svenska", event(feed, "korkort").activity().title().get("sv"));
        assertEquals(1, feed.warnings().size(), feed.warnings().toString());
        assertTrue(feed.warnings().get(0).contains("read as Windows-1252"), feed.warnings().toString());

        assertEquals("Körkortsteori på svenska",
                event(parse(latin, StandardCharsets.ISO_8859_1), "korkort").activity().title().get("sv"),
                "a declared charset is used");
        ParsedFeed wrong = parse(latin, StandardCharsets.UTF_8);
        assertTrue(wrong.warnings().get(0).contains("replaced by U+FFFD"), "replaced bytes are never silent");
    }

    @Test
    void aTextCutOffBeforeEndVcalendarFailsTheWholeRead() {
        String whole = calendar("UID:a", "SUMMARY:A", "DTSTART:20250310T180000", "DTEND:20250310T190000");
        String cut = whole.substring(0, whole.indexOf("END:VEVENT"));
        FeedException e = assertThrows(FeedException.class, () -> Feeds.parseText(cut));
        assertTrue(e.getMessage().contains("cut off"), e.getMessage());
    }

    @Test
    void aRuleGivingMoreOccurrencesThanAllowedIsTakenUpToTheCapWithAWarning() throws FeedException {
        ParsedFeed feed = Feeds.parseText(calendar("UID:minut", "SUMMARY:Varje minut",
                "DTSTART:20150315T100000", "DTEND:20150315T100030", "RRULE:FREQ=MINUTELY"));
        Activity a = event(feed, "minut").activity();
        assertEquals(ICalendarImport.MAX_OCCURRENCES, a.occurrences().size());
        assertEquals(time("2025-01-30T00:00+01:00"), a.occurrences().get(0).start(),
                "expanded from the window on, though the rule began ten years earlier");
        assertEquals(1, feed.warnings().size());
        assertTrue(feed.warnings().get(0).startsWith("event minut: the RRULE (FREQ=MINUTELY) gives more than 5000"),
                feed.warnings().get(0));
    }

    private static Activity activity(String id, OffsetDateTime start, OffsetDateTime end) {
        return new Activity(id, Map.of("sv", "Språkcafé"), Map.of(), ActivityCategory.SWEDISH_LANGUAGE_PRACTICE,
                FocusArea.SOCIAL, Set.of(), Set.of("sv"), "1880", List.of(), null, null, null, null, null,
                List.of(new Occurrence(null, start, end, OccurrenceStatus.SCHEDULED)));
    }
}
