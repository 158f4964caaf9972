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
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.sql.DataSource;

/**
 * Creates and upgrades each concern's tables by its ordered, numbered SQL scripts, recorded in
 * {@code schema_migration} with their owner. Each script runs in one transaction together with its row, so a
 * failed upgrade leaves the previous version intact and the next start resumes from there.
 * <p>
 * Releases before the concerns owned their tables kept one history, {@code schema_version}, of scripts that
 * mixed concerns. Each owner's scripts carry the number and name of the old script they were cut from, so an
 * owner's first migration on such a database records the scripts the old history names as applied and runs
 * only the newer ones.
 */
final class Migrations {

    /** A move of data that SQL alone cannot express, run after its script in the script's transaction. */
    interface Step {
        void run(Connection c) throws SQLException;
    }

    private static final Pattern NAME = Pattern.compile("V(\\d+)__[\\w.-]+\\.sql");
    private static final String LEGACY = "schema_version";

    private Migrations() {
    }

    /**
     * Applies what the owner has not yet applied.
     *
     * @return the owner's version now in force
     */
    static int migrate(DataSource dataSource, String owner, Class<?> anchor, List<String> scripts,
                       Map<String, Step> steps) throws SQLException {
        List<Integer> versions = versions(owner, scripts);
        try (Connection c = dataSource.getConnection()) {
            boolean auto = c.getAutoCommit();
            c.setAutoCommit(false);
            try {
                ensureHistory(c);
                Map<Integer, String> applied = applied(c, owner);
                if (applied.isEmpty()) {
                    applied = baseline(c, owner, scripts, versions);
                }
                int known = versions.isEmpty() ? 0 : versions.get(versions.size() - 1);
                int current = applied.keySet().stream().mapToInt(Integer::intValue).max().orElse(0);
                if (current > known) {
                    throw new SQLException("The database has " + owner + " schema version " + current
                            + " but this Samverkan knows only up to " + known + "; use a newer Samverkan");
                }
                for (int i = 0; i < scripts.size(); i++) {
                    if (!applied.containsKey(versions.get(i))) {
                        apply(c, owner, anchor, versions.get(i), scripts.get(i), steps.get(scripts.get(i)));
                    }
                }
                return Math.max(current, known);
            } finally {
                c.setAutoCommit(auto);
            }
        }
    }

    private static List<Integer> versions(String owner, List<String> scripts) {
        List<Integer> versions = new ArrayList<>();
        for (String script : scripts) {
            Matcher m = NAME.matcher(script);
            if (!m.matches()) {
                throw new IllegalArgumentException("Migration script " + owner + "/" + script
                        + " is not named V<number>__<what>.sql");
            }
            int version = Integer.parseInt(m.group(1));
            if (!versions.isEmpty() && version <= versions.get(versions.size() - 1)) {
                throw new IllegalArgumentException("Migration scripts of " + owner + " are not in increasing order at "
                        + script);
            }
            versions.add(version);
        }
        return versions;
    }

    /** The highest version any owner has applied, for status pages. */
    static int highestVersion(Connection c) throws SQLException {
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT MAX(version) FROM schema_migration")) {
            rs.next();
            return rs.getInt(1);
        }
    }

    private static boolean exists(Connection c, String table) throws SQLException {
        DatabaseMetaData meta = c.getMetaData();
        String name = meta.storesUpperCaseIdentifiers() ? table.toUpperCase() : table;
        try (ResultSet rs = meta.getTables(null, null, name, null)) {
            return rs.next();
        }
    }

    private static void ensureHistory(Connection c) throws SQLException {
        if (exists(c, "schema_migration")) {
            return;
        }
        try (Statement s = c.createStatement()) {
            s.execute("CREATE TABLE schema_migration (owner VARCHAR(60) NOT NULL, version INTEGER NOT NULL, "
                    + "script VARCHAR(200) NOT NULL, applied_at TIMESTAMP NOT NULL, PRIMARY KEY (owner, version))");
            c.commit();
        } catch (SQLException e) {
            c.rollback();
            // Another owner's first migration created it at the same moment.
            if (!exists(c, "schema_migration")) {
                throw e;
            }
        }
    }

    private static Map<Integer, String> applied(Connection c, String owner) throws SQLException {
        Map<Integer, String> applied = new HashMap<>();
        try (PreparedStatement p = c.prepareStatement("SELECT version, script FROM schema_migration WHERE owner = ?")) {
            p.setString(1, owner);
            try (ResultSet rs = p.executeQuery()) {
                while (rs.next()) {
                    applied.put(rs.getInt(1), rs.getString(2));
                }
            }
        }
        return applied;
    }

    /** The owner's scripts an old single history names, recorded as applied with their old date. */
    private static Map<Integer, String> baseline(Connection c, String owner, List<String> scripts,
                                                 List<Integer> versions) throws SQLException {
        Map<Integer, String> applied = new HashMap<>();
        if (!exists(c, LEGACY)) {
            return applied;
        }
        try (PreparedStatement find = c.prepareStatement("SELECT applied_at FROM " + LEGACY
                + " WHERE version = ? AND script = ?")) {
            for (int i = 0; i < scripts.size(); i++) {
                find.setInt(1, versions.get(i));
                find.setString(2, scripts.get(i));
                try (ResultSet rs = find.executeQuery()) {
                    if (rs.next()) {
                        record(c, owner, versions.get(i), scripts.get(i), rs.getTimestamp(1));
                        applied.put(versions.get(i), scripts.get(i));
                    }
                }
            }
        }
        c.commit();
        return applied;
    }

    private static void apply(Connection c, String owner, Class<?> anchor, int version, String script, Step step)
            throws SQLException {
        try (Statement s = c.createStatement()) {
            for (String sql : statements(read(owner, anchor, script))) {
                s.execute(sql);
            }
            if (step != null) {
                step.run(c);
            }
            record(c, owner, version, script, Timestamp.from(Instant.now()));
            c.commit();
        } catch (SQLException e) {
            c.rollback();
            throw new SQLException("Schema migration " + owner + "/" + script + " failed and was rolled back: "
                    + e.getMessage(), e);
        }
    }

    private static void record(Connection c, String owner, int version, String script, Timestamp at)
            throws SQLException {
        try (PreparedStatement p = c.prepareStatement(
                "INSERT INTO schema_migration (owner, version, script, applied_at) VALUES (?, ?, ?, ?)")) {
            p.setString(1, owner);
            p.setInt(2, version);
            p.setString(3, script);
            p.setTimestamp(4, at);
            p.executeUpdate();
        }
    }

    private static String read(String owner, Class<?> anchor, String script) throws SQLException {
        String path = "/db/" + owner + "/" + script;
        try (InputStream in = anchor.getResourceAsStream(path)) {
            if (in == null) {
                throw new SQLException("Migration script " + path + " is missing from the bundle of "
                        + anchor.getName());
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new SQLException("Cannot read migration script " + path, e);
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
