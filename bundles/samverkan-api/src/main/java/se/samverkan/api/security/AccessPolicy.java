package se.samverkan.api.security;

import se.samverkan.api.service.AccessDeniedException;

/**
 * Who may write what. An admin writes everything; a coordinator writes records that belong to their
 * municipality; a partner writes records that belong to their organisation. For an update both the stored
 * and the new version must be in reach, so nobody can move a record out of someone else's municipality.
 */
public final class AccessPolicy {

    private AccessPolicy() {
    }

    public static boolean mayWrite(Caller caller, Scope scope) {
        if (caller == null) {
            return false;
        }
        if (caller.has(Role.ADMIN)) {
            return true;
        }
        if (caller.has(Role.COORDINATOR) && caller.municipalityCode() != null
                && scope.municipalityCodes().contains(caller.municipalityCode())) {
            return true;
        }
        return caller.has(Role.PARTNER) && caller.organisationId() != null
                && scope.organisationIds().contains(caller.organisationId());
    }

    /**
     * @param before the stored record's scope, or null on create
     * @param after  the new record's scope, or null on delete
     */
    public static void checkWrite(Caller caller, String kind, String id, Scope before, Scope after) {
        boolean allowed = (before == null || mayWrite(caller, before)) && (after == null || mayWrite(caller, after));
        if (!allowed) {
            throw new AccessDeniedException(describe(caller) + " may not change " + kind + " '" + id + "'");
        }
    }

    /** Only admins may do this (e.g. add or remove a municipality). */
    public static void checkAdmin(Caller caller, String what) {
        if (caller == null || !caller.has(Role.ADMIN)) {
            throw new AccessDeniedException("only an administrator may " + what);
        }
    }

    private static String describe(Caller caller) {
        if (caller == null) {
            return "An anonymous user";
        }
        if (caller.has(Role.COORDINATOR) && caller.municipalityCode() != null) {
            return "User '" + caller.user() + "' (coordinator for municipality " + caller.municipalityCode() + ")";
        }
        if (caller.has(Role.PARTNER) && caller.organisationId() != null) {
            return "User '" + caller.user() + "' (partner for organisation " + caller.organisationId() + ")";
        }
        return "User '" + caller.user() + "'";
    }
}
