package se.samverkan.drafts.internal;

import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Service;

import se.samverkan.api.draft.Draft;

@Service
@Command(scope = "samverkan", name = "draft-reject", description = "Rejects a draft: no activity is created.")
public class DraftRejectCommand extends DraftDecideCommand {

    @Override
    Draft decide() {
        return drafts.reject(consoleCaller(), id);
    }
}
