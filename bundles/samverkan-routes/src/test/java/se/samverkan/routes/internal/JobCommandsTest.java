package se.samverkan.routes.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static se.samverkan.shell.testing.ConsoleOutput.output;
import static se.samverkan.shell.testing.ConsoleOutput.row;

import java.util.List;

import org.apache.karaf.shell.support.CommandException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import se.samverkan.api.quarantine.Quarantined;
import se.samverkan.api.service.NotFoundException;
import se.samverkan.persistence.internal.DerbyDatabase;

/** samverkan:job-list, job-run and quarantine-replay over the real service on a real Derby. */
class JobCommandsTest {

    private final DerbyDatabase db = new DerbyDatabase();
    private final QuarantineImpl quarantine = new QuarantineImpl(db.schema);
    private final ImportJobsImpl jobs = new ImportJobsImpl(quarantine, db.schema);
    private final LinesJob feed = new LinesJob("feed:sv-kurser", quarantine);

    JobCommandsTest() throws Exception {
        jobs.addJob(feed);
        jobs.addJob(new LinesJob("registry:kolada", quarantine));
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void jobListShowsEveryJobAndJobRunRunsOneAsTheConsoleUser() throws Exception {
        JobListCommand list = new JobListCommand();
        list.jobs = jobs;
        assertEquals(List.of("registry:kolada", "registry", "lines of registry:kolada", "on demand only", "never", "",
                "", "", ""), row(output(list::print), "registry:kolada"));

        feed.lines.addAll(List.of("Språkcafé", "bad line"));
        JobRunCommand run = new JobRunCommand();
        run.jobs = jobs;
        run.id = "feed:sv-kurser";
        List<String> ran = row(output(run::print), "feed:sv-kurser");
        assertEquals(List.of("ok", "1 new, 0 changed, 0 unchanged, 0 removed, 1 rejected", ""),
                List.of(ran.get(5), ran.get(6), ran.get(8)));
        assertEquals(List.of("console RUN import_job feed:sv-kurser"), db.auditLog(), "as the console's user");

        run.id = "feed:okand";
        assertEquals("No import job with id 'feed:okand'", assertThrows(NotFoundException.class,
                () -> output(run::print)).getMessage());
        assertEquals("No import job with id 'feed:okand'", assertThrows(CommandException.class, run::execute).getMessage());
    }

    @Test
    void quarantineReplayGoesThroughTheJobOfTheItemsSource() throws Exception {
        Quarantined bad = quarantine.add("feed:sv-kurser", "k-1043@sv.se", "category 'Dans' is not mapped", "bad Dans");
        QuarantineReplayCommand replay = new QuarantineReplayCommand();
        replay.jobs = jobs;
        replay.id = bad.id();
        assertEquals("Item " + bad.id() + " was not taken: bad Dans is still bad",
                assertThrows(CommandException.class, () -> output(replay::print)).getMessage());
        feed.fixed.add("bad Dans");
        assertEquals("Item " + bad.id() + " was taken and is marked replayed.", output(replay::print).strip());
        assertEquals(Quarantined.State.REPLAYED, quarantine.find(bad.id()).orElseThrow().state());
        assertEquals(List.of("console REPLAY quarantine " + bad.id()), db.auditLog());
    }
}
