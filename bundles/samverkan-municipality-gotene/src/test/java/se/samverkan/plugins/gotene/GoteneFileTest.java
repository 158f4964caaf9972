package se.samverkan.plugins.gotene;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import se.samverkan.api.model.Activity;
import se.samverkan.api.model.ActivityCategory;
import se.samverkan.api.model.Venue;
import se.samverkan.api.plugin.Contribution;
import se.samverkan.api.validation.Validation;
import se.samverkan.plugins.internal.ContributionFile;

/** The plugin's file, read the way the platform reads it. */
class GoteneFileTest {

    private static Contribution read(LocalDate today) throws IOException {
        try (InputStream in = GoteneFileTest.class.getResourceAsStream("/gotene.json")) {
            return ContributionFile.parse(in, today);
        }
    }

    @Test
    void bringsGoteneSupportGroupAndItsSevenCourses() throws IOException {
        Contribution c = read(LocalDate.of(2027, 1, 4));
        assertEquals(List.of("1471"), c.municipalities().stream().map(m -> m.code()).toList());
        assertEquals(List.of("support-group-gotene"), c.organisations().stream().map(o -> o.id()).toList());
        assertEquals(Set.of(ActivityCategory.SWIMMING, ActivityCategory.CYCLING, ActivityCategory.SWEDISH_LANGUAGE_PRACTICE,
                        ActivityCategory.COMPUTER_COURSE, ActivityCategory.DRIVING_LICENCE_THEORY,
                        ActivityCategory.CV_WRITING, ActivityCategory.JOB_SEEKER_GROUP),
                c.activities().stream().map(Activity::category).collect(Collectors.toSet()));
        c.municipalities().forEach(Validation::validate);
        c.organisations().forEach(Validation::validate);
        c.venues().forEach(Validation::validate);
        c.activities().forEach(Validation::validate);
    }

    @Test
    void everythingPointsAtGoteneRecordsOfThisFile() throws IOException {
        Contribution c = read(LocalDate.of(2027, 1, 4));
        Set<String> venues = c.venues().stream().map(Venue::id).collect(Collectors.toSet());
        c.venues().forEach(v -> assertEquals("1471", v.municipalityCode(), v.id()));
        for (Activity a : c.activities()) {
            assertEquals("1471", a.municipalityCode(), a.id());
            assertEquals(List.of("support-group-gotene"), a.organiserIds(), a.id());
            assertTrue(a.venueId() == null || venues.contains(a.venueId()), a.id());
        }
    }

    @Test
    void sessionsFollowTheDayTheFileIsRead() throws IOException {
        Activity swimming = read(LocalDate.of(2027, 1, 4)).activities().stream()
                .filter(a -> a.id().equals("simkurs-gotene")).findFirst().orElseThrow();
        assertEquals(OffsetDateTime.parse("2027-01-09T10:00+01:00"), swimming.occurrences().get(0).start());
        assertEquals(8, swimming.occurrences().size());
    }
}
