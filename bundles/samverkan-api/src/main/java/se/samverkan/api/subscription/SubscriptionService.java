package se.samverkan.api.subscription;

import java.util.List;

/**
 * Subscriptions by e-mail with double opt-in: a request mails a confirmation link and nothing else is ever sent
 * before the subscriber confirms on the page behind it; every mail carries a one-click unsubscribe link.
 */
public interface SubscriptionService {

    /**
     * Asks for a subscription and queues its confirmation mail; the same address and filter again sends no second
     * mail while one is pending, and nothing for a confirmed one (so the answer tells nobody whether it existed).
     *
     * @param from where the request came from, recorded with the consent
     * @throws se.samverkan.api.service.ValidationException for a bad address, language or filter
     */
    void subscribe(String email, String language, SubscriptionFilter filter, String from);

    /** The page behind a confirmation link: a button, since mail scanners follow links. */
    Landing confirmPage(String token);

    /** Confirms (the button on that page). @param from where from, recorded with the consent */
    Landing confirm(String token, String from);

    /** The page behind an unsubscribe link: a button, since mail scanners follow links. */
    Landing unsubscribePage(String token);

    /** Unsubscribes at once (the button, or a mail client's RFC 8058 one-click POST). */
    Landing unsubscribe(String token, String from);

    List<Subscription> list(Subscription.State state);

    /**
     * A page for the subscriber, in their language.
     *
     * @param status HTTP status: 200, or 404 for an unknown or expired link
     */
    record Landing(int status, String language, String html) {
    }
}
