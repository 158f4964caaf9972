package se.samverkan.drafts.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static se.samverkan.shell.testing.ConsoleCompletion.complete;
import static se.samverkan.shell.testing.ConsoleCompletion.completerOf;
import static se.samverkan.shell.testing.ConsoleOutput.output;
import static se.samverkan.shell.testing.ConsoleOutput.row;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.karaf.shell.support.CommandException;
import org.junit.jupiter.api.Test;

import se.samverkan.api.draft.Draft;
import se.samverkan.api.model.Activity;
import se.samverkan.api.model.ActivityCategory;
import se.samverkan.api.model.FocusArea;
import se.samverkan.api.service.ConflictException;
import se.samverkan.api.testing.InMemoryDrafts;
import se.samverkan.api.testing.InMemoryServices;

class DraftCommandsTest {

    @Test
    void draftsAreListedApprovedIntoActivitiesAndRejected() throws CommandException {
        InMemoryServices services = new InMemoryServices();
        InMemoryDrafts drafts = new InMemoryDrafts(services.activities);
        Activity a = new Activity("mail-cykelkurs", Map.of("sv", "Cykelkurs"), Map.of(), ActivityCategory.CYCLING,
                FocusArea.HEALTH, Set.of(), Set.of("sv"), "1487", List.of(), null, null, null, null, BigDecimal.ZERO,
                List.of());
        Draft first = drafts.add("mail:<1@sgn.example>", "kontakt@sgn.example", "Cykelkurs", "1487", null, a);
        Draft second = drafts.add("mail:<2@sgn.example>", "kontakt@sgn.example", "Annat", "1487", null,
                new Activity("mail-annat", Map.of("sv", "Annat"), Map.of(), ActivityCategory.OTHER, FocusArea.SOCIAL,
                        Set.of(), Set.of("sv"), "1487", List.of(), null, null, null, null, null, List.of()));

        DraftListCommand list = new DraftListCommand();
        list.drafts = drafts;
        assertEquals(List.of("1", "1487", "", "kontakt@sgn.example", "Cykelkurs", "0", "pending"),
                row(output(list::print), "1").subList(0, 7));

        DraftApproveCommand approve = new DraftApproveCommand();
        approve.drafts = drafts;
        approve.id = first.id();
        assertEquals("Draft 1 (Cykelkurs) is approved: activity mail-cykelkurs is created.", output(approve::print).strip());
        assertTrue(services.activities.find("mail-cykelkurs").isPresent());
        assertThrows(ConflictException.class, () -> output(approve::print));

        DraftRejectCommand reject = new DraftRejectCommand();
        reject.drafts = drafts;
        reject.id = second.id();
        assertEquals("Draft 2 (Annat) is rejected.", output(reject::print).strip());
        assertTrue(services.activities.find("mail-annat").isEmpty());
        list.state = "pending";
        assertTrue(output(list::print).contains("No drafts."));
    }

    /** Karaf registered no completer for --state until DraftStates became a @Service: Tab offered nothing. */
    @Test
    void draftListStateCompletesTheStates() {
        assertEquals(List.of("pending"), complete(completerOf(DraftListCommand.class, "--state"), "p"));
        assertEquals(List.of("approved", "pending", "rejected"), complete(completerOf(DraftListCommand.class, "--state"), ""));
    }
}
