package se.samverkan.routes.internal;

import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

import se.samverkan.api.model.Activity;
import se.samverkan.api.model.Occurrence;
import se.samverkan.api.model.OccurrenceStatus;
import se.samverkan.api.security.Caller;
import se.samverkan.api.security.Role;
import se.samverkan.api.service.ActivityService;
import se.samverkan.api.service.SamverkanException;
import se.samverkan.routes.ImportResult;
import se.samverkan.routes.ImportResult.Outcome;
import se.samverkan.routes.ServiceUnavailableException;

/**
 * Stores activities by id, as the {@code samverkan:activities} endpoint promises: a missing one is created, a
 * stored one that differs is replaced (its occurrences keep their ids where the start is the same), an equal one
 * is left alone, and a refused one is reported with its reason while the others go on. Knows nothing of Camel,
 * so the endpoint around it is all that a move to another Camel version touches.
 */
final class ActivityImport {

    private static final Logger LOG = System.getLogger(ActivityImport.class.getName());
    /** The audit log's actor column holds 100 characters. */
    private static final int MAX_ACTOR = 100;

    private final Supplier<ActivityService> service;

    /** @param service the service now, or null while there is none */
    ActivityImport(Supplier<ActivityService> service) {
        this.service = service;
    }

    /** The caller a route writes as: an administrator named after the route, so the audit log shows it. */
    static Caller callerFor(String routeId) {
        String user = routeId == null ? Caller.SYSTEM.user() : "route:" + routeId;
        return new Caller(user.length() > MAX_ACTOR ? user.substring(0, MAX_ACTOR) : user, Set.of(Role.ADMIN),
                null, null);
    }

    /**
     * One result per item, in order. Items that could not be read as activities are reported as they are.
     * One import at a time, so two routes sending the same new record do not race to create it.
     *
     * @throws ServiceUnavailableException if there is no activity service, or it failed other than by
     *                                     refusing a record; records stored before stay stored
     */
    synchronized List<ImportResult> store(List<ActivityBody.Item> items, Caller caller) {
        ActivityService activities = service.get();
        if (activities == null) {
            throw new ServiceUnavailableException("The activity service is not available (is storage running?)");
        }
        List<ImportResult> results = new ArrayList<>(items.size());
        for (ActivityBody.Item item : items) {
            ImportResult result = item.activity() == null ? item.refusal() : upsert(activities, caller, item.activity());
            if (result.outcome() == Outcome.REFUSED) {
                LOG.log(Level.WARNING, caller.user() + ": activity " + result.id() + " refused: " + result.reason());
            }
            results.add(result);
        }
        return results;
    }

    private static ImportResult upsert(ActivityService activities, Caller caller, Activity incoming) {
        String id = incoming.id();
        try {
            // A missing id is left to create(), whose validation names the problem.
            Optional<Activity> stored = id == null ? Optional.empty() : activities.find(id);
            if (stored.isEmpty()) {
                activities.create(caller, incoming);
                return new ImportResult(id, Outcome.CREATED, null);
            }
            if (sameContent(stored.get(), incoming)) {
                return new ImportResult(id, Outcome.UNCHANGED, null);
            }
            activities.update(caller, id, keepOccurrenceIds(stored.get(), incoming));
            return new ImportResult(id, Outcome.UPDATED, null);
        } catch (SamverkanException e) {
            return ImportResult.refused(id, e.getMessage());
        } catch (NullPointerException | IllegalArgumentException | ClassCastException | UnsupportedOperationException bug) {
            // A defect, not an outage: retrying would not help, so it fails the exchange as it is.
            throw bug;
        } catch (RuntimeException e) {
            throw new ServiceUnavailableException("Storing activity " + id + " failed: " + e, e);
        }
    }

    /** Equal as stored: absent and empty are the same, amounts by value, occurrences by instant. */
    static boolean sameContent(Activity a, Activity b) {
        return Objects.equals(a.id(), b.id())
                && map(a.title()).equals(map(b.title()))
                && map(a.description()).equals(map(b.description()))
                && a.category() == b.category()
                && a.focusArea() == b.focusArea()
                && set(a.targetGroups()).equals(set(b.targetGroups()))
                && set(a.languages()).equals(set(b.languages()))
                && Objects.equals(a.municipalityCode(), b.municipalityCode())
                && organisers(a).equals(organisers(b))
                && Objects.equals(a.agreementId(), b.agreementId())
                && Objects.equals(a.programmeId(), b.programmeId())
                && Objects.equals(a.venueId(), b.venueId())
                && Objects.equals(a.capacity(), b.capacity())
                && sameAmount(a.costSek(), b.costSek())
                && occurrences(a).equals(occurrences(b));
    }

    /** Occurrences sent without an id take the id of the stored occurrence with the same start. */
    static Activity keepOccurrenceIds(Activity stored, Activity incoming) {
        if (incoming.occurrences() == null || stored.occurrences() == null) {
            return incoming;
        }
        Map<Instant, Long> idByStart = new HashMap<>();
        stored.occurrences().stream().filter(o -> o.id() != null && o.start() != null)
                .forEach(o -> idByStart.putIfAbsent(o.start().toInstant(), o.id()));
        List<Occurrence> occurrences = new ArrayList<>();
        for (Occurrence o : incoming.occurrences()) {
            Long id = o.id() == null && o.start() != null ? idByStart.remove(o.start().toInstant()) : null;
            occurrences.add(id == null ? o : new Occurrence(id, o.start(), o.end(), o.status()));
        }
        return new Activity(incoming.id(), incoming.title(), incoming.description(), incoming.category(),
                incoming.focusArea(), incoming.targetGroups(), incoming.languages(), incoming.municipalityCode(),
                incoming.organiserIds(), incoming.agreementId(), incoming.programmeId(), incoming.venueId(),
                incoming.capacity(), incoming.costSek(), occurrences);
    }

    private record OccurrenceInstants(Instant start, Instant end, OccurrenceStatus status) {
    }

    private static List<OccurrenceInstants> occurrences(Activity a) {
        if (a.occurrences() == null) {
            return List.of();
        }
        return a.occurrences().stream()
                .map(o -> new OccurrenceInstants(o.start() == null ? null : o.start().toInstant(),
                        o.end() == null ? null : o.end().toInstant(),
                        o.status() == null ? OccurrenceStatus.SCHEDULED : o.status()))
                .sorted(Comparator.comparing(OccurrenceInstants::start, Comparator.nullsFirst(Comparator.naturalOrder()))
                        .thenComparing(OccurrenceInstants::end, Comparator.nullsFirst(Comparator.naturalOrder())))
                .toList();
    }

    private static boolean sameAmount(BigDecimal a, BigDecimal b) {
        return a == null ? b == null : b != null && a.compareTo(b) == 0;
    }

    private static Map<String, String> map(Map<String, String> m) {
        return m == null ? Map.of() : m;
    }

    private static Set<String> set(Collection<String> s) {
        return s == null ? Set.of() : new HashSet<>(s);
    }

    private static List<String> organisers(Activity a) {
        return a.organiserIds() == null ? List.of() : a.organiserIds().stream().distinct().toList();
    }
}
