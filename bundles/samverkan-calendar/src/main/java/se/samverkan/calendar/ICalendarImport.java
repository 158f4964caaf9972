package se.samverkan.calendar;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import net.fortuna.ical4j.data.ParserException;
import net.fortuna.ical4j.model.Component;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.component.VTimeZone;

import se.samverkan.api.model.Activity;
import se.samverkan.api.service.ValidationException;
import se.samverkan.api.util.Sha256;
import se.samverkan.api.util.TextDecoding;
import se.samverkan.api.validation.Validation;
import se.samverkan.calendar.internal.EventSeries;
import se.samverkan.calendar.internal.EventSeries.Rejection;
import se.samverkan.calendar.internal.FeedText;
import se.samverkan.calendar.internal.FeedText.Block;
import se.samverkan.calendar.internal.Texts;
import se.samverkan.calendar.internal.Zones;

/**
 * Reads an iCalendar feed (RFC 5545, as Google Calendar, Outlook/Exchange and Apple Calendar publish them) into
 * activities.
 *
 * <h2>Events and activities</h2>
 * All VEVENTs with one UID (the series and its RECURRENCE-ID overrides) become one activity, with id
 * {@link #activityId(String, String) activityId(feedId, UID)}; its occurrences are the series' instances that
 * overlap the window from {@value FeedMapping#PAST_DAYS} days before {@code today} to {@code horizonDays} after it,
 * sorted by start. Events with no instance in the window are left out; those that started before it are named in
 * {@link ParsedFeed#past()}, so a store keeps what it has of them. A feed written by
 * {@link ICalendarExport} (one VEVENT per occurrence, each with X-SAMVERKAN-ACTIVITY) is grouped by that activity
 * id instead of by UID, so import, export and import again give the same activities.
 *
 * <h2>Recurrence</h2>
 * RRULE, RDATE and EXDATE are expanded within the window only, in the local time of DTSTART's zone (a weekly 18:00
 * stays 18:00 across daylight-saving changes): ical4j's {@code Recur} computes the rule on local times, the JDK's
 * tz rules turn them into instants (ical4j 3's own zoned expansion has open DST bugs). An EXDATE removes an
 * instance; an override with STATUS:CANCELLED keeps it as a CANCELLED occurrence; any other override replaces the
 * instance's start and end (RANGE=THISANDFUTURE is treated as this instance only). An event with STATUS:CANCELLED is
 * imported with {@code cancelled} and every occurrence CANCELLED, so a store can cancel what it holds. Expansion is
 * always bounded by the window and by {@value #MAX_OCCURRENCES} occurrences per event: a rule that gives more (say
 * FREQ=MINUTELY) is taken up to that many, and the feed is told so by a warning ({@link ParsedFeed#warnings()}).
 * A rule with COUNT above {@value #MAX_COUNT}, or a DTSTART more than {@value #MAX_YEARS_BACK} years back, rejects
 * the event.
 *
 * <h2>Times</h2>
 * A TZID resolves as {@link Zones} describes (IANA ids, Outlook's Windows names, else the feed's VTIMEZONE); an
 * unknown TZID rejects the event. UTC times stay UTC; floating times (no TZID, no Z) are Europe/Stockholm. An all-day
 * event (VALUE=DATE) runs from 00:00 Stockholm time on its date to 00:00 on its DTEND date (the next day if it has
 * none). A timed event needs DTEND or DURATION after DTSTART, since an occurrence must end after it starts. A local
 * time that does not exist (in the spring-forward gap) is moved later by the gap's length (RFC 5545 3.3.5); an event
 * starting in the gap keeps the length its local DTSTART and DTEND give it.
 *
 * <h2>Text</h2>
 * The feed's charset is found as {@link TextDecoding} describes (a byte-order mark, the charset the source declared,
 * UTF-8 if the bytes are valid UTF-8, else Windows-1252); a guess or replaced bytes are a warning of the feed. Titles
 * come from SUMMARY (and X-SAMVERKAN-SUMMARY), descriptions from DESCRIPTION (and X-SAMVERKAN-DESCRIPTION), keyed by
 * their LANGUAGE parameter's primary subtag ("sv-SE" is "sv"), or by {@link FeedMapping#textLanguage()} without one.
 * The platform requires a Swedish title: an event without one gets its first SUMMARY as the Swedish title as well
 * (kept under its own language too), so the event is imported and a coordinator can translate the title later. The
 * category is that of the first CATEGORIES value found in {@link FeedMapping#categories()}, else of a value naming a
 * category as exports write it ("swimming", "swedish-language-practice"), else the mapping's default.
 *
 * <h2>Broken feeds</h2>
 * Each event is read on its own: an event ical4j cannot read (a bad DTSTART, an unknown TZID, a VEVENT without END),
 * an event the mapping cannot use, or an activity that fails {@link Validation#validate(Activity)} is returned as a
 * {@link RejectedEvent} with the reason and its raw text, and the others are imported. Unused properties (ATTENDEE,
 * ORGANIZER, GEO, URL, LOCATION, ...) and VALARMs are not read, so a broken one does not reject its event.
 * A text without END:VCALENDAR is taken as cut off, and fails the whole read, so that what is missing is not taken
 * as gone. Lines are unfolded on bytes before decoding (writers fold inside multi-byte characters), then relaxed as
 * {@link FeedText} describes. No ical4j compatibility hint (global state in ical4j) is set;
 * the reading is configured per call instead. The caller bounds the feed's size before calling.
 */
public final class ICalendarImport {

    public static final int MAX_OCCURRENCES = EventSeries.MAX_OCCURRENCES;
    public static final int MAX_COUNT = EventSeries.MAX_COUNT;
    public static final int MAX_YEARS_BACK = EventSeries.MAX_YEARS_BACK;

    private static final int MAX_ID_LENGTH = 80;
    private static final int HASH_LENGTH = 10;

    private ICalendarImport() {
    }

    /**
     * @param in      the feed; read to its end, not closed
     * @param mapping how events become activities
     * @param today   the day the window is counted from (Stockholm)
     * @throws FeedException when the text is unreadable or no iCalendar at all
     */
    public static ParsedFeed parse(InputStream in, FeedMapping mapping, LocalDate today) throws FeedException {
        Series series = read(in, null, mapping, today);
        return ParsedFeed.join(List.of(series.head(), series.map(0, series.size())));
    }

    /**
     * Reads a feed as far as its series (all VEVENTs of one UID), not yet mapped: a caller can then map and store
     * it in parts, storing one part while the next is mapped. Everything that can fail the whole feed fails here.
     *
     * @param charset the charset the source declared (HTTP), null if none
     * @throws FeedException when the text is unreadable, cut off (no END:VCALENDAR) or no iCalendar at all
     */
    public static Series read(InputStream in, Charset charset, FeedMapping mapping, LocalDate today)
            throws FeedException {
        Objects.requireNonNull(mapping, "mapping");
        Objects.requireNonNull(today, "today");
        TextDecoding.Decoded text;
        try {
            text = TextDecoding.decode(unfold(in.readAllBytes()), charset);
        } catch (IOException e) {
            throw new FeedException("the feed could not be read: " + e.getMessage(), e);
        }
        FeedText.Split split = FeedText.split(text.text());
        if (!split.calendar()) {
            throw new FeedException("not an iCalendar feed: it has no BEGIN:VCALENDAR");
        }
        if (!split.ended()) {
            // A download cut off (a closed connection looks like the end): what is missing is not gone.
            throw new FeedException("the feed is cut off: it has no END:VCALENDAR");
        }

        Map<String, VTimeZone> zones = new HashMap<>();
        for (Block block : split.timezones()) {
            try {
                VTimeZone zone = Zones.build(wrap(block)).getComponent(Component.VTIMEZONE);
                if (zone != null && zone.getTimeZoneId() != null) {
                    zones.put(zone.getTimeZoneId().getValue().trim(), zone);
                }
            } catch (IOException | ParserException | RuntimeException e) {
                // Left out: events that use it and name no IANA zone are rejected as having an unknown TZID.
            }
        }

        List<RejectedEvent> unreadable = new ArrayList<>();
        for (Block block : split.brokenEvents()) {
            unreadable.add(new RejectedEvent(block.value("UID"),
                    "the VEVENT has no END:VEVENT (the feed is cut off or broken there)", block.raw()));
        }
        Map<String, List<Block>> series = new LinkedHashMap<>();
        for (Block block : split.events()) {
            String key = block.value(EventSeries.ACTIVITY_PROPERTY);
            if (key == null || key.isBlank()) {
                key = block.value("UID");
            }
            if (key == null || key.isBlank()) {
                unreadable.add(new RejectedEvent(null, "the VEVENT has no UID", block.raw()));
            } else {
                series.computeIfAbsent(key, k -> new ArrayList<>()).add(block);
            }
        }
        return new Series(List.copyOf(series.entrySet()), unreadable,
                text.warning() == null ? List.of() : List.of("the feed's text: " + text.warning()), zones, mapping,
                today);
    }

    /** A feed read as far as its series; see {@link #read}. */
    public static final class Series {

        private final List<Map.Entry<String, List<Block>>> series;
        private final List<RejectedEvent> unreadable;
        private final List<String> warnings;
        private final Map<String, VTimeZone> zones;
        private final FeedMapping mapping;
        private final Instant from;
        private final Instant to;

        private Series(List<Map.Entry<String, List<Block>>> series, List<RejectedEvent> unreadable,
                       List<String> warnings, Map<String, VTimeZone> zones, FeedMapping mapping, LocalDate today) {
            this.series = series;
            this.unreadable = List.copyOf(unreadable);
            this.warnings = warnings;
            this.zones = zones;
            this.mapping = mapping;
            this.from = today.minusDays(FeedMapping.PAST_DAYS).atStartOfDay(Activity.ZONE).toInstant();
            this.to = today.plusDays(mapping.horizonDays() + 1L).atStartOfDay(Activity.ZONE).toInstant();
        }

        /** How many series the feed has. */
        public int size() {
            return series.size();
        }

        /**
         * What belongs to the document rather than to a series: events of none (a VEVENT without END or UID) and
         * warnings about the whole text (its charset).
         */
        public ParsedFeed head() {
            return new ParsedFeed(List.of(), unreadable, List.of(), warnings);
        }

        /**
         * Maps the series from index {@code from} (inclusive) to {@code to} (exclusive) into activities. Each series
         * is read and mapped on its own, so they are spread over the cores; the order stays the feed's.
         */
        public ParsedFeed map(int from, int to) {
            List<ImportedEvent> events = new ArrayList<>();
            List<RejectedEvent> rejected = new ArrayList<>();
            List<String> past = new ArrayList<>();
            List<String> warnings = new ArrayList<>();
            List<Mapped> mapped = series.subList(from, to).parallelStream()
                    .map(e -> ICalendarImport.map(e.getKey(), e.getValue(), zones, mapping, this.from, this.to))
                    .toList();
            for (Mapped m : mapped) {
                if (m.warning() != null) {
                    warnings.add(m.warning());
                }
                if (m.event() != null) {
                    events.add(m.event());
                } else if (m.rejected() != null) {
                    rejected.add(m.rejected());
                } else if (m.past() != null) {
                    past.add(m.past());
                }
            }
            return new ParsedFeed(events, rejected, past, warnings);
        }
    }

    /**
     * What one series became: an event, a rejection, or neither when it has no instance in the window; then
     * {@code past} is its UID if it started before the window. {@code warning} says what of an event was not
     * taken as written.
     */
    private record Mapped(ImportedEvent event, RejectedEvent rejected, String past, String warning) {
        Mapped(ImportedEvent event, RejectedEvent rejected, String past) {
            this(event, rejected, past, null);
        }
    }

    private static Mapped map(String uid, List<Block> blocks, Map<String, VTimeZone> zones, FeedMapping mapping,
                              Instant from, Instant to) {
        StringBuilder raw = new StringBuilder();
        blocks.forEach(b -> raw.append(b.raw()));
        try {
            List<VEvent> vevents = new ArrayList<>();
            for (Block block : blocks) {
                vevents.add(read(block));
            }
            EventSeries series = new EventSeries(vevents, zones, mapping, from, to);
            EventSeries.Result result = series.map();
            if (result == null) {
                return new Mapped(null, null, series.startsBeforeWindow() ? uid : null);
            }
            Activity activity = result.activity(activityId(mapping.feedId(), uid));
            Validation.validate(activity);
            return new Mapped(new ImportedEvent(uid, result.sequence(), result.lastModified(), result.cancelled(),
                    activity, raw.toString()), null, null,
                    result.warning() == null ? null : "event " + uid + ": " + result.warning());
        } catch (Rejection e) {
            return new Mapped(null, new RejectedEvent(uid, e.getMessage(), raw.toString()), null);
        } catch (ValidationException e) {
            return new Mapped(null, new RejectedEvent(uid, "the activity is not valid: " + e.getMessage(), raw.toString()),
                    null);
        } catch (RuntimeException e) {
            return new Mapped(null, new RejectedEvent(uid, "the event could not be mapped: " + e, raw.toString()), null);
        }
    }

    /**
     * The id of the activity an event becomes: stable for a feed and UID, at most 80 characters of a-z, 0-9 and
     * hyphens. It is {@code feedId-uid} where the UID already is such a word; otherwise the UID as a slug, shortened
     * if needed, followed by 10 hex digits of its SHA-256, so that UIDs differing only in case or punctuation stay
     * apart.
     */
    public static String activityId(String feedId, String uid) {
        Objects.requireNonNull(feedId, "feedId");
        Objects.requireNonNull(uid, "uid");
        String slug = Texts.slug(uid);
        String plain = feedId + "-" + slug;
        if (slug.equals(uid) && !slug.isEmpty() && plain.length() <= MAX_ID_LENGTH) {
            return plain;
        }
        String hash = Sha256.hex(uid).substring(0, HASH_LENGTH);
        int room = MAX_ID_LENGTH - feedId.length() - 2 - HASH_LENGTH;
        if (slug.length() > room) {
            slug = slug.substring(0, Math.max(0, room)).replaceAll("-+$", "");
        }
        return slug.isEmpty() ? feedId + "-" + hash : feedId + "-" + slug + "-" + hash;
    }

    private static boolean isBlank(byte b) {
        return b == ' ' || b == '\t';
    }

    private static VEvent read(Block block) throws Rejection {
        try {
            VEvent event = Zones.build(wrap(block)).getComponent(Component.VEVENT);
            if (event == null) {
                throw new Rejection("the VEVENT could not be read");
            }
            return event;
        } catch (ParserException e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            throw new Rejection("the VEVENT could not be read: " + describe(cause));
        } catch (IOException | RuntimeException e) {
            throw new Rejection("the VEVENT could not be read: " + describe(e));
        }
    }

    private static String describe(Throwable e) {
        String message = e.getMessage();
        return message == null || message.isBlank() ? e.getClass().getSimpleName() : message;
    }

    private static String wrap(Block block) {
        return "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Samverkan//Calendar import//EN\r\n"
                + String.join("\r\n", block.lines()) + "\r\nEND:VCALENDAR\r\n";
    }

    /**
     * Unfolds on bytes, before decoding: RFC 5545 folds at 75 octets, and many writers fold inside a multi-byte
     * UTF-8 character, which must be joined before it is decoded.
     */
    private static byte[] unfold(byte[] bytes) {
        byte[] unfolded = new byte[bytes.length];
        int n = 0;
        for (int i = 0; i < bytes.length; i++) {
            byte b = bytes[i];
            if (b == '\r' && i + 2 < bytes.length && bytes[i + 1] == '\n' && isBlank(bytes[i + 2])) {
                i += 2;
            } else if (b == '\n' && i + 1 < bytes.length && isBlank(bytes[i + 1])) {
                i += 1;
            } else {
                unfolded[n++] = b;
            }
        }
        return Arrays.copyOf(unfolded, n);
    }
}
