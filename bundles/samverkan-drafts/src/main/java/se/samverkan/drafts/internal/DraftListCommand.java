package se.samverkan.drafts.internal;

import static se.samverkan.shell.Tables.row;

import java.io.PrintStream;
import java.util.List;

import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.CommandException;

import se.samverkan.api.draft.Draft;
import se.samverkan.api.draft.DraftService;
import se.samverkan.shell.Formats;
import se.samverkan.shell.Options;
import se.samverkan.shell.SamverkanCommand;
import se.samverkan.shell.Tables;

@Service
@Command(scope = "samverkan", name = "draft-list",
        description = "Lists the drafts of activities partners mailed in, newest first: municipality, organisation, "
                + "sender, title, occurrences, state.")
public class DraftListCommand extends SamverkanCommand {

    @Option(name = "--state", description = "Only drafts in this state: pending, approved or rejected")
    @Completion(DraftStates.class)
    String state;

    @Reference
    DraftService drafts;

    @Override
    protected void print(PrintStream out) throws CommandException {
        List<Draft> list = drafts.list(consoleCaller(), Options.parseEnum(Draft.State.class, "--state", state));
        Tables.table(list, "No drafts.", d -> row(d.id(), d.municipalityCode(), d.organisationId(), d.sender(),
                        d.activity().title().get("sv"),
                        d.activity().occurrences() == null ? 0 : d.activity().occurrences().size(),
                        Formats.label(d.state()), Formats.instant(d.receivedAt())),
                "Id", "Municipality", "Organisation", "Sender", "Title (sv)", "Occurrences", "State", "Received").print(out);
    }
}
