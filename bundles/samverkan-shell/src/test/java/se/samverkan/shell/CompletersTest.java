package se.samverkan.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;

import org.apache.karaf.shell.api.console.CommandLine;
import org.apache.karaf.shell.api.console.Completer;
import org.junit.jupiter.api.Test;

import se.samverkan.shell.Completers;
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

    /**
     * Completes {@code typed} as the last word on a command line, the cursor at its end. Karaf's candidates end with
     * the space it inserts after a completed word, which is left out here.
     */
    private static List<String> complete(Completer completer, String typed) {
        String buffer = "samverkan:x --option " + typed;
        CommandLine line = new CommandLine() {
            @Override
            public int getCursorArgumentIndex() {
                return 2;
            }

            @Override
            public String getCursorArgument() {
                return typed;
            }

            @Override
            public int getArgumentPosition() {
                return typed.length();
            }

            @Override
            public String[] getArguments() {
                return new String[] {"samverkan:x", "--option", typed};
            }

            @Override
            public int getBufferPosition() {
                return buffer.length();
            }

            @Override
            public String getBuffer() {
                return buffer;
            }
        };
        List<String> candidates = new ArrayList<>();
        completer.complete(null, line, candidates);
        return candidates.stream().map(String::strip).toList();
    }
}
