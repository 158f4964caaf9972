package se.samverkan.persistence.internal;

import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import javax.persistence.Cache;
import javax.persistence.EntityManager;

import org.apache.aries.jpa.template.JpaTemplate;
import org.eclipse.persistence.config.HintValues;
import org.eclipse.persistence.config.QueryHints;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import se.samverkan.api.model.Activity;
import se.samverkan.api.model.Occurrence;
import se.samverkan.api.model.OccurrenceStatus;
import se.samverkan.api.security.Scopes;
import se.samverkan.api.service.ActivityQuery;
import se.samverkan.api.service.ActivityService;
import se.samverkan.api.service.Page;
import se.samverkan.api.service.ValidationException.FieldError;
import se.samverkan.api.validation.Validation;

@Component(service = ActivityService.class)
public class ActivityServiceImpl extends JpaEntityService<Activity, ActivityEntity> implements ActivityService {

    private static final Map<String, Object> READ_ONLY = Map.of(QueryHints.READ_ONLY, HintValues.TRUE);

    private final SearchIndex index;

    @Activate
    public ActivityServiceImpl(@Reference(target = Units.SAMVERKAN) JpaTemplate jpa, @Reference Contributions contributions,
                               @Reference SearchIndex index) {
        super(new Kind<Activity, ActivityEntity>(ActivityEntity.class, "id", Activity::id,
                ActivityEntity::new, Validation::validate, Scopes::of), jpa, contributions);
        this.index = index;
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

    /** New activities, moved and cancelled sessions go to the change log with the change (see V6). */
    @Override
    protected void written(EntityManager em, Activity stored, Activity saved) {
        ActivityChangeLogImpl.record(em, stored, saved);
    }

    @Override
    protected void committed(String id, Activity saved) {
        if (saved == null) {
            index.removeActivity(id);
        } else {
            index.put(saved);
        }
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
        List<Occurrence> occurrences = e.occurrences.stream()
                .map(o -> new Occurrence(o.id, fromUtc(o.startsAtUtc), fromUtc(o.endsAtUtc), o.status)).toList();
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
        e.costSek = a.costSek();
        replace(e.title, a.title());
        replace(e.description, a.description());
        replace(e.languages, a.languages());
        replace(e.targetGroups, a.targetGroups());
        if (!e.organiserIds.equals(organisers(a))) {
            e.organiserIds.clear();
            e.organiserIds.addAll(organisers(a));
        }
        copyOccurrences(a, e);
    }

    /** Occurrences with an id are updated in place (their ids stay stable), new ones added, missing ones removed. */
    private static void copyOccurrences(Activity a, ActivityEntity e) {
        Map<Long, OccurrenceEntity> stored = new HashMap<>();
        e.occurrences.forEach(o -> stored.put(o.id, o));
        List<OccurrenceEntity> result = new ArrayList<>();
        for (Occurrence o : a.occurrences() == null ? List.<Occurrence>of() : a.occurrences()) {
            OccurrenceEntity target = o.id() == null ? null : stored.get(o.id());
            if (target == null) {
                target = new OccurrenceEntity();
                target.activity = e;
            }
            target.startsAtUtc = toUtc(o.start());
            target.endsAtUtc = toUtc(o.end());
            target.status = o.status() == null ? OccurrenceStatus.SCHEDULED : o.status();
            result.add(target);
        }
        e.occurrences.retainAll(result);
        result.stream().filter(o -> !e.occurrences.contains(o)).forEach(e.occurrences::add);
        e.occurrences.sort((x, y) -> x.startsAtUtc.compareTo(y.startsAtUtc));
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

    static LocalDateTime toUtc(OffsetDateTime time) {
        return time.withOffsetSameInstant(ZoneOffset.UTC).toLocalDateTime();
    }

    static OffsetDateTime fromUtc(LocalDateTime utc) {
        return utc.atOffset(ZoneOffset.UTC).atZoneSameInstant(Activity.ZONE).toOffsetDateTime();
    }
}
