package se.samverkan.mail.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;

import org.junit.jupiter.api.Test;

import se.samverkan.api.mail.OutgoingMail;
import se.samverkan.api.mail.QueuedMail;
import se.samverkan.api.subscription.Subscription;
import se.samverkan.api.subscription.SubscriptionFilter;
import se.samverkan.api.util.Sha256;
import se.samverkan.mail.internal.SubscriptionStore.Purpose;

/** Mail queued for a subscription but not sent yet is withdrawn when the subscriber unsubscribes. */
class UnsubscribeWithdrawsMailTest {

    private final InMemorySubscriptions store = new InMemorySubscriptions();
    private final InMemoryMailQueue queue = new InMemoryMailQueue();
    private final Mailings mailings = new Mailings("https://samverkan.example.se/api/v1", Duration.ofHours(72), store,
            code -> code);
    private final SubscriptionServiceImpl subscriptions = new SubscriptionServiceImpl(mailings, store, queue,
            Clock.systemUTC());

    @Test
    void unsubscribingWithdrawsItsQueuedMailAndNoOneElses() {
        subscriptions.subscribe("anna@example.se", "sv", SubscriptionFilter.ANY, "rest");
        subscriptions.subscribe("omar@example.se", "en", SubscriptionFilter.ANY, "rest");
        Subscription anna = store.list(null).stream().filter(s -> s.email().equals("anna@example.se")).findFirst()
                .orElseThrow();
        Subscription omar = store.list(null).stream().filter(s -> !s.equals(anna)).findFirst().orElseThrow();
        QueuedMail notice = queue.queue(mail("notice-" + anna.id() + "-7"));
        QueuedMail digest = queue.queue(mail("digest-" + anna.id() + "-2026-W48"));
        QueuedMail others = queue.queue(mail("notice-" + omar.id() + "-7"));
        store.addToken(anna.id(), Sha256.hex("anna-token"), Purpose.UNSUBSCRIBE, Instant.now().plusSeconds(3600));

        assertEquals(200, subscriptions.unsubscribe("anna-token", "one-click").status());

        assertEquals(Set.of("confirm-" + anna.id(), notice.idempotencyKey(), digest.idempotencyKey()),
                Set.copyOf(queue.list(QueuedMail.State.WITHDRAWN).stream().map(QueuedMail::idempotencyKey).toList()));
        assertEquals(Set.of("confirm-" + omar.id(), others.idempotencyKey()),
                Set.copyOf(queue.list(QueuedMail.State.QUEUED).stream().map(QueuedMail::idempotencyKey).toList()));
    }

    private static OutgoingMail mail(String key) {
        return new OutgoingMail(key, "someone@example.se", "Ämne", "text", "<p>html</p>", null, "sv");
    }
}
