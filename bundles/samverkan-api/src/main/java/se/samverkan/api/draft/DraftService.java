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
     * Creates the draft's activity as the caller, through the activity service (validation, rights, audit).
     *
     * @throws se.samverkan.api.service.NotFoundException, AccessDeniedException, ValidationException,
     *                                                     ConflictException (not pending, or the id is taken)
     */
    Draft approve(Caller caller, long id);

    /** @throws se.samverkan.api.service.NotFoundException, AccessDeniedException, ConflictException */
    Draft reject(Caller caller, long id);
}
