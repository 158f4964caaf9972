package se.samverkan.drafts.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import se.samverkan.api.draft.Draft;
import se.samverkan.api.draft.Draft.State;
import se.samverkan.api.draft.DraftService;
import se.samverkan.api.json.Json;
import se.samverkan.api.model.Activity;
import se.samverkan.api.security.Caller;
import se.samverkan.api.service.ActivityService;
import se.samverkan.api.service.ConflictException;
import se.samverkan.api.service.NotFoundException;
import se.samverkan.persistence.spi.Jdbc;
import se.samverkan.persistence.spi.Storage;

/**
 * Drafts in table {@code activity_draft}, their activity as the REST API's JSON. Deciding one is for the
 * coordinators of its municipality (and administrators): approving creates the activity as that coordinator,
 * so the activity service's validation, rights and audit apply as to any other write. Approving first claims the
 * draft (state {@value #APPROVING} in the table, shown as pending), so that a concurrent decision cannot slip in
 * between creating the activity and recording the approval. A claim a stop or crash left behind is settled when the
 * service starts: approved if its activity was created, pending again if not.
 */
@Component(service = DraftService.class)
public class DraftServiceImpl implements DraftService {

    /** The drafts tables\' scripts under db/drafts, in order. Append, never edit. */
    static final List<String> SCRIPTS = List.of("V6__subscriptions.sql");

    private static final ObjectMapper JSON = Json.mapper();

    /** Stored while an approval creates the activity; read as {@link State#PENDING}, never a final state. */
    static final String APPROVING = "APPROVING";

    private final Jdbc jdbc;
    private final ActivityService activities;

    @Activate
    public DraftServiceImpl(@Reference Storage storage, @Reference ActivityService activities) throws SQLException {
        storage.migrate("drafts", DraftServiceImpl.class, SCRIPTS);
        this.jdbc = new Jdbc(storage.dataSource(), "the activity drafts");
        this.activities = activities;
        settleClaims();
    }

    /** No approval runs before activation, so every claim found then was cut off midway. */
    private void settleClaims() {
        for (Draft d : jdbc.query("SELECT * FROM activity_draft WHERE state = ?", DraftServiceImpl::draft, APPROVING)) {
            boolean created = activities.find(d.activity().id()).isPresent();
            jdbc.update("UPDATE activity_draft SET state = ?, decided_by = ?, decided_at = ? WHERE id = ? AND state = ?",
                    created ? State.APPROVED.name() : State.PENDING.name(), created ? d.decidedBy() : null,
                    created ? Jdbc.timestamp(Instant.now()) : null, d.id(), APPROVING);
        }
    }

    @Override
    public synchronized Draft add(String sourceKey, String sender, String subject, String municipalityCode,
                                  String organisationId, Activity activity) {
        Optional<Draft> existing = jdbc.query("SELECT * FROM activity_draft WHERE source_key = ?",
                DraftServiceImpl::draft, sourceKey).stream().findFirst();
        if (existing.isPresent()) {
            return existing.get();
        }
        long id = jdbc.insert("INSERT INTO activity_draft (source_key, sender, subject, municipality_code, "
                        + "organisation_id, activity_json, state, received_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                sourceKey, sender, subject.length() > 1000 ? subject.substring(0, 1000) : subject, municipalityCode,
                organisationId, json(activity), State.PENDING.name(), Jdbc.timestamp(Instant.now()));
        return find(id).orElseThrow();
    }

    @Override
    public List<Draft> list(Caller caller, State state) {
        List<Draft> all = state == null
                ? jdbc.query("SELECT * FROM activity_draft ORDER BY id DESC", DraftServiceImpl::draft)
                : jdbc.query("SELECT * FROM activity_draft WHERE state IN (?, ?) ORDER BY id DESC",
                        DraftServiceImpl::draft, state.name(), state == State.PENDING ? APPROVING : state.name());
        return all.stream().filter(d -> d.decidableBy(caller)).toList();
    }

    @Override
    public Draft approve(Caller caller, long id) {
        Draft draft = pending(caller, id);
        // The claimant is kept with the claim, so a claim cut off by a crash can be settled (settleClaims).
        if (jdbc.update("UPDATE activity_draft SET state = ?, decided_by = ? WHERE id = ? AND state = ?", APPROVING,
                caller.user(), id, State.PENDING.name()) != 1) {
            throw new ConflictException("draft " + id + " is being decided by someone else");
        }
        Activity created;
        try {
            created = activities.create(caller, draft.activity());
        } catch (RuntimeException e) {
            jdbc.update("UPDATE activity_draft SET state = ?, decided_by = NULL WHERE id = ? AND state = ?",
                    State.PENDING.name(), id, APPROVING);
            throw e;
        }
        jdbc.update("UPDATE activity_draft SET state = ?, decided_by = ?, decided_at = ? WHERE id = ? AND state = ?",
                State.APPROVED.name(), caller.user(), Jdbc.timestamp(Instant.now()), id, APPROVING);
        return find(id).map(d -> withActivity(d, created)).orElseThrow();
    }

    @Override
    public Draft reject(Caller caller, long id) {
        markRejected(caller, pending(caller, id));
        return find(id).orElseThrow();
    }


    /** Another municipality's draft is not found, as a missing one: a 403 would say that it exists, and whose it is. */
    @Override
    public Draft get(Caller caller, long id) {
        return find(id).filter(d -> d.decidableBy(caller))
                .orElseThrow(() -> new NotFoundException("draft", String.valueOf(id)));
    }

    private Draft pending(Caller caller, long id) {
        Draft draft = get(caller, id);
        if (draft.state() != State.PENDING) {
            throw new ConflictException("draft " + id + " is " + draft.state().name().toLowerCase() + " already");
        }
        return draft;
    }

    private void markRejected(Caller caller, Draft draft) {
        if (jdbc.update("UPDATE activity_draft SET state = ?, decided_by = ?, decided_at = ? WHERE id = ? AND state = ?",
                State.REJECTED.name(), caller.user(), Jdbc.timestamp(Instant.now()), draft.id(),
                State.PENDING.name()) != 1) {
            throw new ConflictException("draft " + draft.id() + " is being decided by someone else");
        }
    }

    private Optional<Draft> find(long id) {
        return jdbc.query("SELECT * FROM activity_draft WHERE id = ?", DraftServiceImpl::draft, id).stream().findFirst();
    }

    private static Draft withActivity(Draft d, Activity a) {
        return new Draft(d.id(), d.sourceKey(), d.sender(), d.subject(), d.municipalityCode(), d.organisationId(), a,
                d.state(), d.receivedAt(), d.decidedBy(), d.decidedAt());
    }

    private static String json(Activity activity) {
        try {
            return JSON.writeValueAsString(activity);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot write the draft's activity as JSON: " + e.getMessage(), e);
        }
    }

    private static Draft draft(ResultSet rs) throws SQLException {
        Activity activity;
        try {
            activity = JSON.readValue(rs.getString("activity_json"), Activity.class);
        } catch (JsonProcessingException e) {
            throw new SQLException("draft " + rs.getLong("id") + " holds no readable activity: " + e.getMessage(), e);
        }
        return new Draft(rs.getLong("id"), rs.getString("source_key"), rs.getString("sender"), rs.getString("subject"),
                rs.getString("municipality_code"), rs.getString("organisation_id"), activity,
                APPROVING.equals(rs.getString("state")) ? State.PENDING : State.valueOf(rs.getString("state")),
                Jdbc.instant(rs, "received_at"), rs.getString("decided_by"),
                Jdbc.instant(rs, "decided_at"));
    }
}
