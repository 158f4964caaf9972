package se.samverkan.shell.internal;

import java.io.PrintStream;

import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.CommandException;

import se.samverkan.api.draft.Draft;
import se.samverkan.api.draft.DraftService;
import se.samverkan.shell.Completers;
import se.samverkan.shell.Options;
import se.samverkan.shell.SamverkanCommand;
import se.samverkan.shell.Tables;

@Service
@Command(scope = "samverkan", name = "draft-list",
        description = "Lists the drafts of activities partners mailed in, newest first: municipality, organisation, "
                + "sender, title, sessions, state.")
public class DraftListCommand extends SamverkanCommand {

    @Option(name = "--state", description = "Only drafts in this state: pending, approved or rejected")
    @Completion(Completers.DraftStates.class)
    String state;

    @Reference
    DraftService drafts;

    @Override
    protected void print(PrintStream out) throws CommandException {
        Tables.drafts(drafts.list(consoleCaller(), Options.parseEnum(Draft.State.class, "--state", state))).print(out);
    }
}
