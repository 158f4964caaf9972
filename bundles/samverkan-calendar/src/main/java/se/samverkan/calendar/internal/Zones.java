package se.samverkan.calendar.internal;

import java.io.IOException;
import java.io.StringReader;
import java.text.ParseException;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.Set;

import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.data.CalendarParserImpl;
import net.fortuna.ical4j.data.ParserException;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Component;
import net.fortuna.ical4j.model.DateTime;
import net.fortuna.ical4j.model.TimeZone;
import net.fortuna.ical4j.model.TimeZoneRegistry;
import net.fortuna.ical4j.model.component.VTimeZone;

import se.samverkan.api.model.Activity;

/**
 * Time zones of a feed. A TZID that names an IANA zone (directly, as a Windows name Outlook and Exchange use, or as
 * the tail of a prefixed id such as "/mozilla.org/20070129_1/Europe/Stockholm") uses the JDK's tz rules; any other
 * TZID uses the feed's own VTIMEZONE, through ical4j. ical4j's own time zone registry is never asked: it would load
 * its zoneinfo and, by default, try to update it over the network from tzurl.org.
 */
public final class Zones {

    /** Local date-times of one zone to instants and back. */
    public interface Zone {
        Instant toInstant(LocalDateTime local);

        LocalDateTime toLocal(Instant instant);
    }

    public static final Zone STOCKHOLM = of(Activity.ZONE);
    public static final Zone UTC = of(ZoneOffset.UTC);

    static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss");

    /** The JDK's zone ids; asking the JDK copies the whole set every time. */
    private static final Set<String> IANA = Set.copyOf(ZoneId.getAvailableZoneIds());

    /** Windows time zone names (as in Outlook and Exchange feeds) of the zones newcomers' calendars are likely in. */
    private static final Map<String, String> WINDOWS = Map.ofEntries(
            Map.entry("W. Europe Standard Time", "Europe/Berlin"),
            Map.entry("Central Europe Standard Time", "Europe/Budapest"),
            Map.entry("Central European Standard Time", "Europe/Warsaw"),
            Map.entry("Romance Standard Time", "Europe/Paris"),
            Map.entry("GMT Standard Time", "Europe/London"),
            Map.entry("Greenwich Standard Time", "Atlantic/Reykjavik"),
            Map.entry("FLE Standard Time", "Europe/Kiev"),
            Map.entry("GTB Standard Time", "Europe/Bucharest"),
            Map.entry("E. Europe Standard Time", "Europe/Chisinau"),
            Map.entry("Russian Standard Time", "Europe/Moscow"),
            Map.entry("Turkey Standard Time", "Europe/Istanbul"),
            Map.entry("Syria Standard Time", "Asia/Damascus"),
            Map.entry("Jordan Standard Time", "Asia/Amman"),
            Map.entry("Middle East Standard Time", "Asia/Beirut"),
            Map.entry("Egypt Standard Time", "Africa/Cairo"),
            Map.entry("Israel Standard Time", "Asia/Jerusalem"),
            Map.entry("Arabic Standard Time", "Asia/Baghdad"),
            Map.entry("Arab Standard Time", "Asia/Riyadh"),
            Map.entry("Iran Standard Time", "Asia/Tehran"),
            Map.entry("Afghanistan Standard Time", "Asia/Kabul"),
            Map.entry("E. Africa Standard Time", "Africa/Nairobi"),
            Map.entry("W. Central Africa Standard Time", "Africa/Lagos"),
            Map.entry("South Africa Standard Time", "Africa/Johannesburg"),
            Map.entry("Pakistan Standard Time", "Asia/Karachi"),
            Map.entry("India Standard Time", "Asia/Kolkata"),
            Map.entry("Eastern Standard Time", "America/New_York"),
            Map.entry("Central Standard Time", "America/Chicago"),
            Map.entry("Pacific Standard Time", "America/Los_Angeles"),
            Map.entry("UTC", "UTC"),
            Map.entry("Coordinated Universal Time", "UTC"));

    /** Europe/Stockholm as Google Calendar writes it: the EU rules in force since 1996. */
    static final String STOCKHOLM_VTIMEZONE = String.join("\r\n",
            "BEGIN:VTIMEZONE",
            "TZID:Europe/Stockholm",
            "X-LIC-LOCATION:Europe/Stockholm",
            "BEGIN:DAYLIGHT",
            "TZOFFSETFROM:+0100",
            "TZOFFSETTO:+0200",
            "TZNAME:CEST",
            "DTSTART:19700329T020000",
            "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU",
            "END:DAYLIGHT",
            "BEGIN:STANDARD",
            "TZOFFSETFROM:+0200",
            "TZOFFSETTO:+0100",
            "TZNAME:CET",
            "DTSTART:19701025T030000",
            "RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU",
            "END:STANDARD",
            "END:VTIMEZONE");

    private Zones() {
    }

    public static Zone of(ZoneId zone) {
        return new Iana(zone);
    }

    /** A zone by the JDK's tz rules; equal for the same zone, so two times can be seen to share one. */
    private record Iana(ZoneId zone) implements Zone {
        @Override
        public Instant toInstant(LocalDateTime local) {
            // In a gap (spring forward) this moves the time later by the gap's length, as RFC 5545 3.3.5 asks.
            return local.atZone(zone).toInstant();
        }

        @Override
        public LocalDateTime toLocal(Instant instant) {
            return LocalDateTime.ofInstant(instant, zone);
        }
    }

    /** A zone defined by a feed's VTIMEZONE. */
    static Zone of(TimeZone timeZone) {
        return new Zone() {
            @Override
            public Instant toInstant(LocalDateTime local) {
                try {
                    return Instant.ofEpochMilli(new DateTime(LOCAL.format(local), timeZone).getTime());
                } catch (ParseException e) {
                    throw new IllegalStateException(e);
                }
            }

            @Override
            public LocalDateTime toLocal(Instant instant) {
                int offset = timeZone.getOffset(instant.toEpochMilli()) / 1000;
                return LocalDateTime.ofInstant(instant, ZoneOffset.ofTotalSeconds(offset));
            }
        };
    }

    /** The zone a TZID names, using the feed's VTIMEZONEs if it is no IANA zone; null if unknown. */
    public static Zone resolve(String tzid, Map<String, VTimeZone> feedZones) {
        String id = tzid.trim();
        ZoneId zone = ianaZone(id);
        if (zone != null) {
            return of(zone);
        }
        VTimeZone vTimeZone = feedZones.get(id);
        return vTimeZone == null ? null : of(new TimeZone(vTimeZone));
    }

    static ZoneId ianaZone(String id) {
        String windows = WINDOWS.get(id);
        if (windows != null) {
            return ZoneId.of(windows);
        }
        if (IANA.contains(id)) {
            return ZoneId.of(id);
        }
        // Prefixed ids: "/mozilla.org/20070129_1/Europe/Stockholm", "/softwarestudio.org/Olson_20011030_5/Europe/Oslo".
        String[] parts = id.split("/");
        for (int take = Math.min(3, parts.length); take >= 2; take--) {
            String tail = String.join("/", java.util.Arrays.copyOfRange(parts, parts.length - take, parts.length));
            if (IANA.contains(tail)) {
                return ZoneId.of(tail);
            }
        }
        try {
            return id.startsWith("UTC") || id.startsWith("GMT") ? ZoneId.of(id) : null;
        } catch (DateTimeException e) {
            return null;
        }
    }

    /** A new copy of the Europe/Stockholm VTIMEZONE that exports carry. */
    public static VTimeZone stockholmVTimeZone() {
        try {
            Calendar calendar = build("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Samverkan//Calendar//EN\r\n"
                    + STOCKHOLM_VTIMEZONE + "\r\nEND:VCALENDAR\r\n");
            return calendar.getComponent(Component.VTIMEZONE);
        } catch (IOException | ParserException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Reads calendar text with ical4j without any time zone registry: date-times stay as written (their TZID
     * parameter is kept and resolved by {@link #resolve}), and ical4j's global registry and its network updates
     * are never used.
     */
    public static Calendar build(String text) throws IOException, ParserException {
        CalendarBuilder builder = new CalendarBuilder(new CalendarParserImpl(), FeedContent.CONTEXT,
                (TimeZoneRegistry) null);
        return builder.build(new StringReader(text));
    }
}
