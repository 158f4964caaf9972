package se.samverkan.calendar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Component;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.Method;
import net.fortuna.ical4j.validate.ValidationResult;

import org.junit.jupiter.api.Test;

import se.samverkan.api.model.Activity;
import se.samverkan.calendar.testing.FeedGenerator;

/** Export: valid RFC 5545 by ical4j's validator, stable, and import → export → import gives the same activities. */
class ExportTest {

    private static List<Activity> activities(String resource) {
        return Feeds.parse(resource).events().stream().map(ImportedEvent::activity).toList();
    }

    private static List<Activity> all() {
        List<Activity> all = new ArrayList<>(activities("google.ics"));
        all.addAll(activities("outlook.ics"));
        all.addAll(activities("languages.ics"));
        return all;
    }

    @Test
    void exportIsValidByTheLibrarysValidator() throws Exception {
        String text = ICalendarExport.write("SV Örebro län – kurser", all(), URI.create("https://samverkan.example/aktiviteter/"));
        Calendar calendar = new CalendarBuilder().build(new StringReader(text));
        ValidationResult result = calendar.validate();
        assertFalse(result.hasErrors(), result.toString());
        for (Component component : calendar.getComponents()) {
            assertFalse(component.validate().hasErrors(), component.getName() + ": " + component.validate());
            if (component instanceof VEvent event) {
                // Calendar.validate() does not report the iTIP rules of METHOD:PUBLISH; check them too.
                ValidationResult publish = event.validate(Method.PUBLISH);
                assertFalse(publish.hasErrors(), publish.toString());
            }
        }
    }

    @Test
    void exportCarriesTimeZoneStableUidsLanguagesAndCancellations() {
        String text = ICalendarExport.write("Kurser", all(), null);
        assertTrue(text.startsWith("BEGIN:VCALENDAR\r\n"));
        for (String expected : new String[] {"PRODID:-//Samverkan//", "VERSION:2.0", "CALSCALE:GREGORIAN",
                "METHOD:PUBLISH", "X-WR-CALNAME:Kurser", "BEGIN:VTIMEZONE\r\nTZID:Europe/Stockholm",
                "DTSTART;TZID=Europe/Stockholm:20250304T180000", "SUMMARY;LANGUAGE=sv:Språkcafé",
                "X-SAMVERKAN-SUMMARY;LANGUAGE=ar:", "CATEGORIES:swedish-language-practice", "STATUS:CANCELLED",
                "SEQUENCE:0", "DTSTAMP:"}) {
            assertTrue(text.replace("\r\n ", "").contains(expected), expected);
        }
        String cafe = ICalendarImport.activityId("sv-orebro-kurser", "3k9f0q2m5v8r1t4n7b6c8d0e2f@google.com");
        assertTrue(text.replace("\r\n ", "").contains("UID:" + cafe + "-20250204T170000Z@samverkan"));
        assertEquals(strip(text), strip(ICalendarExport.write("Kurser", all(), null)), "stable but for DTSTAMP");
    }

    @Test
    void linesAreFoldedAtSeventyFiveOctetsNeverInsideACharacter() {
        String text = ICalendarExport.write("Kurser", activities("languages.ics"), null);
        for (String line : text.split("\r\n")) {
            assertTrue(line.getBytes(StandardCharsets.UTF_8).length <= 75, line);
            assertFalse(Character.isLowSurrogate(line.isEmpty() ? 'x' : line.charAt(0)));
        }
    }

    @Test
    void importExportImportGivesTheSameActivities() throws FeedException {
        List<Activity> first = all();
        String exported = ICalendarExport.write("Kurser", first, null);
        ParsedFeed again = ICalendarImport.parse(new ByteArrayInputStream(exported.getBytes(StandardCharsets.UTF_8)),
                Feeds.MAPPING, Feeds.TODAY);
        assertEquals(List.of(), again.rejected());
        Map<String, Activity> byOrigin = again.events().stream()
                .collect(Collectors.toMap(ImportedEvent::uid, ImportedEvent::activity));
        assertEquals(first.size(), byOrigin.size());
        for (Activity original : first) {
            Activity back = byOrigin.get(original.id());
            assertEquals(ICalendarImport.activityId("sv-orebro-kurser", original.id()), back.id());
            assertEquals(original.title(), back.title(), original.id());
            assertEquals(original.description(), back.description(), original.id());
            assertEquals(original.category(), back.category(), original.id());
            assertEquals(original.occurrences(), back.occurrences(), original.id());
            assertEquals(withId(original, back.id()), back);
        }
        // And once more: the second export is the first one with the new ids.
        String twice = ICalendarExport.write("Kurser", again.events().stream().map(ImportedEvent::activity).toList(), null);
        assertEquals(exported.replace("\r\n ", "").split("\r\n").length, twice.replace("\r\n ", "").split("\r\n").length);
    }

    @Test
    void aFeedForArabicReadersHasArabicSummariesAndStillImportsToTheSameTexts() throws FeedException {
        List<Activity> first = all().stream().filter(a -> a.title().containsKey("ar")).toList();
        assertTrue(!first.isEmpty(), "the fixtures have Arabic titles");
        String exported = ICalendarExport.write("Kurser", first, null, "ar");
        String unfolded = exported.replace("\r\n ", "");
        assertTrue(unfolded.contains("\r\nSUMMARY;LANGUAGE=ar:" + first.get(0).title().get("ar")), unfolded);
        assertTrue(unfolded.contains("\r\nX-SAMVERKAN-SUMMARY;LANGUAGE=sv:"), unfolded);
        ParsedFeed again = ICalendarImport.parse(new ByteArrayInputStream(exported.getBytes(StandardCharsets.UTF_8)),
                Feeds.MAPPING, Feeds.TODAY);
        Map<String, Activity> byOrigin = again.events().stream()
                .collect(Collectors.toMap(ImportedEvent::uid, ImportedEvent::activity));
        for (Activity original : first) {
            assertEquals(original.title(), byOrigin.get(original.id()).title(), original.id());
        }
    }

    @Test
    void generatedFeedImportsEveryEvent() throws FeedException {
        String text = FeedGenerator.feed(200, Feeds.TODAY);
        ParsedFeed parsed = Feeds.parseText(text);
        assertEquals(List.of(), parsed.rejected());
        assertEquals(200, parsed.events().size());
        Map<String, ImportedEvent> byUid = parsed.events().stream()
                .collect(Collectors.toMap(ImportedEvent::uid, Function.identity()));
        // every fifth is weekly without end, less one EXDATE: 30 days back and 300 ahead
        assertTrue(byUid.get("generated-4@example.com").activity().occurrences().size() > 40);
        assertEquals(1, byUid.get("generated-3@example.com").activity().occurrences().size());
        assertTrue(byUid.get("generated-16@example.com").cancelled());
    }

    private static Activity withId(Activity a, String id) {
        return new Activity(id, a.title(), a.description(), a.category(), a.focusArea(), a.targetGroups(),
                a.languages(), a.municipalityCode(), a.organiserIds(), a.agreementId(), a.programmeId(), a.venueId(),
                a.capacity(), a.costSek(), a.occurrences());
    }

    private static String strip(String text) {
        return text.replaceAll("DTSTAMP:\\d{8}T\\d{6}Z", "DTSTAMP");
    }
}
