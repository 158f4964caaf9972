package se.samverkan.routes.internal;

import java.io.PrintStream;
import java.util.Collection;
import java.util.Locale;

import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;

import se.samverkan.routes.ImportJobs;
import se.samverkan.routes.JobRun;
import se.samverkan.routes.JobStatus;
import se.samverkan.shell.Formats;
import se.samverkan.shell.SamverkanCommand;

@Service
@Command(scope = "samverkan", name = "job-list",
        description = "Lists the import jobs (calendar feeds, registries, course catalogues, inbound mail): kind, "
                + "source, schedule, last run (when, outcome, what it did), last success, last error.")
public class JobListCommand extends SamverkanCommand {

    @Reference
    ImportJobs jobs;

    @Override
    protected void print(PrintStream out) {
        table(jobs.jobs()).print(out);
    }

    /** One row per job; its last run by when it began. */
    static ShellTable table(Collection<JobStatus> jobs) {
        ShellTable table = new ShellTable().emptyTableText("No import jobs are installed.");
        for (String header : new String[]{"Job", "Kind", "Source", "Schedule", "Last run", "Outcome", "What it did",
                "Last success", "Last error"}) {
            table.column(header);
        }
        for (JobStatus job : jobs) {
            JobRun run = job.lastRun();
            table.addRow().addContent(job.id(), job.kind(), job.source(), job.schedule(),
                    run == null ? "never" : Formats.instant(run.started()),
                    run == null ? "" : run.outcome().name().toLowerCase(Locale.ROOT),
                    run == null ? "" : counts(run.counts()), Formats.instant(job.lastSuccess()),
                    run == null ? "" : Formats.text(run.error()));
        }
        return table;
    }

    static String counts(JobRun.Counts c) {
        return c.created() + " new, " + c.updated() + " changed, " + c.unchanged() + " unchanged, " + c.removed()
                + " removed, " + c.rejected() + " rejected";
    }
}
