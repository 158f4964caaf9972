package se.samverkan.drafts.internal;

import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Service;

import se.samverkan.api.draft.Draft;

@Service
@Command(scope = "samverkan", name = "draft-approve", description = "Approves a draft: its activity is created as the console user, with the usual validation.")
public class DraftApproveCommand extends DraftDecideCommand {

    @Override
    Draft decide() {
        return drafts.approve(consoleCaller(), id);
    }
}
