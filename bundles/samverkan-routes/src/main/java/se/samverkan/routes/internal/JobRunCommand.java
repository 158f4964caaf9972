package se.samverkan.routes.internal;

import java.io.PrintStream;
import java.util.List;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.CommandLine;
import org.apache.karaf.shell.api.console.Completer;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.support.completers.StringsCompleter;

import se.samverkan.routes.ImportJobs;
import se.samverkan.routes.JobStatus;
import se.samverkan.shell.SamverkanCommand;

@Service
@Command(scope = "samverkan", name = "job-run",
        description = "Runs an import job now, once (no retries), and shows the outcome.")
public class JobRunCommand extends SamverkanCommand {

    @Argument(index = 0, name = "id", required = true, description = "The job's id, as in job-list, e.g. feed:dalabergskyrkan")
    @Completion(JobIds.class)
    String id;

    @Reference
    ImportJobs jobs;

    @Override
    protected void print(PrintStream out) {
        JobListCommand.table(List.of(jobs.run(consoleCaller(), id))).print(out);
    }

    /** The ids of the jobs there are now. */
    @Service
    public static class JobIds implements Completer {

        @Reference
        ImportJobs jobs;

        @Override
        public int complete(Session session, CommandLine commandLine, List<String> candidates) {
            return new StringsCompleter(jobs.jobs().stream().map(JobStatus::id).toList(), false)
                    .complete(session, commandLine, candidates);
        }
    }
}
