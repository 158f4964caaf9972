package se.samverkan.persistence.internal;

import javax.persistence.EntityManager;

import org.apache.aries.jpa.template.JpaTemplate;

/** The activity service with new activities persisted by EclipseLink instead of the hand-written JDBC batches. */
public final class JpaInsertActivities extends ActivityServiceImpl {

    public JpaInsertActivities(JpaTemplate jpa, Contributions contributions, SearchIndex index, RecordHooks hooks) {
        super(jpa, contributions, index, hooks);
    }

    @Override
    protected void insert(EntityManager em, Rows rows, ActivityEntity e) {
        em.persist(e);
    }
}
