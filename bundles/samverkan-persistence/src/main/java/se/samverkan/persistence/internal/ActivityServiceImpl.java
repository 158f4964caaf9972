package se.samverkan.persistence.internal;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import javax.persistence.EntityManager;
import javax.persistence.Query;

import org.apache.aries.jpa.template.JpaTemplate;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import se.samverkan.api.model.Activity;
import se.samverkan.api.model.Occurrence;
import se.samverkan.api.model.OccurrenceStatus;
import se.samverkan.api.security.Scope;
import se.samverkan.api.security.Scopes;
import se.samverkan.api.service.ActivityQuery;
import se.samverkan.api.service.ActivityService;
import se.samverkan.api.service.Page;
import se.samverkan.api.service.ValidationException.FieldError;
import se.samverkan.api.validation.Validation;

@Component(service = ActivityService.class)
public class ActivityServiceImpl extends JpaEntityService<Activity, ActivityEntity> implements ActivityService {

    @Activate
    public ActivityServiceImpl(@Reference(target = Units.SAMVERKAN) JpaTemplate jpa, @Reference Schema schema) {
        super(ActivityEntity.class, "id", jpa, schema);
    }

    /**
     * Two steps: one SQL query over indexed columns finds the ids of the page (ordered by id, so the primary
     * key index gives the order and the scan stops at the page end), then the page's activities are loaded
     * with one batched query per collection.
     */
    @Override
    public Page<Activity> search(ActivityQuery q) {
        return tx(em -> {
            SearchSql sql = SearchSql.of(q);
            Query query = em.createNativeQuery(sql.text());
            for (int i = 0; i < sql.parameters().size(); i++) {
                query.setParameter(i + 1, sql.parameters().get(i));
            }
            query.setParameter(sql.parameters().size() + 1, q.offset());
            query.setParameter(sql.parameters().size() + 2, q.limit() + 1);
            List<String> ids = ((List<?>) query.getResultList()).stream().map(String::valueOf)
                    .collect(Collectors.toCollection(ArrayList::new));
            boolean hasMore = ids.size() > q.limit();
            if (hasMore) {
                ids.remove(ids.size() - 1);
            }
            return new Page<>(load(em, ids), q.offset(), q.limit(), hasMore);
        });
    }

    private List<Activity> load(EntityManager em, List<String> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        Map<String, Activity> byId = em.createQuery("SELECT a FROM Activity a WHERE a.id IN :ids", ActivityEntity.class)
                .setParameter("ids", ids).getResultList().stream().map(this::toRecord)
                .collect(Collectors.toMap(Activity::id, Function.identity()));
        return ids.stream().map(byId::get).toList();
    }

    @Override
    protected String idOf(Activity a) {
        return a.id();
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
    protected ActivityEntity newEntity(String id) {
        ActivityEntity e = new ActivityEntity();
        e.id = id;
        return e;
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
        replace(e.tokens, Tokens.of(Stream.concat(e.title.values().stream(), e.description.values().stream()).toList()));
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
    protected void validate(Activity a) {
        Validation.validate(a);
    }

    @Override
    protected Scope scope(Activity a) {
        return Scopes.of(a);
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

    /** Start of a Swedish calendar day as a UTC timestamp. */
    static Timestamp dayStartUtc(LocalDate day) {
        return Timestamp.valueOf(toUtc(day.atStartOfDay(Activity.ZONE).toOffsetDateTime()));
    }
}
