package se.samverkan.api.service;

import java.time.LocalDate;

import se.samverkan.api.model.AccessibilityFeature;
import se.samverkan.api.model.ActivityCategory;
import se.samverkan.api.model.FocusArea;

/**
 * Filters for activity search; every null filter is left out. Date bounds are Swedish calendar days,
 * inclusive: an activity matches when one of its occurrences starts within them, a cancelled one too (the activity
 * then shows it as cancelled: a search must not hide that an occurrence was called off).
 *
 * @param text   words that must all occur (as word prefixes) in the title or description in any language
 * @param offset first result, from 0
 * @param limit  page size, 1 to {@link #MAX_LIMIT}
 * @param organisationId only activities this organisation organises
 */
public record ActivityQuery(String municipalityCode, ActivityCategory category, FocusArea focusArea,
                            String language, AccessibilityFeature accessibility, LocalDate from, LocalDate to,
                            String text, int offset, int limit, String organisationId) {

    public static final int DEFAULT_LIMIT = 20;
    public static final int MAX_LIMIT = 200;

    public ActivityQuery {
        if (offset < 0) {
            throw new ValidationException("offset", "must be 0 or more");
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new ValidationException("limit", "must be between 1 and " + MAX_LIMIT);
        }
        if (from != null && to != null && to.isBefore(from)) {
            throw new ValidationException("to", "must not be before 'from'");
        }
    }

    /** A query without the organiser filter. */
    public ActivityQuery(String municipalityCode, ActivityCategory category, FocusArea focusArea, String language,
                         AccessibilityFeature accessibility, LocalDate from, LocalDate to, String text, int offset,
                         int limit) {
        this(municipalityCode, category, focusArea, language, accessibility, from, to, text, offset, limit, null);
    }

    public static ActivityQuery all() {
        return new ActivityQuery(null, null, null, null, null, null, null, null, 0, DEFAULT_LIMIT);
    }
}
