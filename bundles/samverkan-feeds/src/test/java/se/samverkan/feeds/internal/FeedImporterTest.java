package se.samverkan.feeds.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import se.samverkan.api.model.Activity;
import se.samverkan.api.model.ActivityCategory;
import se.samverkan.api.model.FocusArea;
import se.samverkan.api.model.Occurrence;
import se.samverkan.api.model.OccurrenceStatus;

class FeedImporterTest {

    private static final OffsetDateTime START = OffsetDateTime.parse("2026-12-01T18:00:00+01:00");

    @Test
    void theFingerprintDoesNotDependOnTheOrderOfSetsAndMaps() {
        Activity a = activity(new LinkedHashSet<>(List.of("sv", "ar", "ti")), ordered("sv", "Språkcafé", "ar", "مقهى"),
                START);
        Activity b = activity(new LinkedHashSet<>(List.of("ti", "sv", "ar")), ordered("ar", "مقهى", "sv", "Språkcafé"),
                START);
        assertEquals(FeedImporter.fingerprint(a), FeedImporter.fingerprint(b));
    }

    @Test
    void aMovedOccurrenceOrAChangedTitleChangesTheFingerprint() {
        Activity a = activity(Set.of("sv"), Map.of("sv", "Språkcafé"), START);
        assertNotEquals(FeedImporter.fingerprint(a),
                FeedImporter.fingerprint(activity(Set.of("sv"), Map.of("sv", "Språkcafé"), START.plusHours(1))));
        assertNotEquals(FeedImporter.fingerprint(a),
                FeedImporter.fingerprint(activity(Set.of("sv"), Map.of("sv", "Språkcafe"), START)));
    }

    private static Map<String, String> ordered(String k1, String v1, String k2, String v2) {
        Map<String, String> map = new LinkedHashMap<>();
        map.put(k1, v1);
        map.put(k2, v2);
        return map;
    }

    private static Activity activity(Set<String> languages, Map<String, String> title, OffsetDateTime start) {
        return new Activity("kyrkan-cafe", title, Map.of(), ActivityCategory.SWEDISH_LANGUAGE_PRACTICE,
                FocusArea.SOCIAL, Set.of(), languages, "1487", List.of("dalabergskyrkan"), null, null, null, null, null,
                List.of(new Occurrence(null, start, start.plusHours(2), OccurrenceStatus.SCHEDULED)));
    }
}
