package se.samverkan.routes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import se.samverkan.api.service.ConflictException;
import se.samverkan.api.testing.InMemoryServices;
import se.samverkan.routes.JobRun.Counts;
import se.samverkan.routes.JobRun.Outcome;
import se.samverkan.routes.testing.CamelFixture;

/**
 * A plugin's route that polls a folder, as an import job, in a real CamelContext: its runs are its polls, and a run
 * now polls through the route. It looks into the folder only on demand here (the schedule waits an hour).
 */
class PolledRunsTest {

    private static final String ROUTE = "folder-job";

    @TempDir
    Path inbox;

    private final FolderJob job = new FolderJob();
    private CamelFixture camel;

    /** Each file's lines are its items; a file that says "boom" fails. */
    private final class FolderJob extends RouteBuilder implements ImportJob {

        final PolledRuns runs = new PolledRuns();

        @Override
        public void configure() {
            onException(IllegalStateException.class).process(runs::failed);
            from("file:" + inbox + "?initialDelay=3600000&delay=3600000&moveFailed=.failed").routeId(ROUTE)
                    .routePolicy(runs)
                    .process(this::take);
        }

        private void take(Exchange exchange) {
            String text = exchange.getIn().getBody(String.class);
            if (text.contains("boom")) {
                throw new IllegalStateException("boom in " + exchange.getIn().getHeader(Exchange.FILE_NAME));
            }
            runs.add(new Counts((int) text.lines().count(), 0, 0, 0, 0));
        }

        @Override
        public String id() {
            return "folder:test";
        }

        @Override
        public JobStatus status() {
            return status(runs.lastRun());
        }

        private JobStatus status(JobRun lastRun) {
            return new JobStatus(id(), "folder", inbox.toString(), "every 1 h", null, lastRun, runs.lastSuccess());
        }

        @Override
        public JobStatus run() {
            return status(runs.pollNow());
        }
    }

    private void start() throws Exception {
        camel = CamelFixture.start(new InMemoryServices().activities).add(job);
    }

    @AfterEach
    void stop() {
        if (camel != null) {
            camel.close();
        }
    }

    @Test
    void aRunNowPollsThroughTheRouteAndCountsWhatItTook() throws Exception {
        start();
        drop("a.txt", "Språkcafé\nLäxhjälp\n");
        drop("b.txt", "Simkurs\nCykelkurs\nDatorkurs\n");
        JobRun run = job.run().lastRun();
        assertEquals(Outcome.OK, run.outcome());
        assertEquals(new Counts(5, 0, 0, 0, 0), run.counts());
        assertTrue(!run.finished().isBefore(run.started()), run.toString());
        assertEquals(run.finished(), job.status().lastSuccess());
        assertEquals(0, files(), "both files were taken, as the route takes them");

        JobRun empty = job.run().lastRun();
        assertEquals(new JobRun(empty.started(), empty.finished(), Outcome.OK, Counts.NONE, null), empty,
                "a run asked for is a run, even if it found nothing");
    }

    @Test
    void anItemThatFailsFailsTheRunAndTheOthersAreStillTaken() throws Exception {
        start();
        drop("a.txt", "Språkcafé\n");
        drop("b.txt", "boom\n");
        JobStatus status = job.run();
        assertEquals(Outcome.FAILED, status.lastRun().outcome());
        assertEquals("boom in b.txt", status.lastRun().error());
        assertEquals(new Counts(1, 0, 0, 0, 0), status.lastRun().counts());
        assertNull(status.lastSuccess());
    }

    @Test
    void scheduledPollsThatFindNothingAreNoRunsAndOneThatFailsIsOne() throws Exception {
        start();
        JobRun asked = job.run().lastRun();
        // What the consumer's scheduler does at each poll, on its own thread.
        assertTrue(job.runs.begin(null, null));
        job.runs.commit(null, null, 0);
        assertSame(asked, job.runs.lastRun(), "a poll that found nothing is not a run");
        assertTrue(job.runs.begin(null, null));
        assertEquals(false, job.runs.rollback(null, null, 0, new IOException("the folder is gone")), "not retried");
        assertEquals(new JobRun(job.runs.lastRun().started(), job.runs.lastRun().finished(), Outcome.FAILED,
                Counts.NONE, "the folder is gone"), job.runs.lastRun());
        assertEquals(asked.finished(), job.runs.lastSuccess());
    }

    @Test
    void aRunNowWhileAScheduledPollRunsPollsNotTwiceAndSaysSo() throws Exception {
        start();
        assertTrue(job.runs.begin(null, null), "a scheduled poll begins");
        drop("a.txt", "Språkcafé\n");
        assertEquals(Outcome.RUNNING, job.run().lastRun().outcome());
        assertNull(job.status().lastRun(), "and no run has finished");
        assertEquals(1, files(), "the file waits for the running poll");
        job.runs.commit(null, null, 0);
        assertEquals(new Counts(1, 0, 0, 0, 0), job.run().lastRun().counts());
    }

    @Test
    void aRouteThatIsStoppedOrGoneCannotRunNow() throws Exception {
        assertEquals("its route is not running", assertThrows(ConflictException.class, job::run).getMessage());
        start();
        camel.context().getRouteController().stopRoute(ROUTE);
        assertEquals("its route " + ROUTE + " did not poll: it is stopped or suspended",
                assertThrows(ConflictException.class, job::run).getMessage());
        camel.context().removeRoute(ROUTE);
        assertEquals("its route is not running", assertThrows(ConflictException.class, job::run).getMessage());
    }

    private void drop(String name, String text) throws IOException {
        Path partial = Files.createTempFile(inbox.getParent(), name, ".part");
        Files.writeString(partial, text, StandardCharsets.UTF_8);
        Files.move(partial, inbox.resolve(name));
    }

    private long files() throws IOException {
        try (Stream<Path> files = Files.list(inbox)) {
            return files.filter(Files::isRegularFile).count();
        }
    }
}
