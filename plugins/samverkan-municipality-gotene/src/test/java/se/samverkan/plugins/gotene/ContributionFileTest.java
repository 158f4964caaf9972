package se.samverkan.plugins.gotene;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static se.samverkan.plugintesting.PluginFiles.ids;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import se.samverkan.api.model.Activity;
import se.samverkan.api.model.ActivityCategory;
import se.samverkan.api.plugin.Contribution;
import se.samverkan.plugintesting.PluginFiles;

/** The plugin's file, read the way the platform reads it. */
class ContributionFileTest {

    private static final LocalDate TODAY = LocalDate.of(2027, 1, 4);

    private static Contribution read() {
        return PluginFiles.read("/samverkan-municipality-gotene.json", TODAY);
    }

    @Test
    void theFileFitsThePlatform() {
        PluginFiles.assertValid("/samverkan-municipality-gotene.json");
    }

    @Test
    void bringsGoteneSupportGroupAndItsSevenCourses() {
        Contribution c = read();
        assertEquals(List.of("1471"), ids(c.municipalities(), m -> m.code()));
        assertEquals(List.of("support-group-gotene"), ids(c.organisations(), o -> o.id()));
        assertEquals(Set.of(ActivityCategory.SWIMMING, ActivityCategory.CYCLING, ActivityCategory.SWEDISH_LANGUAGE_PRACTICE,
                        ActivityCategory.COMPUTER_COURSE, ActivityCategory.DRIVING_LICENCE_THEORY,
                        ActivityCategory.CV_WRITING, ActivityCategory.JOB_SEEKER_GROUP),
                c.activities().stream().map(Activity::category).collect(Collectors.toSet()));
    }

    @Test
    void everythingIsInGoteneAndRunBySupportGroupGotene() {
        Contribution c = read();
        c.venues().forEach(v -> assertEquals("1471", v.municipalityCode(), v.id()));
        for (Activity a : c.activities()) {
            assertEquals("1471", a.municipalityCode(), a.id());
            assertEquals(List.of("support-group-gotene"), a.organiserIds(), a.id());
        }
    }

    @Test
    void occurrencesFollowTheDayTheFileIsRead() {
        Activity swimming = read().activities().stream()
                .filter(a -> a.id().equals("simkurs-gotene")).findFirst().orElseThrow();
        assertEquals(OffsetDateTime.parse("2027-01-09T10:00+01:00"), swimming.occurrences().get(0).start());
        assertEquals(8, swimming.occurrences().size());
    }
}
