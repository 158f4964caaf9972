package se.samverkan.api.testing;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import se.samverkan.api.draft.Draft;
import se.samverkan.api.draft.Draft.State;
import se.samverkan.api.draft.DraftService;
import se.samverkan.api.model.Activity;
import se.samverkan.api.security.Caller;
import se.samverkan.api.service.ActivityService;
import se.samverkan.api.service.ConflictException;
import se.samverkan.api.service.NotFoundException;

/** Drafts in memory, decided by the same rules as the stored ones; approving creates through the activity service. */
public class InMemoryDrafts implements DraftService {

    private final Map<Long, Draft> drafts = new TreeMap<>();
    private final ActivityService activities;

    public InMemoryDrafts(ActivityService activities) {
        this.activities = activities;
    }

    @Override
    public synchronized Draft add(String sourceKey, String sender, String subject, String municipalityCode,
                                  String organisationId, Activity activity) {
        return drafts.values().stream().filter(d -> d.sourceKey().equals(sourceKey)).findFirst().orElseGet(() -> {
            Draft d = new Draft(drafts.size() + 1L, sourceKey, sender, subject, municipalityCode, organisationId,
                    activity, State.PENDING, Instant.now(), null, null);
            drafts.put(d.id(), d);
            return d;
        });
    }

    @Override
    public synchronized List<Draft> list(Caller caller, State state) {
        return drafts.values().stream().filter(d -> (state == null || d.state() == state) && d.decidableBy(caller))
                .sorted(Comparator.comparingLong(Draft::id).reversed()).toList();
    }

    @Override
    public synchronized Draft approve(Caller caller, long id) {
        Draft d = pending(caller, id);
        activities.create(caller, d.activity());
        return decide(caller, d, State.APPROVED);
    }

    @Override
    public synchronized Draft reject(Caller caller, long id) {
        return decide(caller, pending(caller, id), State.REJECTED);
    }

    @Override
    public synchronized Draft get(Caller caller, long id) {
        Draft d = drafts.get(id);
        if (d == null || !d.decidableBy(caller)) {
            throw new NotFoundException("draft", String.valueOf(id));
        }
        return d;
    }

    private Draft pending(Caller caller, long id) {
        Draft d = get(caller, id);
        if (d.state() != State.PENDING) {
            throw new ConflictException("draft " + id + " is " + d.state() + " already");
        }
        return d;
    }

    private Draft decide(Caller caller, Draft d, State state) {
        Draft decided = new Draft(d.id(), d.sourceKey(), d.sender(), d.subject(), d.municipalityCode(),
                d.organisationId(), d.activity(), state, d.receivedAt(), caller.user(), Instant.now());
        drafts.put(d.id(), decided);
        return decided;
    }

}
