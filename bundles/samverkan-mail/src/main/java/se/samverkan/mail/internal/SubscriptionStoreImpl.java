package se.samverkan.mail.internal;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import se.samverkan.api.model.ActivityCategory;
import se.samverkan.api.service.NotFoundException;
import se.samverkan.api.subscription.Subscription;
import se.samverkan.api.subscription.Subscription.State;
import se.samverkan.api.subscription.SubscriptionFilter;
import se.samverkan.persistence.spi.Jdbc;
import se.samverkan.persistence.spi.Storage;

/**
 * Subscriptions in table {@code subscription}, their token hashes in {@code subscription_token}. Each consent
 * change (requested, confirmed, withdrawn) writes its audit row in the same transaction, as record changes do.
 */
@Component(service = SubscriptionStore.class)
public class SubscriptionStoreImpl implements SubscriptionStore {

    /** The subscriptions tables\' scripts under db/subscriptions, in order. Append, never edit. */
    static final List<String> SCRIPTS = List.of("V6__subscriptions.sql", "V9__created_changes_need_no_notices.sql");

    private static final String KIND = "subscription";
    private static final int FROM_LENGTH = 200;

    private final Jdbc jdbc;

    @Activate
    public SubscriptionStoreImpl(@Reference Storage storage) throws SQLException {
        storage.migrate("subscriptions", SubscriptionStoreImpl.class, SCRIPTS);
        this.jdbc = new Jdbc(storage.dataSource(), "the subscriptions");
    }

    @Override
    public synchronized Requested request(String email, String language, SubscriptionFilter filter, String from,
                                          Instant now) {
        Optional<Subscription> live = jdbc.query("SELECT * FROM subscription WHERE email = ? AND filter_key = ? "
                        + "AND state IN ('PENDING', 'CONFIRMED') ORDER BY id", SubscriptionStoreImpl::subscription,
                email, filter.key()).stream().findFirst();
        if (live.isPresent()) {
            return new Requested(live.get(), false);
        }
        long id = jdbc.transaction(c -> {
            long created = insert(c, email, language, filter, from, now);
            audit(c, from, "REQUEST", created, now);
            return created;
        });
        return new Requested(find(id).orElseThrow(), true);
    }

    private long insert(Connection c, String email, String language, SubscriptionFilter filter, String from,
                        Instant now) throws SQLException {
        try (var p = c.prepareStatement("INSERT INTO subscription (email, language, municipalities, languages, "
                + "categories, filter_key, state, requested_at, requested_from) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                java.sql.Statement.RETURN_GENERATED_KEYS)) {
            p.setString(1, email);
            p.setString(2, language);
            p.setString(3, String.join(",", filter.municipalityCodes()));
            p.setString(4, String.join(",", filter.languages()));
            p.setString(5, filter.categories().stream().map(Enum::name).collect(Collectors.joining(",")));
            p.setString(6, filter.key());
            p.setString(7, State.PENDING.name());
            p.setTimestamp(8, Jdbc.timestamp(now));
            p.setString(9, cut(from));
            p.executeUpdate();
            try (ResultSet keys = p.getGeneratedKeys()) {
                keys.next();
                return keys.getLong(1);
            }
        }
    }

    @Override
    public void addToken(long subscriptionId, String tokenHash, Purpose purpose, Instant expiresAt) {
        jdbc.update("INSERT INTO subscription_token (token_hash, subscription_id, purpose, created_at, expires_at) "
                        + "VALUES (?, ?, ?, ?, ?)", tokenHash, subscriptionId, purpose.name(),
                Jdbc.timestamp(Instant.now()), Jdbc.timestamp(expiresAt));
    }

    @Override
    public Optional<Subscription> byToken(String tokenHash, Purpose purpose, Instant now) {
        return jdbc.query("SELECT s.* FROM subscription_token t JOIN subscription s ON s.id = t.subscription_id "
                        + "WHERE t.token_hash = ? AND t.purpose = ? AND (t.expires_at IS NULL OR t.expires_at > ?)",
                SubscriptionStoreImpl::subscription, tokenHash, purpose.name(), Jdbc.timestamp(now)).stream().findFirst();
    }

    @Override
    public Subscription confirm(long id, String from, Instant now) {
        jdbc.transaction(c -> {
            if (Jdbc.execute(c, "UPDATE subscription SET state = ?, confirmed_at = ?, confirmed_from = ? "
                    + "WHERE id = ? AND state = ?", State.CONFIRMED.name(), Jdbc.timestamp(now), cut(from), id,
                    State.PENDING.name()) == 1) {
                audit(c, from, "CONFIRM", id, now);
            }
            return null;
        });
        return get(id);
    }

    @Override
    public Subscription unsubscribe(long id, String from, Instant now) {
        jdbc.transaction(c -> {
            if (Jdbc.execute(c, "UPDATE subscription SET state = ?, unsubscribed_at = ?, unsubscribed_from = ? "
                    + "WHERE id = ? AND state <> ?", State.UNSUBSCRIBED.name(), Jdbc.timestamp(now), cut(from), id,
                    State.UNSUBSCRIBED.name()) == 1) {
                // A confirmation link must not bring the consent back; unsubscribe links keep answering.
                Jdbc.execute(c, "DELETE FROM subscription_token WHERE subscription_id = ? AND purpose <> ?", id,
                        Purpose.UNSUBSCRIBE.name());
                audit(c, from, "WITHDRAW", id, now);
            }
            return null;
        });
        return get(id);
    }

    @Override
    public List<Subscription> list(State state) {
        return state == null
                ? jdbc.query("SELECT * FROM subscription ORDER BY id", SubscriptionStoreImpl::subscription)
                : jdbc.query("SELECT * FROM subscription WHERE state = ? ORDER BY id",
                        SubscriptionStoreImpl::subscription, state.name());
    }

    @Override
    public Optional<Subscription> find(long id) {
        return jdbc.query("SELECT * FROM subscription WHERE id = ?", SubscriptionStoreImpl::subscription, id)
                .stream().findFirst();
    }

    @Override
    public void digestQueued(long id, Instant until) {
        jdbc.update("UPDATE subscription SET last_digest_at = ? WHERE id = ?", Jdbc.timestamp(until), id);
    }

    @Override
    public boolean digestRan(String week) {
        return !jdbc.query("SELECT week FROM digest_run WHERE week = ?", rs -> rs.getString(1), week).isEmpty();
    }

    @Override
    public synchronized void digestRunDone(String week, Instant at) {
        if (!digestRan(week)) {
            jdbc.update("INSERT INTO digest_run (week, ran_at) VALUES (?, ?)", week, Jdbc.timestamp(at));
        }
    }

    @Override
    public void digestAsked(String week, String actor, Instant at) {
        jdbc.transaction(c -> {
            Jdbc.audit(c, at, actor, "SEND", "digest", week);
            return null;
        });
    }

    private Subscription get(long id) {
        return find(id).orElseThrow(() -> new NotFoundException(KIND, String.valueOf(id)));
    }

    private static void audit(Connection c, String actor, String operation, long id, Instant now) throws SQLException {
        Jdbc.audit(c, now, actor, operation, KIND, String.valueOf(id));
    }

    private static String cut(String from) {
        return from == null ? "unknown" : from.length() > FROM_LENGTH ? from.substring(0, FROM_LENGTH) : from;
    }

    private static Subscription subscription(ResultSet rs) throws SQLException {
        SubscriptionFilter filter = new SubscriptionFilter(split(rs.getString("municipalities")),
                split(rs.getString("languages")), split(rs.getString("categories")).stream()
                .map(ActivityCategory::valueOf).collect(Collectors.toSet()));
        return new Subscription(rs.getLong("id"), rs.getString("email"), rs.getString("language"), filter,
                State.valueOf(rs.getString("state")), Jdbc.instant(rs, "requested_at"), rs.getString("requested_from"),
                Jdbc.instant(rs, "confirmed_at"), rs.getString("confirmed_from"), Jdbc.instant(rs, "unsubscribed_at"),
                rs.getString("unsubscribed_from"), Jdbc.instant(rs, "last_digest_at"));
    }

    private static Set<String> split(String list) {
        return list == null || list.isEmpty() ? Set.of() : Set.copyOf(Arrays.asList(list.split(",")));
    }
}
