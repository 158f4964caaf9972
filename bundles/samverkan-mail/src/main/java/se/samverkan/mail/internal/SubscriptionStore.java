package se.samverkan.mail.internal;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import se.samverkan.api.subscription.Subscription;
import se.samverkan.api.subscription.SubscriptionFilter;

/**
 * Storage of subscriptions and of their tokens. Tokens are kept only as SHA-256 hashes: the token itself is in
 * the recipient's mail alone. Every consent change is written to the audit log in the same transaction.
 */
public interface SubscriptionStore {

    /** What a token allows. */
    enum Purpose { CONFIRM, UNSUBSCRIBE }

    /**
     * A subscription for this address and filter: the one that is pending or confirmed already (so repeating a
     * request neither duplicates it nor tells whether it existed), else a new pending one.
     *
     * @return the subscription and whether it was created now
     */
    Requested request(String email, String language, SubscriptionFilter filter, String from, Instant now);

    record Requested(Subscription subscription, boolean created) {
    }

    /** Keeps a token's hash for a subscription until {@code expiresAt} (null: for as long as the subscription). */
    void addToken(long subscriptionId, String tokenHash, Purpose purpose, Instant expiresAt);

    /** The subscription of an unexpired token with this hash and purpose. */
    Optional<Subscription> byToken(String tokenHash, Purpose purpose, Instant now);

    /** PENDING → CONFIRMED (recording when and from where); a confirmed one is returned as it is. */
    Subscription confirm(long id, String from, Instant now);

    /** → UNSUBSCRIBED (recording when and from where); its tokens are dropped except for unsubscribing again. */
    Subscription unsubscribe(long id, String from, Instant now);

    /** Oldest first; {@code state} null for all. */
    List<Subscription> list(Subscription.State state);

    Optional<Subscription> find(long id);

    /** Records that a digest covering activities until {@code until} was queued. */
    void digestQueued(long id, Instant until);

    /** Whether the digest run of this week (e.g. {@code 2026-W48}) was completed. */
    boolean digestRan(String week);

    /** Records that the digest run of this week completed. */
    void digestRunDone(String week, Instant at);

    /** Writes to the audit log that {@code actor} asked for the digest of this week. */
    void digestAsked(String week, String actor, Instant at);
}
