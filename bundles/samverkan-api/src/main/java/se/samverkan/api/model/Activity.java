package se.samverkan.api.model;

import java.math.BigDecimal;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Something newcomers can take part in: a course, a group, a meeting.
 *
 * @param title            text per language code (at least "sv"; "en" and "ar" expected), e.g. {"sv": "Simkurs"}
 * @param description      text per language code
 * @param languages        ISO 639-1 codes of the languages the activity is held in
 * @param municipalityCode where it takes place
 * @param organiserIds     organisations that run it
 * @param agreementId      the agreement it belongs to, optional
 * @param programmeId      the programme it belongs to, optional
 * @param venueId          optional (e.g. online)
 * @param costSek          0 for free
 */
public record Activity(String id, Map<String, String> title, Map<String, String> description,
                       ActivityCategory category, FocusArea focusArea, Set<String> targetGroups,
                       Set<String> languages, String municipalityCode, List<String> organiserIds,
                       String agreementId, String programmeId, String venueId, Integer capacity,
                       BigDecimal costSek, List<Occurrence> occurrences) {

    /** All times in Samverkan are shown in Swedish time. */
    public static final ZoneId ZONE = ZoneId.of("Europe/Stockholm");
}
