package se.samverkan.api.validation;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import se.samverkan.api.model.Activity;
import se.samverkan.api.model.ActivityCategory;
import se.samverkan.api.model.FocusArea;
import se.samverkan.api.model.Occurrence;
import se.samverkan.api.model.OccurrenceStatus;
import se.samverkan.api.model.Organisation;
import se.samverkan.api.model.OrganisationKind;
import se.samverkan.api.service.ValidationException;

class ValidationTest {

    private static final OffsetDateTime T = OffsetDateTime.parse("2026-12-01T18:00:00+01:00");

    @Test
    void namesEveryBadFieldOfAnOrganisation() {
        Organisation bad = new Organisation("Support Group", "", OrganisationKind.ASSOCIATION, "802002-8712",
                Set.of("1487", "9999"));
        ValidationException e = assertThrows(ValidationException.class, () -> Validation.validate(bad));
        assertEquals(List.of("id", "name", "organisationNumber", "municipalityCodes"),
                e.errors().stream().map(ValidationException.FieldError::field).toList());
    }

    @Test
    void acceptsAValidActivity() {
        assertDoesNotThrow(() -> Validation.validate(activity(T, T.plusHours(2), Map.of("sv", "Simkurs"))));
    }

    @Test
    void activityNeedsSwedishTitleAndOrderedTimes() {
        ValidationException e = assertThrows(ValidationException.class,
                () -> Validation.validate(activity(T, T.minusHours(1), Map.of("en", "Swimming"))));
        assertEquals(List.of("title.sv", "occurrences[0].end"),
                e.errors().stream().map(ValidationException.FieldError::field).toList());
        assertEquals("title.sv: a Swedish title is required; occurrences[0].end: must be after the start",
                e.getMessage());
    }

    @Test
    void textLongerThanItsColumnIsRefusedNamingTheFieldAndTheLimit() {
        Activity a = activity(T, T.plusHours(2), Map.of("sv", "S".repeat(301), "ar", "س".repeat(300)));
        Activity long_ = new Activity(a.id(), a.title(), Map.of("en", "d".repeat(4001)), a.category(), a.focusArea(),
                Set.of("g".repeat(101)), a.languages(), a.municipalityCode(), a.organiserIds(), null, null, null,
                a.capacity(), a.costSek(), a.occurrences());
        ValidationException e = assertThrows(ValidationException.class, () -> Validation.validate(long_));
        assertEquals(List.of(
                "title.sv: must be at most 300 characters long, not 301",
                "description.en: must be at most 4000 characters long, not 4001",
                "targetGroups: must be at most 100 characters long, not 101"),
                e.errors().stream().map(f -> f.field() + ": " + f.message()).toList());
        Organisation longName = new Organisation("x", "n".repeat(201), OrganisationKind.ASSOCIATION, null, Set.of());
        assertEquals("name: must be at most 200 characters long, not 201",
                assertThrows(ValidationException.class, () -> Validation.validate(longName)).getMessage());
    }

    @Test
    void collectionsAreBounded() {
        Activity a = activity(T, T.plusHours(2), Map.of("sv", "Simkurs"));
        Set<String> groups = new java.util.HashSet<>();
        for (int i = 0; i < 1_300_000; i++) {
            groups.add("g" + i);
        }
        List<Occurrence> occurrences = java.util.stream.IntStream.range(0, Validation.OCCURRENCES + 1)
                .mapToObj(i -> new Occurrence(null, T.plusDays(i), T.plusDays(i).plusHours(1), OccurrenceStatus.SCHEDULED))
                .toList();
        Activity huge = new Activity(a.id(), a.title(), a.description(), a.category(), a.focusArea(), groups,
                a.languages(), a.municipalityCode(), a.organiserIds(), null, null, null, a.capacity(), a.costSek(),
                occurrences);
        ValidationException e = assertThrows(ValidationException.class, () -> Validation.validate(huge));
        assertEquals(List.of("targetGroups: may hold at most 100 entries, not 1300000",
                        "occurrences: may hold at most 5000 entries, not 5001"),
                e.errors().stream().map(f -> f.field() + ": " + f.message()).toList());
    }

    private static Activity activity(OffsetDateTime start, OffsetDateTime end, Map<String, String> title) {
        return new Activity("simkurs-gotene", title, Map.of(), ActivityCategory.SWIMMING, FocusArea.HEALTH,
                Set.of("women"), Set.of("sv", "ar"), "1471", List.of("support-group-gotene"), null, null, null,
                12, BigDecimal.ZERO, List.of(new Occurrence(null, start, end, OccurrenceStatus.SCHEDULED)));
    }
}
