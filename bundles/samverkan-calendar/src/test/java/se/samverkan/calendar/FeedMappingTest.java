package se.samverkan.calendar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import se.samverkan.api.model.ActivityCategory;
import se.samverkan.api.model.FocusArea;

class FeedMappingTest {

    @Test
    void theKeyIsTheSameWhateverTheOrderOfSetsAndMapsAndChangesWithTheMapping() {
        Map<String, ActivityCategory> categories = new LinkedHashMap<>();
        categories.put("Språk", ActivityCategory.SWEDISH_LANGUAGE_PRACTICE);
        categories.put("Sim", ActivityCategory.SWIMMING);
        Map<String, ActivityCategory> reversed = new LinkedHashMap<>();
        reversed.put("Sim", ActivityCategory.SWIMMING);
        reversed.put("Språk", ActivityCategory.SWEDISH_LANGUAGE_PRACTICE);
        FeedMapping a = mapping(new LinkedHashSet<>(List.of("sv", "ar", "ti")), categories, 180);
        FeedMapping b = mapping(new LinkedHashSet<>(List.of("ti", "ar", "sv")), reversed, 180);
        assertEquals(a.key(), b.key());
        assertNotEquals(a.key(), mapping(Set.of("sv", "ar", "ti"), categories, 365).key());
        assertNotEquals(a.key(), mapping(Set.of("sv", "ar"), categories, 180).key());
        assertNotEquals(a.key(), mapping(Set.of("sv", "ar", "ti"), Map.of("Sim", ActivityCategory.SWIMMING), 180).key());
    }

    private static FeedMapping mapping(Set<String> languages, Map<String, ActivityCategory> categories, int horizon) {
        return new FeedMapping("sv-kurser", "sv-orebro-lan", "1882", null, languages, "sv", categories,
                ActivityCategory.OTHER, FocusArea.SOCIAL, horizon);
    }
}
