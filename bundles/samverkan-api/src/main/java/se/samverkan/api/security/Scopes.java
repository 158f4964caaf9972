package se.samverkan.api.security;

import java.util.List;
import java.util.Set;

import se.samverkan.api.model.Activity;
import se.samverkan.api.model.Agreement;
import se.samverkan.api.model.Municipality;
import se.samverkan.api.model.Organisation;
import se.samverkan.api.model.Programme;
import se.samverkan.api.model.Venue;

/** The parties of each kind of record: the municipalities and organisations it involves (see AccessPolicy). */
public final class Scopes {

    private Scopes() {
    }

    public static Scope of(Municipality m) {
        return Scope.of(Set.of(m.code()), Set.of());
    }

    /** The municipalities an organisation works in; the organisation itself owns its record (AccessPolicy). */
    public static Scope of(Organisation o) {
        return Scope.of(o.municipalityCodes(), Set.of());
    }

    public static Scope of(Agreement a) {
        return Scope.of(a.municipalityCodes(), a.organisationIds());
    }

    public static Scope of(Programme p) {
        return Scope.of(p.municipalityCodes(), nullable(p.ownerId()));
    }

    public static Scope of(Venue v) {
        return Scope.of(nullable(v.municipalityCode()), Set.of());
    }

    public static Scope of(Activity a) {
        return Scope.of(nullable(a.municipalityCode()), a.organiserIds());
    }

    private static List<String> nullable(String value) {
        return value == null ? List.of() : List.of(value);
    }
}
