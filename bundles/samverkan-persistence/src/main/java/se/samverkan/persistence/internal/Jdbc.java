package se.samverkan.persistence.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

/**
 * Plain JDBC for the platform's bookkeeping tables (plugin ledger, feeds, quarantine), which are rows rather
 * than domain records: each call is one statement in its own transaction, or a {@link #transaction} of several.
 */
final class Jdbc {

    interface Row<T> {
        T map(ResultSet rs) throws SQLException;
    }

    private final DataSource dataSource;
    /** What the tables hold, for error messages, e.g. "the plugin contributions". */
    private final String what;

    Jdbc(DataSource dataSource, String what) {
        this.dataSource = dataSource;
        this.what = what;
    }

    <T> List<T> query(String sql, Row<T> row, Object... parameters) {
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

    int update(String sql, Object... parameters) {
        try (Connection c = dataSource.getConnection(); PreparedStatement p = prepare(c, sql, parameters, false)) {
            int count = p.executeUpdate();
            commit(c);
            return count;
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot write " + what + ": " + e.getMessage(), e);
        }
    }

    /** Inserts one row and returns its generated key. */
    long insert(String sql, Object... parameters) {
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

    /** Work on one connection that commits or rolls back as a whole. */
    interface Work<T> {
        T run(Connection c) throws SQLException;
    }

    /** Runs the work in one transaction, so that e.g. a consent change and its audit row are written together. */
    <T> T transaction(Work<T> work) {
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

    /** One statement on a connection of {@link #transaction}. */
    static int execute(Connection c, String sql, Object... parameters) throws SQLException {
        try (PreparedStatement p = prepare(c, sql, parameters, false)) {
            return p.executeUpdate();
        }
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    static Timestamp timestamp(Instant instant) {
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
