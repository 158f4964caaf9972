package se.samverkan.routes.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import se.samverkan.api.quarantine.QuarantineService;
import se.samverkan.api.quarantine.Quarantined;
import se.samverkan.api.quarantine.Quarantined.State;
import se.samverkan.api.security.AccessPolicy;
import se.samverkan.api.security.Caller;
import se.samverkan.api.service.ConflictException;
import se.samverkan.api.service.NotFoundException;
import se.samverkan.persistence.spi.Jdbc;
import se.samverkan.persistence.spi.Storage;

/**
 * The quarantine in table {@code quarantine}. Items are replayed through the import job whose quarantine source
 * they carry ({@link ImportJobsImpl}).
 */
@Component(service = QuarantineService.class)
public class QuarantineImpl implements QuarantineService {

    /** The quarantine tables\' scripts under db/quarantine, in order. Append, never edit. */
    static final List<String> SCRIPTS = List.of("V3__feeds_and_quarantine.sql");

    private static final int REASON_LENGTH = 4000;

    private final Jdbc jdbc;

    @Activate
    public QuarantineImpl(@Reference Storage storage) throws SQLException {
        storage.migrate("quarantine", QuarantineImpl.class, SCRIPTS);
        this.jdbc = new Jdbc(storage.dataSource(), "the quarantine");
    }

    @Override
    public synchronized Quarantined add(String source, String key, String reason, String raw) {
        String shortReason = reason.length() > REASON_LENGTH ? reason.substring(0, REASON_LENGTH - 1) + "…" : reason;
        Instant now = Instant.now();
        List<Long> waiting = jdbc.query("SELECT id FROM quarantine WHERE source = ? AND item_key = ? AND state = ?",
                rs -> rs.getLong(1), source, key, State.WAITING.name());
        long id;
        if (waiting.isEmpty()) {
            id = jdbc.insert("INSERT INTO quarantine (source, item_key, reason, raw, quarantined_at, state) "
                    + "VALUES (?, ?, ?, ?, ?, ?)", source, key, shortReason, raw, Jdbc.timestamp(now), State.WAITING.name());
        } else {
            id = waiting.get(0);
            jdbc.update("UPDATE quarantine SET reason = ?, raw = ?, quarantined_at = ? WHERE id = ?",
                    shortReason, raw, Jdbc.timestamp(now), id);
        }
        return find(id).orElseThrow();
    }

    @Override
    public List<Quarantined> list(String source, boolean waitingOnly) {
        String where = (source == null ? "1 = 1" : "source = ?") + (waitingOnly ? " AND state = 'WAITING'" : "");
        Object[] parameters = source == null ? new Object[0] : new Object[]{source};
        return jdbc.query("SELECT * FROM quarantine WHERE " + where + " ORDER BY id DESC", QuarantineImpl::item, parameters);
    }

    @Override
    public Optional<Quarantined> find(long id) {
        return jdbc.query("SELECT * FROM quarantine WHERE id = ?", QuarantineImpl::item, id).stream().findFirst();
    }

    @Override
    public void discard(String source, Collection<String> keys) {
        // Most imports have nothing waiting: one read then, instead of a write per key.
        Set<String> waiting = new HashSet<>(jdbc.query("SELECT item_key FROM quarantine WHERE source = ? AND state = ?",
                rs -> rs.getString(1), source, State.WAITING.name()));
        waiting.retainAll(keys instanceof Set<?> ? keys : new HashSet<>(keys));
        Timestamp now = Jdbc.timestamp(Instant.now());
        jdbc.batch("UPDATE quarantine SET state = ?, resolved_at = ? WHERE source = ? AND item_key = ? AND state = ?",
                waiting.stream().map(key -> new Object[]{State.DISCARDED.name(), now, source, key,
                        State.WAITING.name()}).toList());
    }

    @Override
    public void resolve(long id, State state) {
        jdbc.update("UPDATE quarantine SET state = ?, resolved_at = ? WHERE id = ?", state.name(),
                Jdbc.timestamp(Instant.now()), id);
    }

    @Override
    public Quarantined discard(Caller caller, long id) {
        AccessPolicy.checkAdmin(caller, "discard quarantined items");
        Quarantined item = find(id).orElseThrow(() -> new NotFoundException("quarantined item", String.valueOf(id)));
        Instant now = Instant.now();
        // Guarded by its state, so a replay that took it meanwhile is not undone; audited with the change.
        boolean discarded = jdbc.transaction(c -> {
            if (Jdbc.execute(c, "UPDATE quarantine SET state = ?, resolved_at = ? WHERE id = ? AND state = ?",
                    State.DISCARDED.name(), Jdbc.timestamp(now), id, State.WAITING.name()) == 0) {
                return false;
            }
            Jdbc.audit(c, now, caller.user(), "DISCARD", "quarantine", String.valueOf(id));
            return true;
        });
        if (!discarded) {
            throw new ConflictException("item " + id + " is " + find(id).orElse(item).state().name().toLowerCase()
                    + ", not waiting");
        }
        return find(id).orElseThrow();
    }

    private static Quarantined item(ResultSet rs) throws SQLException {
        return new Quarantined(rs.getLong("id"), rs.getString("source"), rs.getString("item_key"),
                rs.getString("reason"), rs.getString("raw"), Jdbc.instant(rs, "quarantined_at"),
                State.valueOf(rs.getString("state")), Jdbc.instant(rs, "resolved_at"));
    }
}
