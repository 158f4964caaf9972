package se.samverkan.plugins;

import java.io.IOException;
import java.io.InputStream;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import se.samverkan.api.json.Json;
import se.samverkan.api.model.Activity;
import se.samverkan.api.model.Agreement;
import se.samverkan.api.model.Municipality;
import se.samverkan.api.model.Occurrence;
import se.samverkan.api.model.OccurrenceStatus;
import se.samverkan.api.model.Organisation;
import se.samverkan.api.model.Programme;
import se.samverkan.api.model.Venue;
import se.samverkan.api.plugin.Contribution;

/**
 * A contribution written as JSON, for plugins without Java: top-level arrays "municipalities",
 * "organisations", "venues", "agreements", "programmes" and "activities" of the API records. Activities carry a
 * weekly "schedule" ({"weekday": "TUESDAY", "time": "18:00", "durationMinutes": 90, "weeks": 8}) instead of
 * occurrences, so they always have occurrences in the coming weeks, whenever the file is read.
 * <p>
 * The platform reads every plugin's file with this class; it is public so that a plugin's tests (through
 * {@code samverkan-plugin-testing}) read the file exactly as the platform will.
 */
public final class ContributionFile {

    // Unknown properties stay fatal (Jackson's default) so a typo in a file is reported, not ignored.
    /**
     * Times read in UTC: the fingerprints plugins' records are compared by were taken of them so, and another
     * form would make every plugin record look changed once.
     */
    private static final ObjectMapper MAPPER = Json.mapper().enable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE);

    private ContributionFile() {
    }

    /** "Every {weekday} at {time} for {weeks} weeks", in Swedish time. */
    record Schedule(DayOfWeek weekday, LocalTime time, int durationMinutes, int weeks) {

        /** Weekly occurrences from the first {@code weekday} after {@code today}. */
        List<Occurrence> occurrences(LocalDate today) {
            LocalDate first = today.with(TemporalAdjusters.next(weekday));
            List<Occurrence> occurrences = new ArrayList<>(weeks);
            for (int week = 0; week < weeks; week++) {
                // Zoned per date so each occurrence gets the offset in force that day (CET or CEST).
                ZonedDateTime start = ZonedDateTime.of(first.plusWeeks(week), time, Activity.ZONE);
                occurrences.add(new Occurrence(null, start.toOffsetDateTime(),
                        start.plusMinutes(durationMinutes).toOffsetDateTime(), OccurrenceStatus.SCHEDULED));
            }
            return occurrences;
        }
    }

    /** The file's shape: activities are read as trees because their "schedule" is not an Activity field. */
    private record Shape(List<Municipality> municipalities, List<Organisation> organisations,
                         List<Venue> venues, List<Agreement> agreements, List<Programme> programmes,
                         List<ObjectNode> activities) {
    }

    /**
     * @param today the day the file is read; occurrences start after it
     * @throws IOException              if the JSON is malformed or does not fit the records
     * @throws IllegalArgumentException if an activity has no usable schedule
     */
    public static Contribution parse(InputStream in, LocalDate today) throws IOException {
        Shape file = MAPPER.readValue(in, Shape.class);
        List<Activity> activities = new ArrayList<>();
        for (ObjectNode node : file.activities() == null ? List.<ObjectNode>of() : file.activities()) {
            activities.add(activity(node, today));
        }
        return new Contribution(file.municipalities(), file.organisations(), file.venues(), file.agreements(),
                file.programmes(), activities);
    }

    private static Activity activity(ObjectNode node, LocalDate today) throws IOException {
        JsonNode scheduleNode = node.remove("schedule");
        Activity a = MAPPER.treeToValue(node, Activity.class);
        Schedule schedule = scheduleNode == null ? null : MAPPER.treeToValue(scheduleNode, Schedule.class);
        if (schedule == null || schedule.weekday() == null || schedule.time() == null
                || schedule.durationMinutes() <= 0 || schedule.weeks() <= 0) {
            throw new IllegalArgumentException("activity " + a.id()
                    + ": needs a schedule with weekday, time, durationMinutes > 0 and weeks > 0");
        }
        return new Activity(a.id(), a.title(), a.description(), a.category(), a.focusArea(), a.targetGroups(),
                a.languages(), a.municipalityCode(), a.organiserIds(), a.agreementId(), a.programmeId(),
                a.venueId(), a.capacity(), a.costSek(), schedule.occurrences(today));
    }
}
