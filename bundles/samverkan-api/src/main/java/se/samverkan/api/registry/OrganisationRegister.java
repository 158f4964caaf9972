package se.samverkan.api.registry;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** The organisation register: civil-society organisations imported from register exports, by organisation number. */
public interface OrganisationRegister {

    /**
     * Stores valid records by organisation number, in batches: each record is written whole or not at all.
     *
     * @return new, changed and unchanged records (rejected is 0: callers validate first)
     */
    ImportCounts upsert(Collection<RegisterOrganisation> organisations);

    Optional<RegisterOrganisation> find(String organisationNumber);

    /**
     * @param text         words the name must contain (case-insensitive), or null
     * @param municipality SCB code, or null
     * @return ordered by name, then number
     */
    List<RegisterOrganisation> search(String text, String municipality, int offset, int limit);

    int count();
}
