package se.samverkan.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static se.samverkan.shell.testing.ConsoleCompletion.complete;

import java.util.List;

import org.junit.jupiter.api.Test;

import se.samverkan.shell.testing.Fixtures;

class CompletersTest {

    @Test
    void municipalityCodesComeFromTheService() {
        Completers.MunicipalityCodes completer = new Completers.MunicipalityCodes();
        completer.municipalities = Fixtures.municipalities();
        assertEquals(List.of("1480", "1487"), complete(completer, "14"));
        assertEquals(List.of("0180", "1480", "1487"), complete(completer, ""));
    }

    @Test
    void activityIdsComeFromTheService() {
        Completers.ActivityIds completer = new Completers.ActivityIds();
        completer.activities = Fixtures.activities(Fixtures.swimming(List.of()));
        assertEquals(List.of("swim-vbg"), complete(completer, "sw"));
    }

    @Test
    void enumValuesCompleteInTheFormTheOptionsAcceptWhateverTheCase() {
        assertEquals(List.of("swedish_language_practice", "swimming"), complete(new Completers.Categories(), "sw"));
        assertEquals(List.of("swedish_language_practice", "swimming"), complete(new Completers.Categories(), "SW"));
        assertEquals(List.of("child_perspective", "civic_information"), complete(new Completers.FocusAreas(), "c"));
        assertEquals(List.of("hearing_loop"), complete(new Completers.AccessibilityFeatures(), "h"));
        assertEquals(List.of("active"), complete(new Completers.AgreementStatuses(), "a"));
    }
}
