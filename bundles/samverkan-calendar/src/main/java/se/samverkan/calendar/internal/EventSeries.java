package se.samverkan.calendar.internal;

import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.TemporalAmount;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import net.fortuna.ical4j.model.Date;
import net.fortuna.ical4j.model.DateList;
import net.fortuna.ical4j.model.DateTime;
import net.fortuna.ical4j.model.Parameter;
import net.fortuna.ical4j.model.Period;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.Recur;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.component.VTimeZone;
import net.fortuna.ical4j.model.parameter.Value;
import net.fortuna.ical4j.model.property.Categories;
import net.fortuna.ical4j.model.property.DateListProperty;
import net.fortuna.ical4j.model.property.DateProperty;
import net.fortuna.ical4j.model.property.ExDate;
import net.fortuna.ical4j.model.property.LastModified;
import net.fortuna.ical4j.model.property.RDate;
import net.fortuna.ical4j.model.property.RRule;
import net.fortuna.ical4j.model.property.Sequence;

import se.samverkan.api.model.Activity;
import se.samverkan.api.model.ActivityCategory;
import se.samverkan.api.model.Occurrence;
import se.samverkan.api.model.OccurrenceStatus;
import se.samverkan.api.validation.Validation;
import se.samverkan.calendar.FeedMapping;

/**
 * One event series (the VEVENTs of one UID) mapped to an activity's fields and occurrences within a window. The rules
 * are described on {@link se.samverkan.calendar.ICalendarImport}.
 */
public final class EventSeries {

    /** As many as an activity may hold: a capped rule still gives a storable activity. */
    public static final int MAX_OCCURRENCES = Validation.OCCURRENCES;
    public static final int MAX_COUNT = 10_000;
    public static final int MAX_YEARS_BACK = 50;
    /** Carries the activity id in feeds written by ICalendarExport: the import groups by it. */
    public static final String ACTIVITY_PROPERTY = "X-SAMVERKAN-ACTIVITY";
    public static final String SUMMARY_PROPERTY = "X-SAMVERKAN-SUMMARY";
    public static final String DESCRIPTION_PROPERTY = "X-SAMVERKAN-DESCRIPTION";

    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss");
    private static final DateTimeFormatter UTC_TEXT = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'");

    /** An event that cannot become an activity; the message is the reason. */
    public static final class Rejection extends Exception {
        private static final long serialVersionUID = 1L;

        public Rejection(String message) {
            super(message);
        }
    }

    /**
     * The mapped series; {@link #activity(String)} builds the activity with its id. {@code warning} says what of it
     * was not taken as written (a recurrence capped at {@value #MAX_OCCURRENCES}), else null.
     */
    public record Result(Map<String, String> title, Map<String, String> description, ActivityCategory category,
                         FeedMapping mapping, List<Occurrence> occurrences, int sequence, Instant lastModified,
                         boolean cancelled, String warning) {

        public Activity activity(String id) {
            return new Activity(id, title, description, category, mapping.defaultFocusArea(), Set.of(),
                    mapping.languages(), mapping.municipalityCode(),
                    mapping.organisationId() == null ? List.of() : List.of(mapping.organisationId()),
                    null, null, mapping.venueId(), null, null, occurrences);
        }
    }

    /** A time as written: local time in a zone, and whether it is a date (all day). */
    private record When(LocalDateTime local, Zones.Zone zone, boolean date) {
        Instant instant() {
            return zone.toInstant(local);
        }

        /** The local time does not exist in its zone (the spring-forward gap). */
        boolean inGap() {
            return !zone.toLocal(instant()).equals(local);
        }
    }

    private record Instance(Instant start, Instant end, boolean cancelled) {
    }

    private final List<VEvent> events;
    private final Map<String, VTimeZone> zones;
    private final FeedMapping mapping;
    private final Instant from;
    private final Instant to;
    /** Set when a rule gave more occurrences than are taken. */
    private String warning;

    public EventSeries(List<VEvent> events, Map<String, VTimeZone> zones, FeedMapping mapping, Instant from,
                       Instant to) {
        this.events = events;
        this.zones = zones;
        this.mapping = mapping;
        this.from = from;
        this.to = to;
    }

    /** Whether the series starts before the window (its first VEVENT's DTSTART). */
    public boolean startsBeforeWindow() throws Rejection {
        return when(events.get(0).getProperty(Property.DTSTART), "DTSTART").instant().isBefore(from);
    }

    /** The series mapped, or null if none of its instances falls in the window. */
    public Result map() throws Rejection {
        List<VEvent> masters = new ArrayList<>();
        List<VEvent> overrides = new ArrayList<>();
        for (VEvent event : events) {
            (event.getProperty(Property.RECURRENCE_ID) == null ? masters : overrides).add(event);
        }
        VEvent primary = masters.isEmpty() ? overrides.get(0) : masters.get(0);

        TreeMap<Instant, Instance> instances = new TreeMap<>();
        for (VEvent master : masters) {
            expand(master, isCancelled(master), instances);
        }
        for (VEvent override : overrides) {
            When recurrenceId = when(override.getProperty(Property.RECURRENCE_ID));
            instances.remove(recurrenceId.instant());
            List<Instance> replacement = new ArrayList<>();
            if (override.getProperty(Property.DTSTART) == null) {
                throw new Rejection("the override for " + recurrenceId.local() + " has no DTSTART");
            }
            single(override, isCancelled(override), replacement);
            replacement.forEach(i -> instances.put(i.start(), i));
        }
        if (instances.isEmpty()) {
            return null;
        }

        boolean cancelled = (masters.isEmpty() ? overrides : masters).stream().allMatch(EventSeries::isCancelled);
        List<Occurrence> occurrences = new ArrayList<>();
        for (Instance instance : instances.values()) {
            occurrences.add(new Occurrence(null, stockholm(instance.start()), stockholm(instance.end()),
                    cancelled || instance.cancelled() ? OccurrenceStatus.CANCELLED : OccurrenceStatus.SCHEDULED));
        }

        int sequence = 0;
        Instant lastModified = null;
        for (VEvent event : events) {
            Sequence s = event.getProperty(Property.SEQUENCE);
            if (s != null) {
                sequence = Math.max(sequence, s.getSequenceNo());
            }
            LastModified m = event.getProperty(Property.LAST_MODIFIED);
            if (m != null && m.getDateTime() != null) {
                Instant t = Instant.ofEpochMilli(m.getDateTime().getTime());
                lastModified = lastModified == null || t.isAfter(lastModified) ? t : lastModified;
            }
        }

        Map<String, String> title = texts(primary, Property.SUMMARY, SUMMARY_PROPERTY);
        if (title.isEmpty()) {
            throw new Rejection("the event has no SUMMARY (title)");
        }
        if (!title.containsKey("sv")) {
            LinkedHashMap<String, String> withSwedish = new LinkedHashMap<>();
            withSwedish.put("sv", title.values().iterator().next());
            withSwedish.putAll(title);
            title = withSwedish;
        }
        Map<String, String> description = texts(primary, Property.DESCRIPTION, DESCRIPTION_PROPERTY);
        return new Result(title, description, category(primary), mapping, occurrences, sequence, lastModified,
                cancelled, warning);
    }

    private static boolean isCancelled(VEvent event) {
        Property status = event.getProperty(Property.STATUS);
        return status != null && "CANCELLED".equalsIgnoreCase(status.getValue().trim());
    }

    /** Text per language, sv first, from the standard property and its X-SAMVERKAN- variant. */
    private Map<String, String> texts(VEvent event, String name, String extension) {
        Map<String, String> found = new LinkedHashMap<>();
        List<Property> properties = new ArrayList<>(event.getProperties(name));
        properties.addAll(event.getProperties(extension));
        for (Property property : properties) {
            String text = property.getValue();
            if (text == null || text.isBlank()) {
                continue;
            }
            Parameter language = property.getParameter(Parameter.LANGUAGE);
            String code = language == null ? null : Texts.language(language.getValue());
            found.putIfAbsent(code == null ? mapping.textLanguage() : code, text.strip());
        }
        Map<String, String> ordered = new LinkedHashMap<>();
        if (found.containsKey("sv")) {
            ordered.put("sv", found.get("sv"));
        }
        ordered.putAll(found);
        return ordered;
    }

    private ActivityCategory category(VEvent event) {
        List<String> values = new ArrayList<>();
        for (Property property : event.getProperties(Property.CATEGORIES)) {
            ((Categories) property).getCategories().forEach(values::add);
        }
        for (String value : values) {
            ActivityCategory mapped = mapping.categories().get(value.trim());
            if (mapped != null) {
                return mapped;
            }
        }
        for (String value : values) {
            String name = value.trim().toUpperCase(Locale.ROOT).replace('-', '_').replace(' ', '_');
            for (ActivityCategory category : ActivityCategory.values()) {
                if (category.name().equals(name)) {
                    return category;
                }
            }
        }
        return mapping.defaultCategory();
    }

    /** The instances of a master (DTSTART, RRULE, RDATE, less EXDATE) that overlap the window. */
    private void expand(VEvent event, boolean cancelled, Map<Instant, Instance> into) throws Rejection {
        When start = when(event.getProperty(Property.DTSTART), "DTSTART");
        Length length = length(event, start);
        List<Instant> starts = new ArrayList<>();
        starts.add(start.instant());

        for (Property property : event.getProperties(Property.RRULE)) {
            for (LocalDateTime local : rule(((RRule) property).getRecur(), start, length)) {
                starts.add(start.zone().toInstant(local));
            }
        }
        for (Property property : event.getProperties(Property.EXRULE)) {
            throw new Rejection("EXRULE (deprecated since RFC 5545) is not supported: " + property.getValue());
        }
        List<Instance> extra = new ArrayList<>();
        for (Property property : event.getProperties(Property.RDATE)) {
            RDate rdate = (RDate) property;
            if (rdate.getPeriods() != null && !rdate.getPeriods().isEmpty()) {
                for (Period period : rdate.getPeriods()) {
                    Instant s = dateValue(period.getStart(), rdate, start.date()).instant();
                    Instant e = period.getEnd() == null ? length.end(start.zone(), s)
                            : dateValue(period.getEnd(), rdate, start.date()).instant();
                    extra.add(new Instance(s, e, cancelled));
                }
            } else {
                for (When when : dates(rdate, start.date())) {
                    starts.add(when.instant());
                }
            }
        }

        Set<Instant> excluded = new HashSet<>();
        Set<LocalDate> excludedDays = new HashSet<>();
        for (Property property : event.getProperties(Property.EXDATE)) {
            for (When when : dates((ExDate) property, start.date())) {
                if (when.date() && !start.date()) {
                    excludedDays.add(when.local().toLocalDate());
                } else {
                    excluded.add(when.instant());
                }
            }
        }

        for (Instant s : starts) {
            if (excluded.contains(s) || excludedDays.contains(start.zone().toLocal(s).toLocalDate())) {
                continue;
            }
            Instant e = length.end(start.zone(), s);
            if (!e.isAfter(s)) {
                throw new Rejection(length.missing()
                        ? "the event has no end (DTEND or DURATION); an occurrence needs one"
                        : e.equals(s) ? "the event ends when it starts (DTEND or DURATION gives it no length)"
                        : "the event ends before it starts (DTEND or DURATION)");
            }
            addInWindow(new Instance(s, e, cancelled), into);
        }
        for (Instance instance : extra) {
            if (!excluded.contains(instance.start())) {
                addInWindow(instance, into);
            }
        }
    }

    /** The one instance of an override (its own DTSTART and end). */
    private void single(VEvent event, boolean cancelled, List<Instance> into) throws Rejection {
        When start = when(event.getProperty(Property.DTSTART), "DTSTART");
        Length length = length(event, start);
        Instant s = start.instant();
        Instant e = length.end(start.zone(), s);
        if (!e.isAfter(s)) {
            throw new Rejection("the override for " + start.local() + " has no end after its start");
        }
        if (e.isAfter(from) && s.isBefore(to)) {
            into.add(new Instance(s, e, cancelled));
        }
    }

    private void addInWindow(Instance instance, Map<Instant, Instance> into) {
        if (instance.end().isAfter(from) && instance.start().isBefore(to)) {
            into.put(instance.start(), instance);
        }
    }

    /**
     * Expands a rule on local times ("floating UTC"), bounded by the window and by {@value #MAX_OCCURRENCES}: a rule
     * that gives more is taken up to that many, and {@link #warning} says so.
     */
    private List<LocalDateTime> rule(Recur recur, When start, Length length) throws Rejection {
        if (recur.getCount() > MAX_COUNT) {
            throw new Rejection("the RRULE's COUNT " + recur.getCount() + " is above " + MAX_COUNT);
        }
        LocalDateTime windowStart = start.zone().toLocal(from).minusDays(2 + length.days());
        LocalDateTime windowEnd = start.zone().toLocal(to).plusDays(2);
        if (start.local().isBefore(windowStart.minusYears(MAX_YEARS_BACK))) {
            throw new Rejection("the recurring event starts more than " + MAX_YEARS_BACK + " years ago");
        }
        if (!start.local().isBefore(windowEnd)) {
            return List.of();
        }
        Recur local;
        try {
            local = new Recur(localRule(recur, start));
        } catch (ParseException | IllegalArgumentException e) {
            throw new Rejection("the RRULE cannot be read: " + e.getMessage());
        }
        // The margin before the window (for local times against instants) must not use up the cap: the cap counts
        // what is in the window, so the rule is asked again from just after what it gave until the cap is reached.
        List<LocalDateTime> result = new ArrayList<>();
        LocalDateTime periodStart = windowStart;
        boolean more = true;
        while (more && result.size() <= MAX_OCCURRENCES) {
            DateList dates = local.getDates(floating(seed(recur, start.local(), periodStart)), floating(periodStart),
                    floating(windowEnd), Value.DATE_TIME, MAX_OCCURRENCES + 1);
            for (Date date : dates) {
                LocalDateTime time = LocalDateTime.ofEpochSecond(Math.floorDiv(date.getTime(), 1000), 0,
                        ZoneOffset.UTC);
                Instant instant = start.zone().toInstant(time);
                if (length.end(start.zone(), instant).isAfter(from) && instant.isBefore(to)) {
                    result.add(time);
                }
                periodStart = time.plusSeconds(1);
            }
            more = dates.size() > MAX_OCCURRENCES;
        }
        if (result.size() > MAX_OCCURRENCES) {
            result = new ArrayList<>(result.subList(0, MAX_OCCURRENCES));
            warning = "the RRULE (" + recur + ") gives more than " + MAX_OCCURRENCES + " occurrences within the "
                    + "horizon; only the first " + MAX_OCCURRENCES + ", up to " + result.get(result.size() - 1)
                    + ", were taken";
        }
        return result;
    }

    /**
     * Where to start expanding: a rule of fixed steps (hourly and more often) without COUNT is moved by whole steps
     * to just before {@code periodStart}, so a minutely rule that began years ago costs no walk through every
     * minute since.
     */
    private static LocalDateTime seed(Recur recur, LocalDateTime start, LocalDateTime periodStart) {
        Duration unit = switch (recur.getFrequency()) {
            case SECONDLY -> Duration.ofSeconds(1);
            case MINUTELY -> Duration.ofMinutes(1);
            case HOURLY -> Duration.ofHours(1);
            default -> null;
        };
        if (unit == null || recur.getCount() > 0 || !start.isBefore(periodStart)) {
            return start;
        }
        Duration step = unit.multipliedBy(Math.max(1, recur.getInterval()));
        return start.plus(step.multipliedBy(Duration.between(start, periodStart).dividedBy(step)));
    }

    /** The rule with UNTIL as a local time in DTSTART's zone, written as UTC for the floating expansion. */
    private String localRule(Recur recur, When start) throws Rejection {
        StringBuilder rule = new StringBuilder();
        for (String part : recur.toString().split(";")) {
            if (part.isEmpty()) {
                continue;
            }
            if (rule.length() > 0) {
                rule.append(';');
            }
            if (part.toUpperCase(Locale.ROOT).startsWith("UNTIL=")) {
                rule.append("UNTIL=").append(LOCAL.format(untilLocal(recur.getUntil(), start))).append('Z');
            } else {
                rule.append(part);
            }
        }
        return rule.toString();
    }

    private LocalDateTime untilLocal(Date until, When start) throws Rejection {
        String text = until.toString();
        try {
            if (until instanceof DateTime dateTime) {
                if (dateTime.isUtc() || text.endsWith("Z")) {
                    return start.zone().toLocal(Instant.ofEpochMilli(dateTime.getTime()));
                }
                return LocalDateTime.parse(text, LOCAL);
            }
            LocalDate day = LocalDate.parse(text, DateTimeFormatter.BASIC_ISO_DATE);
            return start.date() ? day.atStartOfDay() : day.atTime(23, 59, 59);
        } catch (DateTimeParseException e) {
            throw new Rejection("the RRULE's UNTIL cannot be read: " + text);
        }
    }

    private static DateTime floating(LocalDateTime local) {
        DateTime dateTime = new DateTime(local.toInstant(ZoneOffset.UTC).toEpochMilli());
        dateTime.setUtc(true);
        return dateTime;
    }

    /** How long each instance lasts: nominal (days, local time) or exact. */
    private record Length(TemporalAmount amount, boolean missing) {
        Instant end(Zones.Zone zone, Instant start) {
            if (amount instanceof Duration exact) {
                return start.plus(exact);
            }
            return zone.toInstant(zone.toLocal(start).plus(amount));
        }

        long days() {
            if (amount instanceof Duration exact) {
                return exact.toDays() + 1;
            }
            java.time.Period period = (java.time.Period) amount;
            return period.toTotalMonths() * 31 + period.getDays() + 1;
        }
    }

    private Length length(VEvent event, When start) throws Rejection {
        Property dtEnd = event.getProperty(Property.DTEND);
        if (dtEnd != null) {
            When end = when(dtEnd, "DTEND");
            if (start.date()) {
                return new Length(java.time.Period.between(start.local().toLocalDate(), end.local().toLocalDate()),
                        false);
            }
            if (start.inGap() && end.zone().equals(start.zone())) {
                // The start moves later by the gap; the end as written would not, and a one-hour event at 02:30 on
                // the spring-forward night would have none. It keeps the length its local times give it.
                return new Length(Duration.between(start.local(), end.local()), false);
            }
            return new Length(Duration.between(start.instant(), end.instant()), false);
        }
        Property duration = event.getProperty(Property.DURATION);
        if (duration != null) {
            TemporalAmount amount = ((net.fortuna.ical4j.model.property.Duration) duration).getDuration();
            if (amount instanceof java.time.Period || amount instanceof Duration) {
                return new Length(amount, false);
            }
            throw new Rejection("the DURATION cannot be read: " + duration.getValue());
        }
        return start.date() ? new Length(java.time.Period.ofDays(1), false) : new Length(Duration.ZERO, true);
    }

    private When when(Property property) throws Rejection {
        return when(property, property == null ? "RECURRENCE-ID" : property.getName());
    }

    private When when(Property property, String name) throws Rejection {
        if (property == null) {
            throw new Rejection("the event has no " + name);
        }
        Date date = ((DateProperty) property).getDate();
        if (date == null) {
            throw new Rejection("the event's " + name + " has no value");
        }
        return dateValue(date, property, false);
    }

    private List<When> dates(DateListProperty property, boolean allDay) throws Rejection {
        List<When> result = new ArrayList<>();
        DateList list = property.getDates();
        for (Date date : list) {
            result.add(dateValue(date, property, allDay));
        }
        return result;
    }

    private When dateValue(Date date, Property property, boolean allDay) throws Rejection {
        String text = date.toString();
        try {
            if (date instanceof DateTime dateTime) {
                if (dateTime.isUtc() || text.endsWith("Z")) {
                    Instant instant = Instant.ofEpochMilli(dateTime.getTime());
                    return new When(LocalDateTime.ofInstant(instant, ZoneOffset.UTC), Zones.UTC, false);
                }
                Parameter tzid = property.getParameter(Parameter.TZID);
                Zones.Zone zone = Zones.STOCKHOLM;
                if (tzid != null && !tzid.getValue().isBlank()) {
                    zone = Zones.resolve(tzid.getValue(), zones);
                    if (zone == null) {
                        throw new Rejection("unknown time zone '" + tzid.getValue() + "' in " + property.getName()
                                + " (neither an IANA zone nor a VTIMEZONE of the feed)");
                    }
                }
                return new When(LocalDateTime.parse(text, LOCAL), zone, false);
            }
            return new When(LocalDate.parse(text, DateTimeFormatter.BASIC_ISO_DATE).atStartOfDay(), Zones.STOCKHOLM,
                    true);
        } catch (DateTimeParseException e) {
            throw new Rejection("the " + property.getName() + " value '" + text + "' cannot be read");
        }
    }

    private static OffsetDateTime stockholm(Instant instant) {
        return instant.atZone(Activity.ZONE).toOffsetDateTime();
    }

    static String utcText(Instant instant) {
        return UTC_TEXT.format(instant.atOffset(ZoneOffset.UTC));
    }
}
