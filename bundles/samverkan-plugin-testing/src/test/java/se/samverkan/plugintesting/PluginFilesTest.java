package se.samverkan.plugintesting;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;

import se.samverkan.api.model.Activity;
import se.samverkan.api.plugin.Contribution;

class PluginFilesTest {

    /** A Tuesday five days before the change from summer to winter time (2026-10-25). */
    private static final LocalDate TODAY = LocalDate.of(2026, 10, 20);

    @Test
    void aGoodFilePassesAndComesBackAsThePlatformReadsItToday() {
        Contribution tanum = PluginFiles.assertValid("/tanum.json");
        assertEquals(List.of("sprakcafe-tanum"), PluginFiles.ids(tanum.activities(), Activity::id));
        OffsetDateTime first = tanum.activities().get(0).occurrences().get(0).start();
        assertTrue(first.toLocalDate().isAfter(LocalDate.now(Activity.ZONE)), "occurrences from the coming week: " + first);
    }

    @Test
    void everyProblemIsNamedAtOnceAsThePlatformWouldReportIt() {
        Contribution mistakes = PluginFiles.read("/mistakes.json", TODAY);
        assertEquals(List.of(
                "venue bibliotek-tanum: brought twice; only the first is applied",
                "organisation sprakvanner-tanum: organisationNumber: check digit does not match",
                "organisation sprakvanner-tanum: municipalityCodes: no municipality with id '1427' in the file (nor named as elsewhere)",
                "activity sprakcafe-tanum: title.sv: a Swedish title is required",
                "activity sprakcafe-tanum: organiserIds: no organisation with id 'rodakorset-tanum' in the file (nor named as elsewhere)",
                "activity sprakcafe-tanum: venueId: no venue with id 'skolan-tanum' in the file (nor named as elsewhere)"),
                PluginFiles.problems(mistakes, Set.of()));
    }

    @Test
    void recordsNamedAsElsewhereAreTakenAsThere() {
        Contribution mistakes = PluginFiles.read("/mistakes.json", TODAY);
        List<String> problems = PluginFiles.problems(mistakes, Set.of("1427", "rodakorset-tanum", "skolan-tanum"));
        assertEquals(3, problems.size(), problems.toString());
        assertTrue(problems.stream().noneMatch(p -> p.contains("nor named as elsewhere")), problems.toString());
    }

    @Test
    void assertValidFailsListingEveryProblem() {
        AssertionFailedError e = assertThrows(AssertionFailedError.class, () -> PluginFiles.assertValid("/mistakes.json"));
        assertTrue(e.getMessage().startsWith("/mistakes.json: 6 problem(s)\n  venue bibliotek-tanum: brought twice"),
                e.getMessage());
    }

    @Test
    void aMisspeltFieldFailsNamingTheFileAndTheField() {
        AssertionFailedError e = assertThrows(AssertionFailedError.class, () -> PluginFiles.assertValid("/typo.json"));
        assertTrue(e.getMessage().startsWith("/typo.json is not a valid contribution: Unrecognized field \"acitve\""),
                e.getMessage());
    }

    @Test
    void aFileThatIsNotThereIsNamed() {
        AssertionFailedError e = assertThrows(AssertionFailedError.class, () -> PluginFiles.assertValid("/tanun.json"));
        assertTrue(e.getMessage().startsWith("/tanun.json is not on the class path"), e.getMessage());
    }
}
