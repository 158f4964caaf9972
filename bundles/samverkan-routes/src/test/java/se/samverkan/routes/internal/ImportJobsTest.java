package se.samverkan.routes.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import se.samverkan.api.quarantine.Quarantined;
import se.samverkan.api.quarantine.Quarantined.State;
import se.samverkan.api.security.Caller;
import se.samverkan.api.service.AccessDeniedException;
import se.samverkan.api.service.ConflictException;
import se.samverkan.api.service.NotFoundException;
import se.samverkan.persistence.internal.DerbyDatabase;
import se.samverkan.routes.JobRun.Counts;
import se.samverkan.routes.JobRun.Outcome;
import se.samverkan.routes.JobStatus;

/** The one service REST and the console use for every import job, on a real Derby (quarantine, audit log). */
class ImportJobsTest {

    static final Caller ANNA = Caller.fromRoleNames("anna", List.of("admin"));
    static final Caller COORDINATOR = Caller.fromRoleNames("bo", List.of("coordinator", "municipality:1487"));

    private final DerbyDatabase db = new DerbyDatabase();
    private final QuarantineImpl quarantine = new QuarantineImpl(db.schema);
    private final ImportJobsImpl jobs = new ImportJobsImpl(quarantine, db.schema);

    ImportJobsTest() throws Exception {
    }

    @AfterEach
    void close() {
        db.close();
    }

    private LinesJob job(String id) {
        LinesJob job = new LinesJob(id, quarantine);
        jobs.addJob(job);
        return job;
    }

    @Test
    void listsEveryJobOfEveryKindByIdAsTheyComeAndGo() {
        job("mail:inbound");
        LinesJob kolada = job("registry:kolada");
        job("feed:dalabergskyrkan");
        job("catalogue:sv-orebro");
        assertEquals(List.of("catalogue:sv-orebro", "feed:dalabergskyrkan", "mail:inbound", "registry:kolada"),
                jobs.jobs().stream().map(JobStatus::id).toList());
        assertEquals(List.of("catalogue", "feed", "mail", "registry"), jobs.jobs().stream().map(JobStatus::kind).toList());
        assertEquals("lines of registry:kolada", jobs.job("registry:kolada").orElseThrow().source());
        assertNull(jobs.job("registry:kolada").orElseThrow().lastRun(), "not run yet");
        assertEquals(Optional.empty(), jobs.job("registry:okand"));

        LinesJob twin = new LinesJob("registry:kolada", quarantine);
        jobs.addJob(twin);
        assertEquals(4, jobs.jobs().size(), "an id taken twice is listed once");
        jobs.removeJob(kolada);
        assertEquals(1, jobs.jobs().stream().filter(j -> j.id().equals("registry:kolada")).count(), "the other one stays");
        jobs.removeJob(twin);
        assertEquals(List.of("catalogue:sv-orebro", "feed:dalabergskyrkan", "mail:inbound"),
                jobs.jobs().stream().map(JobStatus::id).toList());
    }

    @Test
    void aRunNowIsTheJobsRunAuditedUnderTheCallersName() throws Exception {
        LinesJob feed = job("feed:dalabergskyrkan");
        feed.lines.addAll(List.of("Språkcafé", "Läxhjälp", "bad: no DTSTART"));
        JobStatus status = jobs.run(ANNA, "feed:dalabergskyrkan");
        assertEquals(Outcome.OK, status.lastRun().outcome());
        assertEquals(new Counts(2, 0, 0, 0, 1), status.lastRun().counts());
        assertEquals(status, jobs.job("feed:dalabergskyrkan").orElseThrow());
        assertEquals(List.of("anna RUN import_job feed:dalabergskyrkan"), db.auditLog());

        assertThrows(NotFoundException.class, () -> jobs.run(ANNA, "feed:okand"));
        feed.off = "its route is not running";
        assertEquals("import job feed:dalabergskyrkan cannot run now: its route is not running",
                assertThrows(ConflictException.class, () -> jobs.run(ANNA, "feed:dalabergskyrkan")).getMessage());
        assertEquals(1, db.auditLog().size(), "only what ran is audited");

        feed.off = null;
        feed.broken = "cannot write the feed's state";
        assertEquals("cannot write the feed's state",
                assertThrows(IllegalStateException.class, () -> jobs.run(ANNA, "feed:dalabergskyrkan")).getMessage());
        assertEquals(2, db.auditLog().size(), "a run that failed on its way ran, and is audited");
    }

    @Test
    void aNonAdministratorMayNeitherRunNorReplay() throws Exception {
        LinesJob feed = job("feed:dalabergskyrkan");
        Quarantined bad = quarantine.add("feed:dalabergskyrkan", "uid-1", "no DTSTART", "bad 1");
        feed.fixed.add("bad 1");
        feed.lines.add("Språkcafé");

        assertEquals("only an administrator may run an import job",
                assertThrows(AccessDeniedException.class, () -> jobs.run(COORDINATOR, "feed:dalabergskyrkan")).getMessage());
        assertEquals("only an administrator may replay quarantined items",
                assertThrows(AccessDeniedException.class, () -> jobs.replay(COORDINATOR, bad.id())).getMessage());
        assertThrows(AccessDeniedException.class, () -> jobs.run(null, "feed:dalabergskyrkan"), "nobody logged in");
        assertThrows(AccessDeniedException.class, () -> jobs.run(COORDINATOR, "feed:okand"),
                "refused before it is told what exists");
        assertEquals(0, feed.runs, "the job did not run");
        assertEquals(State.WAITING, quarantine.find(bad.id()).orElseThrow().state());
        assertEquals(List.of(), db.auditLog());
    }

    @Test
    void aQuarantinedItemIsReplayedThroughTheJobItsSourceNames() throws Exception {
        LinesJob register = job("registry:ideella");
        LinesJob feed = job("feed:dalabergskyrkan");
        Quarantined row = quarantine.add("registry:ideella", "802412-3451", "check digit", "bad row");
        Quarantined event = quarantine.add("feed:dalabergskyrkan", "uid-1", "no DTSTART", "bad event");
        Quarantined orphan = quarantine.add("feed:gone", "uid-2", "no DTSTART", "bad event");

        assertEquals("bad event is still bad", jobs.replay(ANNA, event.id()));
        assertEquals(State.WAITING, quarantine.find(event.id()).orElseThrow().state(), "not taken: still waiting");
        feed.fixed.add("bad event");
        assertNull(jobs.replay(ANNA, event.id()));
        assertEquals(State.REPLAYED, quarantine.find(event.id()).orElseThrow().state());
        assertEquals("bad row is still bad", jobs.replay(ANNA, row.id()), "the registry's job, not the feed's");
        register.fixed.add("bad row");
        assertNull(jobs.replay(ANNA, row.id()));
        assertEquals(List.of("anna REPLAY quarantine " + event.id(), "anna REPLAY quarantine " + row.id()),
                db.auditLog(), "what was taken is audited");

        assertEquals("item " + event.id() + " is replayed, not waiting", jobs.replay(ANNA, event.id()));
        assertEquals("no configured import job takes items of feed:gone (its import is no longer configured, or not "
                + "installed); if it is not wanted, discard it (samverkan:quarantine-discard " + orphan.id()
                + ", or DELETE /api/v1/admin/quarantine/" + orphan.id() + ")", jobs.replay(ANNA, orphan.id()));
        assertEquals(State.DISCARDED, quarantine.discard(ANNA, orphan.id()).state(), "and then it can be discarded");
        assertThrows(NotFoundException.class, () -> jobs.replay(ANNA, 9999));
        assertTrue(register.runs + feed.runs == 0, "a replay runs no job");
    }
}
