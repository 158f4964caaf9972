package se.samverkan.api.security;

import java.util.Collection;
import java.util.EnumSet;
import java.util.Set;

/**
 * Who is making a change. Built from the role names of the login realm:
 * {@code admin}, {@code coordinator} with {@code municipality:1487}, {@code partner} with
 * {@code organisation:support-group-network}.
 *
 * @param municipalityCode the municipality a coordinator is bound to, or null
 * @param organisationId   the organisation a partner is bound to, or null
 */
public record Caller(String user, Set<Role> roles, String municipalityCode, String organisationId) {

    public static final String MUNICIPALITY_PREFIX = "municipality:";
    public static final String ORGANISATION_PREFIX = "organisation:";

    /** The platform itself (data loaders, plugins): may write everything. */
    public static final Caller SYSTEM = new Caller("system", Set.of(Role.ADMIN), null, null);

    public Caller {
        roles = Set.copyOf(roles);
    }

    public static Caller fromRoleNames(String user, Collection<String> roleNames) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        String municipality = null;
        String organisation = null;
        for (String name : roleNames) {
            for (Role role : Role.values()) {
                if (role.roleName().equals(name)) {
                    roles.add(role);
                }
            }
            if (name.startsWith(MUNICIPALITY_PREFIX)) {
                municipality = name.substring(MUNICIPALITY_PREFIX.length());
            } else if (name.startsWith(ORGANISATION_PREFIX)) {
                organisation = name.substring(ORGANISATION_PREFIX.length());
            }
        }
        return new Caller(user, roles, municipality, organisation);
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }
}
