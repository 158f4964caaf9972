package se.samverkan.persistence.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import se.samverkan.api.model.Occurrence;
import se.samverkan.api.model.OccurrenceStatus;

/**
 * Creates and upgrades the schema by ordered, numbered SQL scripts. Each script runs in one transaction
 * together with its row in {@code schema_version}, so a failed upgrade leaves the previous version intact
 * and the next start resumes from there. A table is dropped only once its data has moved (V7).
 */
public final class SchemaMigrations {

    /** The scripts under db/migration, in order; version N is the N-th entry. Append, never edit. */
    static final List<String> SCRIPTS = List.of("V1__initial_schema.sql", "V2__plugins.sql", "V3__feeds_and_quarantine.sql", "V4__mail.sql",
            "V5__registries.sql", "V6__subscriptions.sql", "V7__sessions_in_activity.sql",
            "V8__feed_last_read.sql", "V9__created_changes_need_no_notices.sql", "V10__record_versions.sql",
            "V11__feed_warnings_and_runs.sql");

    /** A move of data that SQL alone cannot express, run after its script in the script's transaction. */
    interface Step {
        void run(Connection c) throws SQLException;
    }

    private static final Map<String, Step> STEPS = Map.of("V7__sessions_in_activity.sql", SchemaMigrations::packSessions);

    private SchemaMigrations() {
    }

    /** Applies what is missing and returns the schema version now in force. */
    public static int migrate(DataSource dataSource) throws SQLException {
        return migrate(dataSource, SCRIPTS.size());
    }

    /** Applies what is missing up to {@code target}: the upgrade tests build an older schema with it. */
    static int migrate(DataSource dataSource, int target) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            ensureVersionTable(c);
            int current = currentVersion(c);
            if (current > SCRIPTS.size()) {
                throw new SQLException("The database has schema version " + current
                        + " but this Samverkan knows only up to " + SCRIPTS.size() + "; use a newer Samverkan");
            }
            for (int version = current + 1; version <= target; version++) {
                apply(c, version, SCRIPTS.get(version - 1));
            }
            c.commit();
            return Math.max(current, target);
        }
    }

    static int currentVersion(Connection c) throws SQLException {
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT MAX(version) FROM schema_version")) {
            rs.next();
            return rs.getInt(1);
        }
    }

    private static void ensureVersionTable(Connection c) throws SQLException {
        DatabaseMetaData meta = c.getMetaData();
        String table = meta.storesUpperCaseIdentifiers() ? "SCHEMA_VERSION" : "schema_version";
        try (ResultSet rs = meta.getTables(null, null, table, null)) {
            if (rs.next()) {
                return;
            }
        }
        try (Statement s = c.createStatement()) {
            s.execute("CREATE TABLE schema_version (version INTEGER NOT NULL PRIMARY KEY, "
                    + "script VARCHAR(200) NOT NULL, applied_at TIMESTAMP NOT NULL)");
        }
        c.commit();
    }

    private static void apply(Connection c, int version, String script) throws SQLException {
        try (Statement s = c.createStatement()) {
            for (String sql : statements(read(script))) {
                s.execute(sql);
            }
            if (STEPS.containsKey(script)) {
                STEPS.get(script).run(c);
            }
            try (PreparedStatement p = c.prepareStatement(
                    "INSERT INTO schema_version (version, script, applied_at) VALUES (?, ?, ?)")) {
                p.setInt(1, version);
                p.setString(2, script);
                p.setTimestamp(3, Timestamp.from(Instant.now()));
                p.executeUpdate();
            }
            c.commit();
        } catch (SQLException e) {
            c.rollback();
            throw new SQLException("Schema migration " + script + " failed and was rolled back: " + e.getMessage(), e);
        }
    }

    private static String read(String script) throws SQLException {
        try (InputStream in = SchemaMigrations.class.getResourceAsStream("/db/migration/" + script)) {
            if (in == null) {
                throw new SQLException("Migration script " + script + " is missing from the bundle");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new SQLException("Cannot read migration script " + script, e);
        }
    }

    /** Splits a script at semicolons that end a line, dropping comment lines. */
    static List<String> statements(String script) {
        List<String> result = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : script.split("\n")) {
            String trimmed = line.strip();
            if (trimmed.isEmpty() || trimmed.startsWith("--")) {
                continue;
            }
            current.append(line).append('\n');
            if (trimmed.endsWith(";")) {
                String sql = current.toString().strip();
                result.add(sql.substring(0, sql.length() - 1));
                current.setLength(0);
            }
        }
        if (!current.toString().isBlank()) {
            result.add(current.toString().strip());
        }
        return result;
    }

    /** V7: each activity's occurrence rows become the text of its sessions column; the rows' table goes. */
    private static void packSessions(Connection c) throws SQLException {
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
                p.setString(1, Sessions.encode(e.getValue()));
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

    /** The database product for status pages, e.g. "Apache Derby 10.14.2.0 - (1828579)". */
    static String product(Connection c) throws SQLException {
        DatabaseMetaData meta = c.getMetaData();
        return meta.getDatabaseProductName() + " " + meta.getDatabaseProductVersion();
    }

    /** The JDBC URL with any credentials in it masked. */
    static String safeUrl(Connection c) throws SQLException {
        String url = c.getMetaData().getURL();
        return url == null ? "" : url.replaceAll("(?i)(password|user)=[^;&]*", "$1=***");
    }
}
