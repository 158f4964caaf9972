package se.samverkan.persistence.internal;

import java.math.RoundingMode;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import javax.persistence.Cache;
import javax.persistence.EntityManager;
import javax.persistence.PersistenceException;

import org.apache.aries.jpa.template.JpaTemplate;
import org.eclipse.persistence.config.HintValues;
import org.eclipse.persistence.config.QueryHints;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import se.samverkan.api.model.Activity;
import se.samverkan.api.model.ActivityCategory;
import se.samverkan.api.model.FocusArea;
import se.samverkan.api.model.Occurrence;
import se.samverkan.api.security.AccessPolicy;
import se.samverkan.api.service.ActivityQuery;
import se.samverkan.api.service.ActivityService;
import se.samverkan.api.service.EntityService.Saved;
import se.samverkan.api.service.Page;
import se.samverkan.api.service.ValidationException.FieldError;
import se.samverkan.api.validation.Validation;

/**
 * Activities, with one mapping ({@link ActivityEntity}) for every write, every read and the search index's load at
 * start. A new activity is persisted as any record is; EclipseLink's JDBC batch writing (persistence.xml) writes a
 * feed's import as fast as the hand-written batches that were here before (BENCHMARKS.md).
 */
@Component(service = ActivityService.class)
public class ActivityServiceImpl extends JpaEntityService<Activity, ActivityEntity> implements ActivityService {

    private static final Map<String, Object> READ_ONLY = Map.of(QueryHints.READ_ONLY, HintValues.TRUE);

    private final SearchIndex index;
    private final RecordHooks hooks;

    @Activate
    public ActivityServiceImpl(@Reference(target = Units.SAMVERKAN) JpaTemplate jpa, @Reference Contributions contributions,
                               @Reference SearchIndex index, @Reference RecordHooks hooks) {
        super(new Kind<Activity, ActivityEntity>(ActivityEntity.class, "id", Activity::id,
                ActivityEntity::new, Validation::validate, AccessPolicy::activity), jpa, contributions);
        this.index = index;
        this.hooks = hooks;
        long start = System.nanoTime();
        index.load(stored(), start);
    }

    /**
     * What search keeps of every stored activity, for the search index at start: one scan of each table, named by
     * this entity's mapping ({@link MappedScan}), so the index lists no columns of its own.
     */
    private List<SearchIndex.Entry> stored() {
        return tx(em -> {
            MappedScan scan = new MappedScan(em, ActivityEntity.class);
            Connection c = em.unwrap(Connection.class);
            List<Object[]> rows = new ArrayList<>();
            Map<String, List<String>> languages = new HashMap<>();
            Map<String, List<String>> organisers = new HashMap<>();
            Map<String, List<String>> texts = new HashMap<>();
            try {
                scan.rows(c, List.of("id", "municipalityCode", "category", "focusArea", "venueId", "occurrences"),
                        rs -> rows.add(new Object[] {rs.getString(1), rs.getString(2),
                                scan.value("category", rs.getString(3)), scan.value("focusArea", rs.getString(4)),
                                rs.getString(5), rs.getString(6)}));
                scan.elements(c, "languages", rs -> add(languages, rs));
                scan.elements(c, "organiserIds", rs -> add(organisers, rs));
                scan.elements(c, "title", rs -> add(texts, rs));
                scan.elements(c, "description", rs -> add(texts, rs));
            } catch (SQLException e) {
                throw new PersistenceException("Cannot read the activities for the search index: " + e.getMessage(), e);
            }
            return rows.stream().map(r -> SearchIndex.entry((String) r[0], (String) r[1], (ActivityCategory) r[2],
                    (FocusArea) r[3], (String) r[4], languages.get(r[0]), organisers.get(r[0]),
                    StoredOccurrences.decode((String) r[5]), texts.getOrDefault(r[0], List.of()))).toList();
        });
    }

    private static void add(Map<String, List<String>> elements, ResultSet rs) throws SQLException {
        elements.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(rs.getString(2));
    }

    /** The search index picks the page's ids; the activities come from the JPA cache or one batched query. */
    @Override
    public Page<Activity> search(ActivityQuery q) {
        List<String> ids = new ArrayList<>(index.search(q));
        boolean hasMore = ids.size() > q.limit();
        if (hasMore) {
            ids.remove(ids.size() - 1);
        }
        return new Page<>(tx(em -> load(em, ids)), q.offset(), q.limit(), hasMore);
    }

    /** What other bundles keep of each change (the subscriptions' change log) commits with it. */
    @Override
    protected void written(Rows rows, Activity stored, Activity saved) {
        hooks.written(Activity.class, rows, stored, saved);
    }

    @Override
    protected boolean mayExist(String id) {
        return index.holds(id);
    }

    @Override
    protected void committed(String id, Activity saved) {
        if (saved == null) {
            index.removeActivity(id);
        } else {
            index.put(saved);
        }
    }

    @Override
    protected void committedAll(List<Saved<Activity>> saved) {
        index.putAll(saved.stream().map(Saved::saved).toList());
    }

    /**
     * Cached activities cost no SQL; the others are read with one query (collections batch-fetched). Read-only:
     * the shared cache's objects are mapped to records without being copied into the transaction.
     */
    private List<Activity> load(EntityManager em, List<String> ids) {
        Cache cache = em.getEntityManagerFactory().getCache();
        List<String> missing = ids.stream().filter(id -> !cache.contains(ActivityEntity.class, id)).toList();
        Map<String, Activity> byId = new HashMap<>();
        if (!missing.isEmpty()) {
            em.createQuery("SELECT a FROM Activity a WHERE a.id IN :ids", ActivityEntity.class)
                    .setParameter("ids", missing).setHint(QueryHints.READ_ONLY, HintValues.TRUE)
                    .getResultList().forEach(a -> byId.put(a.id, toRecord(a)));
        }
        for (String id : ids) {
            if (!byId.containsKey(id)) {
                Optional.ofNullable(em.find(ActivityEntity.class, id, READ_ONLY)).ifPresent(a -> byId.put(id, toRecord(a)));
            }
        }
        // An activity deleted since the index was read is left out.
        return ids.stream().map(byId::get).filter(Objects::nonNull).toList();
    }

    @Override
    protected Activity toRecord(ActivityEntity e) {
        List<Occurrence> occurrences = List.copyOf(StoredOccurrences.decode(e.occurrences));
        return new Activity(e.id, Map.copyOf(e.title), Map.copyOf(e.description), e.category, e.focusArea,
                copyOf(e.targetGroups), copyOf(e.languages), e.municipalityCode, List.copyOf(e.organiserIds),
                e.agreementId, e.programmeId, e.venueId, e.capacity, e.costSek, occurrences);
    }

    @Override
    protected void copy(Activity a, ActivityEntity e) {
        e.category = a.category();
        e.focusArea = a.focusArea();
        e.municipalityCode = a.municipalityCode();
        e.agreementId = a.agreementId();
        e.programmeId = a.programmeId();
        e.venueId = a.venueId();
        e.capacity = a.capacity();
        // The column keeps öre (two decimals): the saved record is what a read gives back.
        e.costSek = a.costSek() == null ? null : a.costSek().setScale(2, RoundingMode.HALF_UP);
        replace(e.title, a.title());
        replace(e.description, a.description());
        replace(e.languages, a.languages());
        replace(e.targetGroups, a.targetGroups());
        if (!e.organiserIds.equals(organisers(a))) {
            e.organiserIds.clear();
            e.organiserIds.addAll(organisers(a));
        }
        e.occurrences = StoredOccurrences.encode(StoredOccurrences.assignIds(StoredOccurrences.decode(e.occurrences),
                a.occurrences() == null ? List.of() : a.occurrences()));
    }

    private static List<String> organisers(Activity a) {
        return a.organiserIds() == null ? List.of() : a.organiserIds().stream().distinct().toList();
    }

    @Override
    protected void checkReferences(EntityManager em, Activity a, List<FieldError> errors) {
        require(em, MunicipalityEntity.class, "municipality", "municipalityCode", a.municipalityCode(), errors);
        requireAll(em, OrganisationEntity.class, "organisation", "organiserIds", a.organiserIds(), errors);
        require(em, AgreementEntity.class, "agreement", "agreementId", a.agreementId(), errors);
        require(em, ProgrammeEntity.class, "programme", "programmeId", a.programmeId(), errors);
        require(em, VenueEntity.class, "venue", "venueId", a.venueId(), errors);
    }
}
