package se.samverkan.persistence.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import se.samverkan.api.model.Occurrence;
import se.samverkan.api.model.OccurrenceStatus;
import se.samverkan.persistence.spi.Storage;

/**
 * Brings the records' tables up to date before anything reads or writes them, and then offers the database to
 * the bundles that keep tables of their own ({@link Storage}): the services depend on this component, so they
 * only appear once the migrations have run. If a migration fails, activation fails with the reason and no service
 * comes up on a half-migrated schema.
 */
@Component(service = {Schema.class, Storage.class}, immediate = true)
public class Schema implements Storage {

    /** The records' scripts under db/records, in order. Append, never edit. */
    static final List<String> SCRIPTS = List.of("V1__initial_schema.sql", "V2__plugins.sql",
            "V7__sessions_in_activity.sql", "V10__record_versions.sql");

    private static final Map<String, Migrations.Step> STEPS = Map.of("V7__sessions_in_activity.sql", Schema::packOccurrences);

    private final DataSource dataSource;
    private final int version;

    @Activate
    public Schema(@Reference(target = "(osgi.jndi.service.name=jdbc/samverkan)") DataSource dataSource)
            throws SQLException {
        this.dataSource = dataSource;
        this.version = Migrations.migrate(dataSource, "records", Schema.class, SCRIPTS, STEPS);
    }

    /** The records' schema version in force. */
    public int version() {
        return version;
    }

    @Override
    public DataSource dataSource() {
        return dataSource;
    }

    /** One owner at a time: two first migrations would both create the history table. */
    @Override
    public synchronized void migrate(String owner, Class<?> anchor, List<String> scripts) throws SQLException {
        Migrations.migrate(dataSource, owner, anchor, scripts, Map.of());
    }

    /** V7: each activity's occurrence rows become the text of its sessions column; the rows' table goes. */
    private static void packOccurrences(Connection c) throws SQLException {
        Map<String, List<Occurrence>> byActivity = new HashMap<>();
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT activity_id, id, starts_at, ends_at, status FROM occurrence")) {
            while (rs.next()) {
                byActivity.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(new Occurrence(rs.getLong(2),
                        utc(rs.getTimestamp(3)), utc(rs.getTimestamp(4)), OccurrenceStatus.valueOf(rs.getString(5))));
            }
        }
        try (PreparedStatement p = c.prepareStatement("UPDATE activity SET sessions = ? WHERE id = ?")) {
            for (Map.Entry<String, List<Occurrence>> e : byActivity.entrySet()) {
                p.setString(1, StoredOccurrences.encode(e.getValue()));
                p.setString(2, e.getKey());
                p.addBatch();
            }
            p.executeBatch();
        }
        try (Statement s = c.createStatement()) {
            s.execute("DROP TABLE occurrence");
        }
    }

    /** Stored times are UTC. */
    private static OffsetDateTime utc(Timestamp t) {
        return t.toLocalDateTime().atOffset(ZoneOffset.UTC);
    }
}
