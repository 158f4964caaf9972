package se.samverkan.mail.internal;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

import se.samverkan.api.service.NotFoundException;
import se.samverkan.api.subscription.Subscription;
import se.samverkan.api.subscription.Subscription.State;
import se.samverkan.api.subscription.SubscriptionFilter;
import se.samverkan.mail.internal.ActivityChange.Kind;

/**
 * Subscriptions, their token hashes and the activity change log in memory, with the rules of the stored ones
 * (tested on Derby in samverkan-persistence). Tests write the change log with {@link #changed}, as the activity
 * service does with each change.
 */
public class InMemorySubscriptions implements SubscriptionStore, ActivityChangeLog {

    private record Token(long subscriptionId, Purpose purpose, Instant expiresAt) {
    }

    private final Map<Long, Subscription> subscriptions = new TreeMap<>();
    private final Map<String, Token> tokens = new HashMap<>();
    private final Map<Long, ActivityChange> changes = new TreeMap<>();
    private final Set<String> digestWeeks = new HashSet<>();
    private long nextId = 1;

    /** How many token hashes are kept. */
    public synchronized int tokenCount() {
        return tokens.size();
    }

    /** Whether this text is kept as a token (it never should be: only hashes are). */
    public synchronized boolean keepsInClear(String token) {
        return tokens.containsKey(token);
    }

    @Override
    public synchronized Requested request(String email, String language, SubscriptionFilter filter, String from,
                                          Instant now) {
        Optional<Subscription> live = subscriptions.values().stream().filter(s -> s.email().equals(email)
                && s.filter().key().equals(filter.key()) && s.state() != State.UNSUBSCRIBED).findFirst();
        if (live.isPresent()) {
            return new Requested(live.get(), false);
        }
        Subscription s = new Subscription(nextId++, email, language, filter, State.PENDING, now, from, null, null, null,
                null, null);
        subscriptions.put(s.id(), s);
        return new Requested(s, true);
    }

    @Override
    public synchronized void addToken(long subscriptionId, String tokenHash, Purpose purpose, Instant expiresAt) {
        tokens.put(tokenHash, new Token(subscriptionId, purpose, expiresAt));
    }

    @Override
    public synchronized Optional<Subscription> byToken(String tokenHash, Purpose purpose, Instant now) {
        Token t = tokens.get(tokenHash);
        return t == null || t.purpose() != purpose || (t.expiresAt() != null && !t.expiresAt().isAfter(now))
                ? Optional.empty() : find(t.subscriptionId());
    }

    @Override
    public synchronized Subscription confirm(long id, String from, Instant now) {
        Subscription s = get(id);
        if (s.state() == State.PENDING) {
            put(new Subscription(id, s.email(), s.language(), s.filter(), State.CONFIRMED, s.requestedAt(),
                    s.requestedFrom(), now, from, null, null, s.lastDigestAt()));
        }
        return get(id);
    }

    @Override
    public synchronized Subscription unsubscribe(long id, String from, Instant now) {
        Subscription s = get(id);
        if (s.state() != State.UNSUBSCRIBED) {
            put(new Subscription(id, s.email(), s.language(), s.filter(), State.UNSUBSCRIBED, s.requestedAt(),
                    s.requestedFrom(), s.confirmedAt(), s.confirmedFrom(), now, from, s.lastDigestAt()));
            tokens.values().removeIf(t -> t.subscriptionId() == id && t.purpose() != Purpose.UNSUBSCRIBE);
        }
        return get(id);
    }

    @Override
    public synchronized List<Subscription> list(State state) {
        return subscriptions.values().stream().filter(s -> state == null || s.state() == state).toList();
    }

    @Override
    public synchronized Optional<Subscription> find(long id) {
        return Optional.ofNullable(subscriptions.get(id));
    }

    @Override
    public synchronized void digestQueued(long id, Instant until) {
        Subscription s = get(id);
        put(new Subscription(id, s.email(), s.language(), s.filter(), s.state(), s.requestedAt(), s.requestedFrom(),
                s.confirmedAt(), s.confirmedFrom(), s.unsubscribedAt(), s.unsubscribedFrom(), until));
    }

    @Override
    public synchronized boolean digestRan(String week) {
        return digestWeeks.contains(week);
    }

    @Override
    public synchronized void digestRunDone(String week, Instant at) {
        digestWeeks.add(week);
    }

    /** Who asked for which week's digest, as the audit log would have it. */
    public final List<String> digestsAsked = new ArrayList<>();

    @Override
    public synchronized void digestAsked(String week, String actor, Instant at) {
        digestsAsked.add(actor + " SEND digest " + week);
    }

    /** Writes the change log as the activity service does with a change. */
    public synchronized ActivityChange changed(String activityId, Long occurrenceId, Kind kind,
                                               OffsetDateTime previousStart, OffsetDateTime start, Instant at) {
        long id = changes.size() + 1L;
        ActivityChange c = new ActivityChange(id, activityId, occurrenceId, kind, previousStart, start, null, at, null);
        changes.put(id, c);
        return c;
    }

    @Override
    public synchronized List<ActivityChange> awaitingNotices(int max) {
        return changes.values().stream().filter(c -> c.noticesQueuedAt() == null && c.kind() != Kind.CREATED)
                .limit(max).toList();
    }

    @Override
    public synchronized void noticesQueued(long changeId, Instant at) {
        ActivityChange c = changes.get(changeId);
        changes.put(changeId, new ActivityChange(c.id(), c.activityId(), c.occurrenceId(), c.kind(), c.previousStart(),
                c.start(), c.previousVenueId(), c.changedAt(), at));
    }

    @Override
    public synchronized List<ActivityChange> created(Instant after, Instant until) {
        return new ArrayList<>(changes.values().stream().filter(c -> c.kind() == Kind.CREATED
                && c.changedAt().isAfter(after) && !c.changedAt().isAfter(until)).toList());
    }

    private Subscription get(long id) {
        return find(id).orElseThrow(() -> new NotFoundException("subscription", String.valueOf(id)));
    }

    private void put(Subscription s) {
        subscriptions.put(s.id(), s);
    }
}
