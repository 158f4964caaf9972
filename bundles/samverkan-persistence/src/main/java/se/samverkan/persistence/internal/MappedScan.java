package se.samverkan.persistence.internal;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.stream.Collectors;

import javax.persistence.EntityManager;

import org.eclipse.persistence.descriptors.ClassDescriptor;
import org.eclipse.persistence.jpa.JpaEntityManager;
import org.eclipse.persistence.mappings.DirectCollectionMapping;
import org.eclipse.persistence.mappings.foundation.AbstractDirectMapping;
import org.eclipse.persistence.sessions.Session;

/**
 * Plain scans of an entity's tables, for reads of every row (the search index's load at start), with the tables and
 * columns taken from the entity's JPA mapping as EclipseLink holds it: such a read names attributes, never columns.
 * Read as entities, or as JPQL joins of the entity with its collections, 100 000 activities took two to four times
 * as long on Derby as a scan of each table (BENCHMARKS.md, "One write path for activities").
 */
final class MappedScan {

    interface Row {
        void accept(ResultSet rs) throws SQLException;
    }

    private final Session session;
    private final ClassDescriptor entity;

    MappedScan(EntityManager em, Class<?> entityClass) {
        session = em.unwrap(JpaEntityManager.class).getServerSession();
        entity = session.getDescriptor(entityClass);
    }

    /** Each row of the entity's table, with the columns of {@code attributes}, in their order. */
    void rows(Connection c, List<String> attributes, Row row) throws SQLException {
        each(c, "SELECT " + attributes.stream().map(a -> direct(a).getFieldName()).collect(Collectors.joining(", "))
                + " FROM " + entity.getTableName(), row);
    }

    /**
     * Each element of an element collection: the owner's id in the first column, the element (of a map, its value)
     * in the second.
     */
    void elements(Connection c, String attribute, Row row) throws SQLException {
        DirectCollectionMapping m = (DirectCollectionMapping) entity.getMappingForAttributeName(attribute);
        each(c, "SELECT " + m.getReferenceKeyFieldNames().get(0) + ", " + m.getDirectFieldName() + " FROM "
                + m.getReferenceTableName(), row);
    }

    /** The attribute's value from its column's, as the mapping converts it (an enum from its name). */
    Object value(String attribute, Object column) {
        return direct(attribute).getObjectValue(column, session);
    }

    private AbstractDirectMapping direct(String attribute) {
        return (AbstractDirectMapping) entity.getMappingForAttributeName(attribute);
    }

    /** Each row of a plain query, streamed. */
    static void each(Connection c, String sql, Row row) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                row.accept(rs);
            }
        }
    }
}
