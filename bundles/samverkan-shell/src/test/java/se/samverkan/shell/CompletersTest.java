package se.samverkan.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static se.samverkan.shell.testing.ConsoleCompletion.complete;
import static se.samverkan.shell.testing.ConsoleCompletion.completerOf;

import java.util.List;

import org.junit.jupiter.api.Test;

import se.samverkan.shell.internal.ActivityListCommand;
import se.samverkan.shell.internal.ActivityShowCommand;
import se.samverkan.shell.internal.AgreementListCommand;
import se.samverkan.shell.internal.OrganisationListCommand;
import se.samverkan.shell.testing.Fixtures;

/** Each completer as Karaf finds it for the option it serves. */
class CompletersTest {

    @Test
    void municipalityCodesComeFromTheService() {
        for (Class<? extends SamverkanCommand> command : List.of(OrganisationListCommand.class, ActivityListCommand.class)) {
            Completers.MunicipalityCodes completer =
                    (Completers.MunicipalityCodes) completerOf(command, "--municipality");
            completer.municipalities = Fixtures.municipalities();
            assertEquals(List.of("1480", "1487"), complete(completer, "14"));
            assertEquals(List.of("0180", "1480", "1487"), complete(completer, ""));
        }
    }

    @Test
    void activityIdsComeFromTheService() {
        Completers.ActivityIds completer = (Completers.ActivityIds) completerOf(ActivityShowCommand.class, "id");
        completer.activities = Fixtures.activities(Fixtures.swimming(List.of()));
        assertEquals(List.of("swim-vbg"), complete(completer, "sw"));
    }

    @Test
    void enumValuesCompleteInTheFormTheOptionsAcceptWhateverTheCase() {
        assertEquals(List.of("swedish_language_practice", "swimming"),
                complete(completerOf(ActivityListCommand.class, "--category"), "sw"));
        assertEquals(List.of("swedish_language_practice", "swimming"),
                complete(completerOf(ActivityListCommand.class, "--category"), "SW"));
        assertEquals(List.of("child_perspective", "civic_information"),
                complete(completerOf(ActivityListCommand.class, "--focus"), "c"));
        assertEquals(List.of("hearing_loop"), complete(completerOf(ActivityListCommand.class, "--accessibility"), "h"));
        assertEquals(List.of("active"), complete(completerOf(AgreementListCommand.class, "--status"), "a"));
    }
}
