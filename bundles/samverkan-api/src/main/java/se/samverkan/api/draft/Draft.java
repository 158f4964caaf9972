package se.samverkan.api.draft;

import java.time.Instant;
import java.util.Set;

import se.samverkan.api.model.Activity;
import se.samverkan.api.security.AccessPolicy;
import se.samverkan.api.security.Caller;
import se.samverkan.api.security.Role;
import se.samverkan.api.security.Scope;

/**
 * An activity a partner sent by mail, waiting for the municipality's coordinator (utkast): it is not an activity
 * until it is approved, and then goes through the same validation and rights as any other write.
 *
 * @param sourceKey  what it came from, unique, e.g. {@code mail:<message-id>#uid}: the same mail read twice is one draft
 * @param sender     the sender's address
 * @param subject    the mail's subject
 * @param decidedBy  who approved or rejected it, else null
 */
public record Draft(long id, String sourceKey, String sender, String subject, String municipalityCode,
                    String organisationId, Activity activity, State state, Instant receivedAt, String decidedBy,
                    Instant decidedAt) {

    public enum State { PENDING, APPROVED, REJECTED }

    /** Drafts are seen and decided by the coordinators of their municipality, and by administrators. */
    public boolean decidableBy(Caller caller) {
        return caller != null && (caller.has(Role.ADMIN) || caller.has(Role.COORDINATOR))
                && AccessPolicy.mayWrite(caller, new Scope(Set.of(municipalityCode), Set.of()));
    }
}
