package se.samverkan.routes.internal;

import java.io.PrintStream;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;

import se.samverkan.api.quarantine.QuarantineService;
import se.samverkan.shell.SamverkanCommand;

@Service
@Command(scope = "samverkan", name = "quarantine-discard",
        description = "Drops a waiting quarantined item that is not wanted, e.g. one of a calendar feed that is no "
                + "longer configured. It is kept, marked discarded.")
public class QuarantineDiscardCommand extends SamverkanCommand {

    @Argument(index = 0, name = "id", required = true, description = "The item's id, as in quarantine-list")
    long id;

    @Reference
    QuarantineService quarantine;

    @Override
    protected void print(PrintStream out) {
        quarantine.discard(consoleCaller(), id);
        out.println("Item " + id + " is discarded.");
    }
}
