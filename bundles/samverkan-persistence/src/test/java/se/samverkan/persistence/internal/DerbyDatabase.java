package se.samverkan.persistence.internal;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.persistence.EntityManager;
import javax.persistence.EntityManagerFactory;
import javax.persistence.Persistence;

import org.apache.aries.jpa.template.EmConsumer;
import org.apache.aries.jpa.template.EmFunction;
import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.apache.derby.jdbc.EmbeddedDataSource;

/**
 * A real Derby (in memory unless named otherwise) with the real migrations and persistence unit, wired by hand the
 * way Aries JPA wires them in the container (one resource-local transaction per call). In the test-jar for the
 * benchmarks.
 */
public final class DerbyDatabase implements JpaTemplate, AutoCloseable {

    public final EmbeddedDataSource dataSource = new EmbeddedDataSource();
    public final Schema schema;
    private final EntityManagerFactory emf;

    public DerbyDatabase() throws Exception {
        this("memory:" + UUID.randomUUID());
    }

    /** @param name a Derby database name: a folder, or one an upgrade test has filled at an older schema version */
    public DerbyDatabase(String name) throws Exception {
        dataSource.setDatabaseName(name);
        dataSource.setCreateDatabase("create");
        schema = new Schema(dataSource);
        emf = Persistence.createEntityManagerFactory("samverkan",
                Map.of("javax.persistence.nonJtaDataSource", dataSource));
    }

    @Override
    public <R> R txExpr(TransactionType type, EmFunction<R> code) {
        EntityManager em = emf.createEntityManager();
        try {
            em.getTransaction().begin();
            R result = code.apply(em);
            em.getTransaction().commit();
            return result;
        } catch (RuntimeException e) {
            if (em.getTransaction().isActive()) {
                em.getTransaction().rollback();
            }
            throw e;
        } finally {
            em.close();
        }
    }

    @Override
    public void tx(TransactionType type, EmConsumer code) {
        txExpr(type, em -> {
            code.accept(em);
            return null;
        });
    }

    @Override
    public <R> R txExpr(EmFunction<R> code) {
        return txExpr(TransactionType.Required, code);
    }

    @Override
    public void tx(EmConsumer code) {
        tx(TransactionType.Required, code);
    }

    /** The audit log, oldest first, one "actor operation kind record_id" per row. */
    public List<String> auditLog() throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); ResultSet rs = c.createStatement().executeQuery(
                "SELECT actor, operation, kind, record_id FROM audit_log ORDER BY id")) {
            while (rs.next()) {
                rows.add(rs.getString(1) + " " + rs.getString(2) + " " + rs.getString(3) + " " + rs.getString(4));
            }
        }
        return rows;
    }

    @Override
    public void close() {
        emf.close();
        dataSource.setShutdownDatabase("shutdown");
        try {
            dataSource.getConnection().close();
        } catch (SQLException shutDown) {
            // Derby reports a clean shutdown as an exception.
        }
    }
}
