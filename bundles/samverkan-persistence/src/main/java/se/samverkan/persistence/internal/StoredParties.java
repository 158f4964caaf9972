package se.samverkan.persistence.internal;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import javax.persistence.EntityManager;

import se.samverkan.api.security.AccessPolicy;
import se.samverkan.api.security.Scope;

/**
 * The stored records the rights rules look at, read in the transaction of the write (from the shared cache
 * mostly). Parties as {@link se.samverkan.api.security.Scopes} defines them for each kind.
 */
final class StoredParties implements AccessPolicy.Directory {

    private final EntityManager em;

    StoredParties(EntityManager em) {
        this.em = em;
    }

    @Override
    public Optional<Set<String>> municipalitiesOf(String organisationId) {
        return Optional.ofNullable(organisationId == null ? null : em.find(OrganisationEntity.class, organisationId))
                .map(o -> Set.copyOf(o.municipalityCodes));
    }

    @Override
    public Optional<Scope> parties(String kind, String id) {
        return switch (kind) {
            case "venue" -> Optional.ofNullable(em.find(VenueEntity.class, id))
                    .map(v -> Scope.of(nullable(v.municipalityCode), List.of()));
            case "agreement" -> Optional.ofNullable(em.find(AgreementEntity.class, id))
                    .map(a -> Scope.of(a.municipalityCodes, a.organisationIds));
            case "programme" -> Optional.ofNullable(em.find(ProgrammeEntity.class, id))
                    .map(p -> Scope.of(p.municipalityCodes, nullable(p.ownerId)));
            default -> throw new IllegalArgumentException("no parties known for kind " + kind);
        };
    }

    private static List<String> nullable(String value) {
        return value == null ? List.of() : List.of(value);
    }
}
