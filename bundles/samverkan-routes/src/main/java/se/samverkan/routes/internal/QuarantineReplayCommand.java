package se.samverkan.routes.internal;

import java.io.PrintStream;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.CommandException;

import se.samverkan.routes.ImportJobs;
import se.samverkan.shell.SamverkanCommand;

/** A replay goes through the import job the item's source names, like REST's. */
@Service
@Command(scope = "samverkan", name = "quarantine-replay",
        description = "Tries a quarantined item again (after a fix of the mapping or the data) and says whether it was taken.")
public class QuarantineReplayCommand extends SamverkanCommand {

    @Argument(index = 0, name = "id", required = true, description = "The item's id, as in quarantine-list")
    long id;

    @Reference
    ImportJobs jobs;

    @Override
    protected void print(PrintStream out) throws CommandException {
        String problem = jobs.replay(consoleCaller(), id);
        if (problem != null) {
            throw new CommandException("Item " + id + " was not taken: " + problem);
        }
        out.println("Item " + id + " was taken and is marked replayed.");
    }
}
