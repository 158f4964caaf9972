package se.samverkan.drafts.internal;

import java.io.PrintStream;
import java.util.Locale;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.lifecycle.Reference;

import se.samverkan.api.draft.Draft;
import se.samverkan.api.draft.DraftService;
import se.samverkan.shell.SamverkanCommand;

/** What draft-approve and draft-reject share: one draft by its id, decided as the console's user. */
abstract class DraftDecideCommand extends SamverkanCommand {

    @Argument(index = 0, name = "id", required = true, description = "The draft's id, as in draft-list")
    long id;

    @Reference
    DraftService drafts;

    abstract Draft decide();

    @Override
    protected void print(PrintStream out) {
        Draft d = decide();
        out.println("Draft " + d.id() + " (" + d.activity().title().get("sv") + ") is "
                + d.state().name().toLowerCase(Locale.ROOT)
                + (d.state() == Draft.State.APPROVED ? ": activity " + d.activity().id() + " is created." : "."));
    }
}
