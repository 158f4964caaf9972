package se.samverkan.persistence.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.persistence.EntityManager;
import javax.persistence.PersistenceException;

import se.samverkan.persistence.spi.Jdbc;
import se.samverkan.persistence.spi.RecordHook;

/**
 * Rows that are not records' (the audit log, what {@link RecordHook}s add), written as JDBC batches on the
 * connection of a JPA transaction, so they commit or roll back with it. Statements run in the order they were first
 * added, so a parent row's statement added before its children's runs first.
 */
final class Rows implements RecordHook.Rows {

    private final EntityManager em;
    private final Map<String, List<Object[]>> pending = new LinkedHashMap<>();

    Rows(EntityManager em) {
        this.em = em;
    }

    /** @param values the statement's parameters */
    @Override
    public void add(String sql, Object... values) {
        pending.computeIfAbsent(sql, k -> new ArrayList<>()).add(values);
    }

    /** Runs what was added; a refused row fails the whole transaction, like a refused flush. */
    void execute() {
        if (pending.isEmpty()) {
            return;
        }
        Connection c = em.unwrap(Connection.class);
        try {
            for (Map.Entry<String, List<Object[]>> statement : pending.entrySet()) {
                Jdbc.batch(c, statement.getKey(), statement.getValue());
            }
        } catch (SQLException e) {
            // The first refusal of a batch is chained as the next exception, and names the constraint.
            SQLException cause = e.getNextException() != null ? e.getNextException() : e;
            throw new PersistenceException(cause.getMessage(), cause);
        } finally {
            pending.clear();
        }
    }
}
