package se.samverkan.api.security;

import java.util.Collection;
import java.util.HashSet;
import java.util.Set;

/** The municipalities and organisations a record belongs to, for deciding who may write it. */
public record Scope(Set<String> municipalityCodes, Set<String> organisationIds) {

    public static final Scope NONE = new Scope(Set.of(), Set.of());

    public Scope {
        municipalityCodes = copy(municipalityCodes);
        organisationIds = copy(organisationIds);
    }

    public static Scope of(Collection<String> municipalityCodes, Collection<String> organisationIds) {
        return new Scope(copy(municipalityCodes), copy(organisationIds));
    }

    private static Set<String> copy(Collection<String> values) {
        Set<String> set = new HashSet<>();
        if (values != null) {
            values.stream().filter(v -> v != null && !v.isBlank()).forEach(set::add);
        }
        return Set.copyOf(set);
    }
}
