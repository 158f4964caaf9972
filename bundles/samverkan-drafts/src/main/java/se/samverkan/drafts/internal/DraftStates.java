package se.samverkan.drafts.internal;

import org.apache.karaf.shell.api.action.lifecycle.Service;

import se.samverkan.api.draft.Draft;
import se.samverkan.shell.Completers;

/** Completes draft-list's --state. */
@Service
public class DraftStates extends Completers.EnumCompleter<Draft.State> {

    public DraftStates() {
        super(Draft.State.class);
    }
}
