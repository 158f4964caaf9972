package se.samverkan.calendar.testing;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;

/**
 * Writes an iCalendar feed of N events for tests and benchmarks: like a Google Calendar export (Europe/Stockholm
 * VTIMEZONE, TZID times, folded escaped text), every fifth event a weekly series without end with one EXDATE, the
 * others single events spread over the 90 days after {@code today}.
 */
public final class FeedGenerator {

    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss");

    private FeedGenerator() {
    }

    public static String feed(int events, LocalDate today) {
        StringBuilder out = new StringBuilder(events * 400 + 1000);
        line(out, "BEGIN:VCALENDAR");
        line(out, "PRODID:-//Google Inc//Google Calendar 70.9054//EN");
        line(out, "VERSION:2.0");
        line(out, "CALSCALE:GREGORIAN");
        line(out, "METHOD:PUBLISH");
        line(out, "X-WR-CALNAME:Genererad kalender");
        line(out, "X-WR-TIMEZONE:Europe/Stockholm");
        for (String l : new String[] {"BEGIN:VTIMEZONE", "TZID:Europe/Stockholm", "BEGIN:DAYLIGHT",
                "TZOFFSETFROM:+0100", "TZOFFSETTO:+0200", "TZNAME:CEST", "DTSTART:19700329T020000",
                "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU", "END:DAYLIGHT", "BEGIN:STANDARD", "TZOFFSETFROM:+0200",
                "TZOFFSETTO:+0100", "TZNAME:CET", "DTSTART:19701025T030000", "RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU",
                "END:STANDARD", "END:VTIMEZONE"}) {
            line(out, l);
        }
        for (int i = 0; i < events; i++) {
            boolean recurring = i % 5 == 4;
            LocalDateTime start = today.plusDays(recurring ? i % 7 : i % 90).atTime(9 + i % 10, i % 2 == 0 ? 0 : 30);
            line(out, "BEGIN:VEVENT");
            line(out, "DTSTART;TZID=Europe/Stockholm:" + LOCAL.format(start));
            line(out, "DTEND;TZID=Europe/Stockholm:" + LOCAL.format(start.plusMinutes(90)));
            if (recurring) {
                line(out, "RRULE:FREQ=WEEKLY");
                line(out, "EXDATE;TZID=Europe/Stockholm:" + LOCAL.format(start.plusWeeks(2)));
            }
            line(out, "DTSTAMP:20250101T000000Z");
            line(out, "UID:generated-" + i + "@example.com");
            line(out, "SEQUENCE:" + (i % 3));
            line(out, "LAST-MODIFIED:20250101T000000Z");
            line(out, "SUMMARY:Aktivitet nummer " + i + " – språkcafé\\, samtal");
            fold(out, "DESCRIPTION:Beskrivning av aktivitet " + i + ". Välkommen till oss\\; ta med en vän!\\n"
                    + "Plats: biblioteket\\, andra våningen. Vi bjuder på fika och samtal på lätt svenska.");
            line(out, "CATEGORIES:" + (i % 2 == 0 ? "Språkcafé" : "Övrigt"));
            line(out, "STATUS:" + (i % 17 == 16 ? "CANCELLED" : "CONFIRMED"));
            line(out, "END:VEVENT");
        }
        line(out, "END:VCALENDAR");
        return out.toString();
    }

    private static void line(StringBuilder out, String line) {
        out.append(line).append("\r\n");
    }

    private static void fold(StringBuilder out, String line) {
        int at = 0;
        while (line.length() - at > 73) {
            out.append(at == 0 ? "" : " ").append(line, at, at + 73).append("\r\n");
            at += 73;
        }
        out.append(at == 0 ? "" : " ").append(line.substring(at)).append("\r\n");
    }
}
