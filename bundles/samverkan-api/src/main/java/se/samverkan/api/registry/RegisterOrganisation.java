package se.samverkan.api.registry;

import java.util.List;

/**
 * A civil-society organisation as a register export lists it: reference data, searchable, kept apart from the
 * platform's partner {@link se.samverkan.api.model.Organisation} records (which carry rights and agreements).
 *
 * @param organisationNumber NNNNNN-NNNN, check digit verified; the key
 * @param municipalityCode   SCB code of its seat, or null if the register does not say
 * @param areasOfWork        e.g. "integration", "språkstöd"; may be empty
 * @param contactAddress     its public contact address (e-mail or postal), or null
 * @param registerId         the register it came from
 */
public record RegisterOrganisation(String organisationNumber, String name, String municipalityCode,
                                   List<String> areasOfWork, String contactAddress, String registerId) {

    public RegisterOrganisation {
        areasOfWork = areasOfWork == null ? List.of() : List.copyOf(areasOfWork);
    }
}
