package se.samverkan.calendar;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.URI;
import java.text.ParseException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.DateTime;
import net.fortuna.ical4j.model.ParameterList;
import net.fortuna.ical4j.model.PropertyList;
import net.fortuna.ical4j.model.TextList;
import net.fortuna.ical4j.model.TimeZone;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.component.VTimeZone;
import net.fortuna.ical4j.model.parameter.Cn;
import net.fortuna.ical4j.model.parameter.Language;
import net.fortuna.ical4j.model.property.CalScale;
import net.fortuna.ical4j.model.property.Categories;
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.DtEnd;
import net.fortuna.ical4j.model.property.DtStamp;
import net.fortuna.ical4j.model.property.DtStart;
import net.fortuna.ical4j.model.property.Method;
import net.fortuna.ical4j.model.property.Organizer;
import net.fortuna.ical4j.model.property.ProdId;
import net.fortuna.ical4j.model.property.Sequence;
import net.fortuna.ical4j.model.property.Status;
import net.fortuna.ical4j.model.property.Summary;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.Url;
import net.fortuna.ical4j.model.property.Version;
import net.fortuna.ical4j.model.property.XProperty;

import se.samverkan.api.model.Activity;
import se.samverkan.api.model.Occurrence;
import se.samverkan.api.model.OccurrenceStatus;
import se.samverkan.calendar.internal.EventSeries;
import se.samverkan.calendar.internal.Texts;
import se.samverkan.calendar.internal.Zones;

/**
 * Writes activities as an iCalendar feed (RFC 5545) that Google Calendar, Outlook and Apple Calendar can subscribe to.
 *
 * <p>The calendar has PRODID, VERSION:2.0, CALSCALE:GREGORIAN, METHOD:PUBLISH, X-WR-CALNAME, X-WR-TIMEZONE and a
 * VTIMEZONE for Europe/Stockholm. Each occurrence is one VEVENT (clients handle single events more consistently than
 * RDATE series with differing times), with:
 * <ul>
 *   <li>UID {@code <activity id>-<start in UTC as yyyyMMdd'T'HHmmss'Z'>@samverkan}: stable as long as the occurrence
 *       keeps its start;</li>
 *   <li>DTSTART and DTEND with TZID=Europe/Stockholm, DTSTAMP (the time of writing), SEQUENCE:0; a time in the
 *       hour that the autumn change repeats is written in UTC, since its local time names two instants;</li>
 *   <li>ORGANIZER: the calendar's name at the link base ({@code urn:samverkan:calendar} without one), since
 *       METHOD:PUBLISH (RFC 5546) requires one;</li>
 *   <li>SUMMARY and DESCRIPTION in Swedish with LANGUAGE=sv. RFC 5545 allows one SUMMARY and one DESCRIPTION per
 *       event (ical4j's validator enforces it), so the other languages go into X-SAMVERKAN-SUMMARY and
 *       X-SAMVERKAN-DESCRIPTION with their LANGUAGE parameter, which clients ignore and {@link ICalendarImport}
 *       reads back;</li>
 *   <li>CATEGORIES with the category as a word ("swimming", "swedish-language-practice");</li>
 *   <li>STATUS:CONFIRMED, or STATUS:CANCELLED for a cancelled occurrence (it stays in the feed, so subscribers see
 *       the cancellation);</li>
 *   <li>URL: the activity's id under the link base ({@code .../activities} gives {@code .../activities/ID}) when a
 *       link base is given;</li>
 *   <li>X-SAMVERKAN-ACTIVITY with the activity id, by which {@link ICalendarImport} groups the occurrences back into
 *       one activity.</li>
 * </ul>
 * Text values are escaped once, by ical4j as it writes them (X- properties too). Lines are folded at 75 octets of
 * UTF-8, never inside a character.
 */
public final class ICalendarExport {

    public static final String PRODID = "-//Samverkan//Samverkan Calendar 1.0//SV";

    private static final String END = "END:VCALENDAR\r\n";

    private static final DateTimeFormatter UTC_TEXT = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'");
    private static final DateTimeFormatter LOCAL_TEXT = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss");

    private ICalendarExport() {
    }

    /**
     * @param calendarName shown by clients as the calendar's name (X-WR-CALNAME)
     * @param activities   whose occurrences to publish; occurrences without start or end are left out
     * @param linkBase     base of each event's URL, may be null for none
     */
    public static String write(String calendarName, List<Activity> activities, URI linkBase) {
        return write(calendarName, activities, linkBase, "sv");
    }

    /**
     * As {@link #write(String, List, URI)}, for subscribers who read {@code language}: SUMMARY and DESCRIPTION
     * are in that language where the activity has a text in it, else in Swedish; the other languages ride along.
     */
    public static String write(String calendarName, List<Activity> activities, URI linkBase, String language) {
        StringWriter out = new StringWriter();
        try {
            write(out, calendarName, activities, linkBase, language);
        } catch (IOException e) {
            throw new UncheckedIOException(e);  // a StringWriter does not fail
        }
        return out.toString();
    }

    /**
     * As {@link #write(String, List, URI, String)}, written to {@code out} one event at a time: the whole calendar is
     * never held, so a feed of a hundred thousand occurrences costs the memory of one (held whole, such a feed took
     * over a gigabyte of heap and failed the JVM's other work with it).
     */
    public static void write(Writer out, String calendarName, List<Activity> activities, URI linkBase, String language)
            throws IOException {
        Objects.requireNonNull(calendarName, "calendarName");
        Calendar calendar = new Calendar();
        PropertyList<net.fortuna.ical4j.model.Property> properties = calendar.getProperties();
        properties.add(new ProdId(PRODID));
        properties.add(Version.VERSION_2_0);
        properties.add(CalScale.GREGORIAN);
        properties.add(Method.PUBLISH);
        properties.add(new XProperty("X-WR-CALNAME", calendarName));
        properties.add(new XProperty("X-WR-TIMEZONE", Activity.ZONE.getId()));
        VTimeZone vTimeZone = Zones.stockholmVTimeZone();
        calendar.getComponents().add(vTimeZone);
        TimeZone zone = new TimeZone(vTimeZone);
        DateTime stamp = utc(Instant.now().truncatedTo(ChronoUnit.SECONDS));
        Organizer organizer = organizer(calendarName, linkBase);

        // The calendar's head as ical4j writes it, the events after it one by one, then its end.
        String head = calendar.toString();
        out.write(Texts.fold(head.substring(0, head.lastIndexOf(END))));
        for (Activity activity : activities) {
            List<Occurrence> occurrences = activity.occurrences() == null ? List.of() : activity.occurrences().stream()
                    .filter(o -> o.start() != null && o.end() != null)
                    .sorted(Comparator.comparing(Occurrence::start)).toList();
            for (Occurrence occurrence : occurrences) {
                out.write(Texts.fold(event(activity, occurrence, zone, stamp, linkBase, organizer,
                        language == null ? "sv" : language).toString()));
            }
        }
        out.write(END);
    }

    private static VEvent event(Activity activity, Occurrence occurrence, TimeZone zone, DateTime stamp,
                                URI linkBase, Organizer organizer, String wanted) {
        VEvent event = new VEvent(false);
        PropertyList<net.fortuna.ical4j.model.Property> p = event.getProperties();
        p.add(new Uid(activity.id() + "-" + UTC_TEXT.format(occurrence.start().withOffsetSameInstant(ZoneOffset.UTC))
                + "@samverkan"));
        p.add(new DtStamp(stamp));
        p.add(new DtStart(time(occurrence.start(), zone)));
        p.add(new DtEnd(time(occurrence.end(), zone)));
        p.add(new Sequence(0));
        p.add(organizer);

        Map<String, String> title = activity.title() == null ? Map.of() : activity.title();
        String primary = hasText(title, wanted) ? wanted : "sv";
        String summary = title.get(primary);
        if (summary == null || summary.isBlank()) {
            summary = title.values().stream().filter(t -> t != null && !t.isBlank()).findFirst().orElse(activity.id());
        }
        p.add(new Summary(language(primary), summary));
        title.entrySet().stream().filter(e -> !e.getKey().equals(primary) && e.getValue() != null)
                .sorted(Map.Entry.comparingByKey())
                .forEach(e -> p.add(new XProperty(EventSeries.SUMMARY_PROPERTY, language(e.getKey()),
                        e.getValue())));
        Map<String, String> description = activity.description() == null ? Map.of() : activity.description();
        String primaryText = hasText(description, wanted) ? wanted : "sv";
        description.entrySet().stream().filter(e -> e.getValue() != null && !e.getValue().isBlank())
                .sorted(Comparator.comparing((Map.Entry<String, String> e) -> !e.getKey().equals(primaryText))
                        .thenComparing(Map.Entry::getKey))
                .forEach(e -> p.add(e.getKey().equals(primaryText)
                        ? new Description(language(primaryText), e.getValue())
                        : new XProperty(EventSeries.DESCRIPTION_PROPERTY, language(e.getKey()), e.getValue())));
        if (activity.category() != null) {
            p.add(new Categories(new TextList(new String[] {
                    activity.category().name().toLowerCase(Locale.ROOT).replace('_', '-')})));
        }
        p.add(occurrence.status() == OccurrenceStatus.CANCELLED ? Status.VEVENT_CANCELLED : Status.VEVENT_CONFIRMED);
        if (linkBase != null) {
            p.add(new Url(link(linkBase, activity.id())));
        }
        p.add(new XProperty(EventSeries.ACTIVITY_PROPERTY, activity.id()));
        return event;
    }

    private static boolean hasText(Map<String, String> texts, String language) {
        String text = texts.get(language);
        return text != null && !text.isBlank();
    }

    /** iTIP PUBLISH (RFC 5546) requires an ORGANIZER: the calendar, named, at its link base. */
    private static Organizer organizer(String calendarName, URI linkBase) {
        ParameterList parameters = new ParameterList();
        parameters.add(new Cn(calendarName.replace("\"", "'")));
        return new Organizer(parameters, linkBase != null ? linkBase : URI.create("urn:samverkan:calendar"));
    }

    private static ParameterList language(String code) {
        ParameterList parameters = new ParameterList();
        parameters.add(new Language(code));
        return parameters;
    }

    /** The activity's page: its id as one more path segment of the base, whether or not the base ends in "/". */
    static URI link(URI base, String activityId) {
        // Resolving against ".../activities" would replace its last segment: the id is added below it instead.
        URI folder = base.getPath() != null && base.getPath().endsWith("/") ? base : URI.create(base + "/");
        return folder.resolve(activityId);
    }

    /** Stockholm time, or UTC where the local time is ambiguous (the repeated hour of the autumn change). */
    private static DateTime time(OffsetDateTime time, TimeZone zone) {
        LocalDateTime local = time.atZoneSameInstant(Activity.ZONE).toLocalDateTime();
        if (Activity.ZONE.getRules().getValidOffsets(local).size() != 1) {
            return utc(time.toInstant());
        }
        try {
            return new DateTime(LOCAL_TEXT.format(local), zone);
        } catch (ParseException e) {
            throw new IllegalStateException(e);
        }
    }

    private static DateTime utc(Instant instant) {
        DateTime dateTime = new DateTime(instant.toEpochMilli());
        dateTime.setUtc(true);
        return dateTime;
    }
}
