package se.samverkan.persistence.spi;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import javax.sql.DataSource;

/**
 * Plain JDBC for the tables a concern keeps beside the records (feeds, quarantine, mail, registries), which are
 * rows rather than domain records: each call is one statement in its own transaction, or a {@link #transaction}
 * of several.
 */
public final class Jdbc {

    public interface Row<T> {
        T map(ResultSet rs) throws SQLException;
    }

    /** Work on one connection, committed together. */
    public interface Work<T> {
        T run(Connection c) throws SQLException;
    }

    /** Rows a batch commits at a time: large imports neither hold one huge transaction nor commit each row. */
    public static final int BATCH = 1000;

    private final DataSource dataSource;
    /** What the tables hold, for error messages, e.g. "the plugin contributions". */
    private final String what;

    public Jdbc(DataSource dataSource, String what) {
        this.dataSource = dataSource;
        this.what = what;
    }

    public <T> List<T> query(String sql, Row<T> row, Object... parameters) {
        try (Connection c = dataSource.getConnection(); PreparedStatement p = prepare(c, sql, parameters, false);
             ResultSet rs = p.executeQuery()) {
            List<T> result = new ArrayList<>();
            while (rs.next()) {
                result.add(row.map(rs));
            }
            return result;
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read " + what + ": " + e.getMessage(), e);
        }
    }

    public int update(String sql, Object... parameters) {
        try (Connection c = dataSource.getConnection(); PreparedStatement p = prepare(c, sql, parameters, false)) {
            int count = p.executeUpdate();
            commit(c);
            return count;
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot write " + what + ": " + e.getMessage(), e);
        }
    }

    /**
     * Upserts rows in one transaction: {@code update} for the rows whose key {@code storedKeys} finds, {@code insert}
     * for the others, each as one batch. Reading the stored keys first spares a new row an update that finds
     * nothing: a feed's first import inserts every row. Both statements take the same parameters, in the same order.
     *
     * @param storedKeys a query of one column, the keys already stored, with parameters {@code keyParameters}
     * @param key        a row's key, as {@code storedKeys} gives it
     */
    public void upsertAll(String storedKeys, Object[] keyParameters, Function<Object[], String> key, String update,
                   String insert, List<Object[]> rows) {
        transaction(c -> {
            Set<String> stored = new HashSet<>();
            try (PreparedStatement p = prepare(c, storedKeys, keyParameters, false); ResultSet rs = p.executeQuery()) {
                while (rs.next()) {
                    stored.add(rs.getString(1));
                }
            }
            // A key given twice is written once, with its last row.
            Map<String, Object[]> last = new LinkedHashMap<>();
            rows.forEach(row -> last.put(key.apply(row), row));
            Map<Boolean, List<Object[]>> known = last.entrySet().stream().collect(Collectors.partitioningBy(
                    e -> stored.contains(e.getKey()), Collectors.mapping(Map.Entry::getValue, Collectors.toList())));
            batch(c, update, known.get(true));
            return batch(c, insert, known.get(false));
        });
    }

    /** Inserts one row and returns its generated key. */
    public long insert(String sql, Object... parameters) {
        try (Connection c = dataSource.getConnection(); PreparedStatement p = prepare(c, sql, parameters, true)) {
            p.executeUpdate();
            try (ResultSet keys = p.getGeneratedKeys()) {
                keys.next();
                long id = keys.getLong(1);
                commit(c);
                return id;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot write " + what + ": " + e.getMessage(), e);
        }
    }

    /** Runs {@code work} in one transaction: all of it is committed, or none of it. */
    public <T> T transaction(Work<T> work) {
        try (Connection c = dataSource.getConnection()) {
            boolean auto = c.getAutoCommit();
            c.setAutoCommit(false);
            try {
                T result = work.run(c);
                c.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(auto);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot write " + what + ": " + e.getMessage(), e);
        }
    }

    /**
     * Runs one statement for each parameter row as JDBC batches, committing every {@link #BATCH} rows. Each row
     * is one statement, so it is written whole or not at all; if a batch fails, the batches before it stay.
     */
    public void batch(String sql, List<Object[]> rows) {
        for (int from = 0; from < rows.size(); from += BATCH) {
            List<Object[]> chunk = rows.subList(from, Math.min(rows.size(), from + BATCH));
            transaction(c -> {
                batch(c, sql, chunk);
                return null;
            });
        }
    }

    /**
     * Adds every row to one batch on {@code c} and runs it, within the caller's transaction.
     *
     * @return the update count of each row
     */
    public static int[] batch(Connection c, String sql, List<Object[]> rows) throws SQLException {
        if (rows.isEmpty()) {
            return new int[0];
        }
        try (PreparedStatement p = c.prepareStatement(sql)) {
            for (Object[] row : rows) {
                for (int i = 0; i < row.length; i++) {
                    p.setObject(i + 1, row[i]);
                }
                p.addBatch();
            }
            return p.executeBatch();
        }
    }

    /** One statement on a connection of {@link #transaction}. */
    public static int execute(Connection c, String sql, Object... parameters) throws SQLException {
        try (PreparedStatement p = prepare(c, sql, parameters, false)) {
            return p.executeUpdate();
        }
    }

    /**
     * Writes one row of the audit log the records keep (when, who, what, which record), for a change made on
     * someone's behalf outside the record services (a subscription confirmed, an import run, a quarantined item
     * replayed); on a connection of {@link #transaction}, so that it commits with the change.
     */
    public static void audit(Connection c, Instant at, String actor, String operation, String kind, String recordId)
            throws SQLException {
        execute(c, "INSERT INTO audit_log (changed_at, actor, operation, kind, record_id) VALUES (?, ?, ?, ?, ?)",
                timestamp(at), actor.length() > 100 ? actor.substring(0, 100) : actor, operation, kind, recordId);
    }

    /** {@code text} as a literal part of a LIKE pattern whose ESCAPE character is the backslash. */
    public static String likeLiteral(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    public static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    public static Timestamp timestamp(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    private static void commit(Connection c) throws SQLException {
        if (!c.getAutoCommit()) {
            c.commit();
        }
    }

    private static PreparedStatement prepare(Connection c, String sql, Object[] parameters, boolean keys)
            throws SQLException {
        PreparedStatement p = keys ? c.prepareStatement(sql, Statement.RETURN_GENERATED_KEYS) : c.prepareStatement(sql);
        for (int i = 0; i < parameters.length; i++) {
            p.setObject(i + 1, parameters[i]);
        }
        return p;
    }
}
