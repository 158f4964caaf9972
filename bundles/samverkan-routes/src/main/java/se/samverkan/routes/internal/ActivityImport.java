package se.samverkan.routes.internal;

import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

import se.samverkan.api.security.Caller;
import se.samverkan.api.security.Role;
import se.samverkan.api.service.ActivityService;
import se.samverkan.routes.ActivityUpsert;
import se.samverkan.routes.ActivityUpsert.Incoming;
import se.samverkan.routes.ImportResult;
import se.samverkan.routes.ImportResult.Outcome;
import se.samverkan.routes.ServiceUnavailableException;

/**
 * Stores activities by id, as the {@code samverkan:activities} endpoint promises, through the platform's one
 * {@link ActivityUpsert}: a route keeps no ledger, so each activity is compared with the stored one (a missing one
 * is created, one that differs replaced with its occurrences keeping their ids where the start is the same, an
 * equal one left alone), and a refused one is reported with its reason while the others go on. Knows nothing of
 * Camel, so the endpoint around it is all that a move to another Camel version touches.
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
        // No ledger, so no fingerprint: each activity is compared with the stored one.
        List<Incoming> readable = items.stream().filter(i -> i.activity() != null)
                .map(i -> new Incoming(i.activity().id(), i.activity(), null, null)).toList();
        Iterator<ActivityUpsert.Result> stored;
        try {
            stored = new ActivityUpsert(activities, null, caller.user(), caller).upsert(readable, null).iterator();
        } catch (NullPointerException | IllegalArgumentException | ClassCastException | UnsupportedOperationException bug) {
            // A defect, not an outage: retrying would not help, so it fails the exchange as it is.
            throw bug;
        } catch (RuntimeException e) {
            throw new ServiceUnavailableException("Storing activities failed: " + e, e);
        }
        List<ImportResult> results = new ArrayList<>(items.size());
        for (ActivityBody.Item item : items) {
            ImportResult result = item.activity() == null ? item.refusal() : result(stored.next());
            if (result.outcome() == Outcome.REFUSED) {
                LOG.log(Level.WARNING, caller.user() + ": activity " + result.id() + " refused: " + result.reason());
            }
            results.add(result);
        }
        return results;
    }

    private static ImportResult result(ActivityUpsert.Result r) {
        return new ImportResult(r.key(), Outcome.valueOf(r.outcome().name()), r.reason());
    }
}
