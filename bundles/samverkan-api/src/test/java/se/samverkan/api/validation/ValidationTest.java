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

    private static Activity activity(OffsetDateTime start, OffsetDateTime end, Map<String, String> title) {
        return new Activity("simkurs-gotene", title, Map.of(), ActivityCategory.SWIMMING, FocusArea.HEALTH,
                Set.of("women"), Set.of("sv", "ar"), "1471", List.of("support-group-gotene"), null, null, null,
                12, BigDecimal.ZERO, List.of(new Occurrence(null, start, end, OccurrenceStatus.SCHEDULED)));
    }
}
