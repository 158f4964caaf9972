package se.samverkan.plugins.svorebro.internal;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import se.samverkan.api.model.Activity;
import se.samverkan.api.model.ActivityCategory;
import se.samverkan.api.model.FocusArea;
import se.samverkan.api.model.Occurrence;
import se.samverkan.api.model.OccurrenceStatus;
import se.samverkan.api.util.Csv;

/**
 * The course catalogue a study association exports from its course system (kursutbud), one course per row
 * under a header row, turned into Samverkan activities. Columns, by header name in any order (case ignored):
 *
 * <table>
 * <caption>Columns</caption>
 * <tr><th>column</th><th>required</th><th>example</th><th>becomes</th></tr>
 * <tr><td>course_id</td><td>yes</td><td>K-2026-1043</td><td>the activity id, {@code sv-orebro-k-2026-1043}</td></tr>
 * <tr><td>title_sv</td><td>yes</td><td>Svenska i vardagen</td><td>the Swedish title</td></tr>
 * <tr><td>title_en</td><td>no</td><td>Swedish for everyday life</td><td>the English title</td></tr>
 * <tr><td>category</td><td>yes</td><td>Språk</td><td>category and focus area (see {@link #CATEGORIES}), or a
 *     Samverkan category name such as {@code SWIMMING}</td></tr>
 * <tr><td>languages</td><td>yes</td><td>sv ar</td><td>languages it is held in (ISO 639-1, separated by space,
 *     comma or |)</td></tr>
 * <tr><td>municipality_code</td><td>yes</td><td>1882</td><td>the municipality (SCB code)</td></tr>
 * <tr><td>venue_id</td><td>no</td><td>sv-askersund</td><td>the venue</td></tr>
 * <tr><td>start_date</td><td>yes</td><td>2026-09-01</td><td>the first occurrence is the first weekday on or after it</td></tr>
 * <tr><td>weekday</td><td>yes</td><td>tisdag</td><td>in Swedish or English</td></tr>
 * <tr><td>time</td><td>yes</td><td>18:00</td><td>start of each occurrence, Swedish time</td></tr>
 * <tr><td>duration_minutes</td><td>yes</td><td>120</td><td>length of each occurrence</td></tr>
 * <tr><td>weeks</td><td>yes</td><td>8</td><td>number of weekly occurrences</td></tr>
 * <tr><td>capacity</td><td>no</td><td>12</td><td>places</td></tr>
 * <tr><td>cost_sek</td><td>no</td><td>0</td><td>fee in kronor (decimal comma or point)</td></tr>
 * </table>
 *
 * A row with a problem is reported with its line and every problem it has; the other rows are still read.
 * Knows nothing of Camel.
 */
final class CourseCatalogue {

    static final int MAX_WEEKS = 104;

    /** The columns a catalogue must have. */
    static final List<String> REQUIRED = List.of("course_id", "title_sv", "category", "languages",
            "municipality_code", "start_date", "weekday", "time", "duration_minutes", "weeks");

    /** A study association's own subject names, and what they are in Samverkan. */
    static final Map<String, Kind> CATEGORIES = Map.ofEntries(
            Map.entry("språk", new Kind(ActivityCategory.SWEDISH_LANGUAGE_PRACTICE, FocusArea.EDUCATION)),
            Map.entry("svenska", new Kind(ActivityCategory.SWEDISH_LANGUAGE_PRACTICE, FocusArea.EDUCATION)),
            Map.entry("samhälle", new Kind(ActivityCategory.CIVIC_INFORMATION, FocusArea.CIVIC_INFORMATION)),
            Map.entry("data", new Kind(ActivityCategory.COMPUTER_COURSE, FocusArea.EDUCATION)),
            Map.entry("arbete", new Kind(ActivityCategory.JOB_SEEKER_GROUP, FocusArea.WORK)),
            Map.entry("cv", new Kind(ActivityCategory.CV_WRITING, FocusArea.WORK)),
            Map.entry("körkort", new Kind(ActivityCategory.DRIVING_LICENCE_THEORY, FocusArea.WORK)),
            Map.entry("hälsa", new Kind(ActivityCategory.HEALTH, FocusArea.HEALTH)),
            Map.entry("simning", new Kind(ActivityCategory.SWIMMING, FocusArea.HEALTH)),
            Map.entry("cykling", new Kind(ActivityCategory.CYCLING, FocusArea.HEALTH)),
            Map.entry("föräldraskap", new Kind(ActivityCategory.PARENT_SUPPORT, FocusArea.CHILD_PERSPECTIVE)),
            Map.entry("kultur", new Kind(ActivityCategory.CULTURE_MEETING, FocusArea.SOCIAL)),
            Map.entry("föreläsning", new Kind(ActivityCategory.LECTURE, FocusArea.CIVIC_INFORMATION)));

    private static final Map<String, DayOfWeek> WEEKDAYS = weekdays();

    /** A Samverkan category and focus area. */
    record Kind(ActivityCategory category, FocusArea focusArea) {
    }

    /**
     * What a catalogue held.
     *
     * @param activities one per good row, in file order
     * @param lines      the line each activity came from, by activity id
     * @param problems   one line per bad row (or for the file), naming its line and every problem
     */
    record Read(List<Activity> activities, Map<String, Integer> lines, List<String> problems) {
    }

    private final String organiserId;
    private final String idPrefix;

    /**
     * @param organiserId the organisation that runs the courses, e.g. "sv-orebro-lan"
     * @param idPrefix    put before the course id to make an activity id, e.g. "sv-orebro-"
     */
    CourseCatalogue(String organiserId, String idPrefix) {
        this.organiserId = organiserId;
        this.idPrefix = idPrefix;
    }

    Read read(String csv) {
        List<Csv.Row> rows = Csv.parse(csv);
        if (rows.isEmpty()) {
            return new Read(List.of(), Map.of(), List.of("the file is empty: expected a header row "
                    + String.join(";", REQUIRED)));
        }
        Map<String, Integer> columns = new HashMap<>();
        List<String> header = rows.get(0).fields();
        for (int i = 0; i < header.size(); i++) {
            columns.putIfAbsent(header.get(i).strip().toLowerCase(Locale.ROOT), i);
        }
        List<String> missing = REQUIRED.stream().filter(c -> !columns.containsKey(c)).toList();
        if (!missing.isEmpty()) {
            return new Read(List.of(), Map.of(), List.of("line 1: the header lacks the columns "
                    + String.join(", ", missing)));
        }
        List<Activity> activities = new ArrayList<>();
        Map<String, Integer> lines = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        for (Csv.Row row : rows.subList(1, rows.size())) {
            Fields fields = new Fields(row, columns);
            Activity activity = activity(fields);
            if (fields.problems.isEmpty()) {
                if (lines.putIfAbsent(activity.id(), row.line()) != null) {
                    problems.add("line " + row.line() + " (course " + fields.text("course_id")
                            + "): the same course_id as line " + lines.get(activity.id()));
                } else {
                    activities.add(activity);
                }
            } else {
                String course = fields.text("course_id");
                problems.add("line " + row.line() + (course == null ? "" : " (course " + course + ")") + ": "
                        + String.join("; ", fields.problems));
            }
        }
        return new Read(activities, lines, problems);
    }

    /** The activity id for a course id: lower case, anything but letters and digits a hyphen. */
    String activityId(String courseId) {
        String slug = courseId.toLowerCase(Locale.ROOT)
                .replace('å', 'a').replace('ä', 'a').replace('ö', 'o')
                .replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
        return idPrefix + slug;
    }

    private Activity activity(Fields f) {
        String courseId = f.required("course_id");
        String titleSv = f.required("title_sv");
        Kind kind = f.parse("category", CourseCatalogue::kind, "is not a known category ("
                + CATEGORIES.keySet().stream().sorted().collect(Collectors.joining(", ")) + ", or a Samverkan category)");
        Set<String> languages = f.parse("languages", CourseCatalogue::languages, "is not a list of language codes");
        String municipality = f.required("municipality_code");
        LocalDate startDate = f.parse("start_date", LocalDate::parse, "is not a date (yyyy-mm-dd)");
        DayOfWeek weekday = f.parse("weekday", CourseCatalogue::weekday, "is not a weekday");
        LocalTime time = f.parse("time", LocalTime::parse, "is not a time (hh:mm)");
        Integer minutes = f.parse("duration_minutes", CourseCatalogue::positive, "is not a number of minutes above 0");
        Integer weeks = f.parse("weeks", CourseCatalogue::weeks, "is not a number of weeks from 1 to " + MAX_WEEKS);
        Integer capacity = f.optional("capacity", Integer::valueOf, "is not a whole number");
        BigDecimal cost = f.optional("cost_sek", v -> new BigDecimal(v.replace(',', '.').replace(" ", "")),
                "is not an amount");
        if (!f.problems.isEmpty()) {
            return null;
        }
        Map<String, String> title = new LinkedHashMap<>();
        title.put("sv", titleSv);
        String titleEn = f.text("title_en");
        if (titleEn != null) {
            title.put("en", titleEn);
        }
        List<Occurrence> occurrences = new ArrayList<>(weeks);
        LocalDate first = startDate.with(TemporalAdjusters.nextOrSame(weekday));
        for (int week = 0; week < weeks; week++) {
            // Zoned per date, so each occurrence has the offset in force that day (CET or CEST).
            ZonedDateTime start = ZonedDateTime.of(first.plusWeeks(week), time, Activity.ZONE);
            occurrences.add(new Occurrence(null, start.toOffsetDateTime(), start.plusMinutes(minutes).toOffsetDateTime(),
                    OccurrenceStatus.SCHEDULED));
        }
        return new Activity(activityId(courseId), title, Map.of(), kind.category(), kind.focusArea(),
                Set.of("newcomers"), languages, municipality, List.of(organiserId), null, null,
                f.text("venue_id"), capacity, cost, occurrences);
    }

    private static Kind kind(String value) {
        Kind kind = CATEGORIES.get(value.toLowerCase(Locale.forLanguageTag("sv")));
        if (kind != null) {
            return kind;
        }
        ActivityCategory category = ActivityCategory.valueOf(value.toUpperCase(Locale.ROOT).replace(' ', '_'));
        return CATEGORIES.values().stream().filter(k -> k.category() == category).findFirst()
                .orElse(new Kind(category, FocusArea.SOCIAL));
    }

    private static Set<String> languages(String value) {
        Set<String> languages = Arrays.stream(value.split("[\\s,|/]+")).filter(s -> !s.isEmpty())
                .map(s -> s.toLowerCase(Locale.ROOT)).collect(Collectors.toCollection(LinkedHashSet::new));
        if (languages.isEmpty() || !languages.stream().allMatch(l -> l.matches("[a-z]{2,3}"))) {
            throw new IllegalArgumentException();
        }
        return languages;
    }

    private static DayOfWeek weekday(String value) {
        DayOfWeek day = WEEKDAYS.get(value.toLowerCase(Locale.forLanguageTag("sv")));
        if (day == null) {
            throw new IllegalArgumentException();
        }
        return day;
    }

    /** Two years of weekly occurrences at most: a typo must not make thousands. */
    private static Integer weeks(String value) {
        int n = positive(value);
        if (n > MAX_WEEKS) {
            throw new IllegalArgumentException();
        }
        return n;
    }

    private static Integer positive(String value) {
        int n = Integer.parseInt(value);
        if (n <= 0) {
            throw new IllegalArgumentException();
        }
        return n;
    }

    private static Map<String, DayOfWeek> weekdays() {
        Map<String, DayOfWeek> days = new HashMap<>();
        List<String> swedish = List.of("måndag", "tisdag", "onsdag", "torsdag", "fredag", "lördag", "söndag");
        for (DayOfWeek day : DayOfWeek.values()) {
            days.put(day.name().toLowerCase(Locale.ROOT), day);
            days.put(swedish.get(day.ordinal()), day);
        }
        return days;
    }

    /** The fields of one row by column name, collecting every problem instead of stopping at the first. */
    private static final class Fields {
        private final Csv.Row row;
        private final Map<String, Integer> columns;
        private final List<String> problems = new ArrayList<>();

        Fields(Csv.Row row, Map<String, Integer> columns) {
            this.row = row;
            this.columns = columns;
        }

        /** The stripped text, or null if the column is absent or the cell blank. */
        String text(String column) {
            Integer i = columns.get(column);
            if (i == null || i >= row.fields().size() || row.fields().get(i).isBlank()) {
                return null;
            }
            return row.fields().get(i).strip();
        }

        String required(String column) {
            String value = text(column);
            if (value == null) {
                problems.add(column + " is empty");
            }
            return value;
        }

        <T> T parse(String column, Parser<T> parser, String complaint) {
            String value = required(column);
            return value == null ? null : parsed(column, value, parser, complaint);
        }

        <T> T optional(String column, Parser<T> parser, String complaint) {
            String value = text(column);
            return value == null ? null : parsed(column, value, parser, complaint);
        }

        private <T> T parsed(String column, String value, Parser<T> parser, String complaint) {
            try {
                return parser.parse(value);
            } catch (IllegalArgumentException | DateTimeParseException e) {
                problems.add(column + " '" + value + "' " + complaint);
                return null;
            }
        }
    }

    @FunctionalInterface
    private interface Parser<T> {
        T parse(String value);
    }
}
