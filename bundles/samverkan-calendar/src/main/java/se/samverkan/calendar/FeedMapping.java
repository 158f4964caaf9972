package se.samverkan.calendar;

import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import se.samverkan.api.model.ActivityCategory;
import se.samverkan.api.model.FocusArea;
import se.samverkan.api.util.Sha256;
import se.samverkan.api.validation.Checks;

/**
 * How one feed's events become activities.
 *
 * @param feedId           names the feed, e.g. "sv-orebro-kurser": lower-case letters, digits and hyphens, at most
 *                         40 characters. Activity ids are derived from it and each event's UID
 *                         ({@link ICalendarImport#activityId(String, String)}), so it must never change for a feed.
 * @param organisationId   organiser of every activity, may be null
 * @param municipalityCode where every activity takes place (SCB code)
 * @param venueId          venue of every activity, may be null
 * @param languages        languages the activities are held in
 * @param textLanguage     language of SUMMARY and DESCRIPTION values that carry no LANGUAGE parameter, e.g. "sv"
 * @param categories       a CATEGORIES value of the feed (matched ignoring case) to a category
 * @param defaultCategory  category of events whose CATEGORIES match nothing
 * @param defaultFocusArea focus area of every activity
 * @param horizonDays      recurrences are expanded from {@value #PAST_DAYS} days before today to this many days
 *                         after it; between 1 and {@value #MAX_HORIZON_DAYS}
 */
public record FeedMapping(String feedId, String organisationId, String municipalityCode, String venueId,
                          Set<String> languages, String textLanguage, Map<String, ActivityCategory> categories,
                          ActivityCategory defaultCategory, FocusArea defaultFocusArea, int horizonDays) {

    /** How far back occurrences are kept: recent occurrences stay visible (and cancellations of them arrive). */
    public static final int PAST_DAYS = 30;
    /** The longest horizon: five years. */
    public static final int MAX_HORIZON_DAYS = 1830;

    public FeedMapping {
        if (feedId == null || feedId.length() > 40 || !Checks.ID.matcher(feedId).matches()) {
            throw new IllegalArgumentException("feedId '" + feedId
                    + "' must be at most 40 lower-case letters, digits and hyphens");
        }
        if (horizonDays < 1 || horizonDays > MAX_HORIZON_DAYS) {
            throw new IllegalArgumentException("horizonDays must be between 1 and " + MAX_HORIZON_DAYS);
        }
        if (defaultCategory == null || defaultFocusArea == null) {
            throw new IllegalArgumentException("defaultCategory and defaultFocusArea are required");
        }
        languages = languages == null ? Set.of() : Set.copyOf(languages);
        textLanguage = textLanguage == null || textLanguage.isBlank() ? "sv" : textLanguage.toLowerCase(Locale.ROOT);
        TreeMap<String, ActivityCategory> byName = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        if (categories != null) {
            byName.putAll(categories);
        }
        categories = java.util.Collections.unmodifiableMap(byName);
    }

    /**
     * A digest of the whole mapping that is the same after a restart (sets are written sorted): a feed read with
     * another mapping gives other activities, so it is read whole again.
     */
    public String key() {
        return Sha256.hex(String.join("\u001f", feedId, organisationId, municipalityCode, venueId,
                new TreeSet<>(languages).toString(), textLanguage, categories.toString(), defaultCategory.name(),
                defaultFocusArea.name(), String.valueOf(horizonDays)));
    }

    /** The category a CATEGORIES value maps to, ignoring case; null if none. */
    ActivityCategory category(String value) {
        return categories.get(value.trim());
    }
}
