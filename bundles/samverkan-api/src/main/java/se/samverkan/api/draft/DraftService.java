package se.samverkan.api.draft;

import java.util.List;

import se.samverkan.api.model.Activity;
import se.samverkan.api.security.Caller;

/** Drafts of activities that arrived by mail, and their approval by the municipality's coordinator. */
public interface DraftService {

    /**
     * Stores a draft; a draft with the same source key is the same draft and is returned as stored.
     */
    Draft add(String sourceKey, String sender, String subject, String municipalityCode, String organisationId,
              Activity activity);

    /** The drafts the caller may decide (an administrator all, a coordinator their municipality's), newest first. */
    List<Draft> list(Caller caller, Draft.State state);

    /**
     * One draft the caller may decide. Another municipality's draft is answered as a missing one, so that its
     * existence and its owner are not revealed.
     *
     * @throws se.samverkan.api.service.NotFoundException if there is no such draft or it is not the caller's to see
     */
    Draft get(Caller caller, long id);

    /**
     * Creates the draft's activity as the caller, through the activity service (validation, rights, audit).
     *
     * @throws se.samverkan.api.service.NotFoundException (as {@link #get}), AccessDeniedException (the activity is
     *         not the caller's to create), ValidationException, ConflictException (not pending, or the id is taken)
     */
    Draft approve(Caller caller, long id);

    /** @throws se.samverkan.api.service.NotFoundException (as {@link #get}), ConflictException (not pending) */
    Draft reject(Caller caller, long id);
}
