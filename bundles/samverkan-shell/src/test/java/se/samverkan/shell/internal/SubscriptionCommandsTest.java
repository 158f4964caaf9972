package se.samverkan.shell.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static se.samverkan.shell.internal.Fixtures.output;
import static se.samverkan.shell.internal.Fixtures.row;

import java.math.BigDecimal;
import java.time.Instant;
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
import se.samverkan.api.subscription.DigestService.DigestRun;
import se.samverkan.api.subscription.SubscriptionFilter;
import se.samverkan.api.testing.InMemoryDrafts;
import se.samverkan.api.testing.InMemoryServices;
import se.samverkan.api.testing.InMemorySubscriptions;

class SubscriptionCommandsTest {

    @Test
    void subscriptionListMasksAddressesAndShowsStateAndFilters() throws CommandException {
        InMemorySubscriptions store = new InMemorySubscriptions();
        long id = store.request("nyckelperson@example.se", "ar", new SubscriptionFilter(Set.of("1487"), Set.of("ar"),
                Set.of(ActivityCategory.SWIMMING)), "rest", Instant.now()).subscription().id();
        store.confirm(id, "rest", Instant.now());
        store.request("bo@example.se", "sv", SubscriptionFilter.ANY, "rest", Instant.now());
        SubscriptionListCommand list = new SubscriptionListCommand();
        list.subscriptions = store;
        String out = output(list::print);
        assertFalse(out.contains("nyckelperson@"), "addresses are masked: " + out);
        assertEquals(List.of("1", "n***@example.se", "ar", "confirmed", "1487", "ar", "swimming"),
                row(out, "1").subList(0, 7));
        assertEquals(List.of("2", "b***@example.se", "sv", "pending", "any", "any", "any"), row(out, "2").subList(0, 7));
        list.state = "pending";
        assertFalse(output(list::print).contains("n***@example.se"));
        list.state = "gone";
        assertTrue(assertThrows(CommandException.class, () -> output(list::print)).getMessage()
                .startsWith("Unknown value 'gone' for --state; allowed: pending"));
    }

    @Test
    void digestSendSaysWhatItQueued() throws CommandException {
        DigestSendCommand send = new DigestSendCommand();
        send.digests = () -> new DigestRun("2026-W48", 12, 10, 2);
        assertEquals("Digest 2026-W48: 10 queued for 12 confirmed subscriptions, 2 without news.",
                output(send::print).strip());
    }

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
}
