package se.samverkan.mail.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static se.samverkan.shell.testing.ConsoleCompletion.complete;
import static se.samverkan.shell.testing.ConsoleCompletion.completerOf;
import static se.samverkan.shell.testing.ConsoleOutput.output;
import static se.samverkan.shell.testing.ConsoleOutput.row;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.apache.karaf.shell.support.CommandException;
import org.junit.jupiter.api.Test;

import se.samverkan.api.model.ActivityCategory;
import se.samverkan.api.subscription.DigestService.DigestRun;
import se.samverkan.api.subscription.SubscriptionFilter;

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
        send.digests = caller -> new DigestRun("2026-W48", 12, 10, 2);
        assertEquals("Digest 2026-W48: 10 queued for 12 confirmed subscriptions, 2 without news.",
                output(send::print).strip());
    }

    /** Karaf registered no completer for --state until SubscriptionStates became a @Service: Tab offered nothing. */
    @Test
    void subscriptionListStateCompletesTheStates() {
        assertEquals(List.of("confirmed"), complete(completerOf(SubscriptionListCommand.class, "--state"), "c"));
        assertEquals(List.of("pending"), complete(completerOf(SubscriptionListCommand.class, "--state"), "P"));
    }
}
