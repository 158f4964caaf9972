package se.samverkan.drafts.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import se.samverkan.api.draft.Draft;
import se.samverkan.api.model.Activity;
import se.samverkan.api.model.Municipality;
import se.samverkan.api.model.Organisation;
import se.samverkan.api.model.OrganisationKind;
import se.samverkan.api.model.Venue;
import se.samverkan.api.security.Caller;
import se.samverkan.api.service.ActivityService;
import se.samverkan.api.service.ConflictException;
import se.samverkan.api.service.NotFoundException;
import se.samverkan.persistence.internal.ActivityServiceImpl;
import se.samverkan.persistence.internal.DerbyDatabase;
import se.samverkan.persistence.internal.RecordServices;

/** Drafts on a real Derby with the real migrations: decided once, by the right coordinator, into an activity. */
class DraftServiceTest {

    private static final Caller VANERSBORG = Caller.fromRoleNames("anna", List.of("coordinator", "municipality:1487"));
    private static final Caller TROLLHATTAN = Caller.fromRoleNames("omar", List.of("coordinator", "municipality:1488"));

    private DerbyDatabase db;
    private RecordServices records;
    private ActivityServiceImpl activities;
    private DraftServiceImpl drafts;

    @BeforeEach
    void setUp() throws Exception {
        records = new RecordServices();
        db = records.db;
        activities = records.activities;
        drafts = new DraftServiceImpl(db.schema, activities);
        records.municipalities.create(Caller.SYSTEM,
                new Municipality("1487", "Vänersborg", "Västra Götalands län", "Fyrbodal", true));
        records.municipalities.create(Caller.SYSTEM,
                new Municipality("1488", "Trollhättan", "Västra Götalands län", "Fyrbodal", true));
        records.organisations.create(Caller.SYSTEM, new Organisation("support-group-network",
                "Support Group Network", OrganisationKind.ASSOCIATION, null, Set.of("1487", "1488")));
        records.venues.create(Caller.SYSTEM,
                new Venue("ikc-vanersborg", "Interkulturellt Center Vänersborg", null, "1487", Set.of()));
    }

    @AfterEach
    void tearDown() {
        records.close();
    }

    @Test
    void aDraftIsDecidedOnlyByItsMunicipalitysCoordinatorAndBecomesAnActivity() throws Exception {
        Activity proposed = RecordServices.swimming("mail-simkurs", "1487", "2026-12-01T18:00:00+01:00");
        Draft draft = drafts.add("mail:<m1@example.se>", "kurser@sgn.example", "Simkurs", "1487",
                "support-group-network", proposed);
        assertEquals(draft, drafts.add("mail:<m1@example.se>", "kurser@sgn.example", "Simkurs", "1487",
                "support-group-network", proposed), "the same mail read twice is one draft");
        assertEquals(proposed, draft.activity(), "the activity survives its JSON, Arabic and Stockholm time included");
        assertEquals(List.of(), drafts.list(TROLLHATTAN, null));
        assertEquals(1, drafts.list(VANERSBORG, Draft.State.PENDING).size());
        // Another municipality's draft is answered as a missing one: a 403 would say it exists, and whose it is.
        NotFoundException hidden = assertThrows(NotFoundException.class, () -> drafts.approve(TROLLHATTAN, draft.id()));
        assertEquals(assertThrows(NotFoundException.class, () -> drafts.approve(TROLLHATTAN, draft.id() + 1000))
                .getMessage().replace(String.valueOf(draft.id() + 1000), String.valueOf(draft.id())), hidden.getMessage());
        assertThrows(NotFoundException.class, () -> drafts.reject(TROLLHATTAN, draft.id()));
        assertThrows(NotFoundException.class, () -> drafts.get(TROLLHATTAN, draft.id()));
        assertEquals(draft, drafts.get(VANERSBORG, draft.id()));
        assertTrue(activities.find("mail-simkurs").isEmpty());

        Draft approved = drafts.approve(VANERSBORG, draft.id());
        assertEquals(Draft.State.APPROVED, approved.state());
        assertEquals("anna", approved.decidedBy());
        assertEquals("Simkurs för kvinnor", activities.get("mail-simkurs").title().get("sv"));
        assertThrows(ConflictException.class, () -> drafts.reject(VANERSBORG, draft.id()));
    }

    @Test
    void anApprovalClaimsTheDraftSoThatARejectMeanwhileIsRefusedAndAFailedCreateLeavesItPending() throws Exception {
        Draft draft = drafts.add("mail:<m2@example.se>", "kurser@sgn.example", "Simkurs", "1487",
                "support-group-network", RecordServices.swimming("mail-simkurs", "1487", "2026-12-01T18:00:00+01:00"));
        List<Throwable> meanwhile = new ArrayList<>();
        DraftServiceImpl racing = new DraftServiceImpl(db.schema, intercepting(() -> {
            assertEquals(List.of(draft.id()), drafts.list(VANERSBORG, Draft.State.PENDING).stream().map(Draft::id)
                    .toList(), "a draft being approved is still shown as pending");
            meanwhile.add(assertThrows(ConflictException.class, () -> drafts.reject(VANERSBORG, draft.id())));
            meanwhile.add(assertThrows(ConflictException.class, () -> drafts.approve(VANERSBORG, draft.id())));
        }));
        assertEquals(Draft.State.APPROVED, racing.approve(VANERSBORG, draft.id()).state());
        assertEquals(2, meanwhile.size(), "both concurrent decisions were refused");
        assertTrue(activities.find("mail-simkurs").isPresent());
        assertEquals(Draft.State.APPROVED, drafts.list(VANERSBORG, null).get(0).state());

        Draft duplicate = drafts.add("mail:<m3@example.se>", "kurser@sgn.example", "Simkurs", "1487",
                "support-group-network", RecordServices.swimming("mail-simkurs", "1487", "2026-12-01T18:00:00+01:00"));
        assertThrows(ConflictException.class, () -> drafts.approve(VANERSBORG, duplicate.id()),
                "its activity exists already");
        assertEquals(Draft.State.PENDING, drafts.list(VANERSBORG, Draft.State.PENDING).get(0).state());
        assertEquals(Draft.State.REJECTED, drafts.reject(VANERSBORG, duplicate.id()).state(),
                "a failed approval leaves the draft to be decided again");
    }

    @Test
    void anApprovalCutOffByACrashIsSettledAtTheNextStart() throws Exception {
        Draft created = drafts.add("mail:<m4@example.se>", "kurser@sgn.example", "Simkurs", "1487",
                "support-group-network", RecordServices.swimming("mail-skapad", "1487", "2026-12-01T18:00:00+01:00"));
        Draft notCreated = drafts.add("mail:<m5@example.se>", "kurser@sgn.example", "Cykel", "1487",
                "support-group-network", RecordServices.swimming("mail-ej-skapad", "1487", "2026-12-02T18:00:00+01:00"));
        // Both claimed; the process dies after creating the first one's activity and before the second's.
        DraftServiceImpl crashing = new DraftServiceImpl(db.schema, (ActivityService) Proxy.newProxyInstance(
                getClass().getClassLoader(), new Class<?>[]{ActivityService.class}, (proxy, method, args) -> {
                    if (method.getName().equals("create")) {
                        Activity a = (Activity) args[1];
                        if (a.id().equals("mail-skapad")) {
                            activities.create((Caller) args[0], a);
                        }
                        throw new Error("the process dies here");
                    }
                    return method.invoke(activities, args);
                }));
        assertThrows(Error.class, () -> crashing.approve(VANERSBORG, created.id()));
        assertThrows(Error.class, () -> crashing.approve(VANERSBORG, notCreated.id()));
        assertThrows(ConflictException.class, () -> drafts.reject(VANERSBORG, notCreated.id()),
                "until the restart the claims stand");

        DraftServiceImpl restarted = new DraftServiceImpl(db.schema, activities);

        Draft settled = restarted.list(VANERSBORG, Draft.State.APPROVED).get(0);
        assertEquals(created.id(), settled.id());
        assertEquals("anna", settled.decidedBy(), "the claimant approved it");
        assertEquals(List.of(notCreated.id()), restarted.list(VANERSBORG, Draft.State.PENDING).stream()
                .map(Draft::id).toList());
        assertEquals(Draft.State.APPROVED, restarted.approve(VANERSBORG, notCreated.id()).state(),
                "a claim without its activity can be decided again");
    }

    /** The real activity service, running {@code meanwhile} just before it creates an activity. */
    private ActivityService intercepting(Runnable meanwhile) {
        return (ActivityService) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[]{ActivityService.class}, (proxy, method, args) -> {
                    if (method.getName().equals("create")) {
                        meanwhile.run();
                    }
                    try {
                        return method.invoke(activities, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }
}
