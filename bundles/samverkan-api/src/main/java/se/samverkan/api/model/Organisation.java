package se.samverkan.api.model;

import java.util.Set;

/**
 * A partner organisation or public body.
 *
 * @param id                 stable key, e.g. "support-group-network"
 * @param organisationNumber Swedish organisationsnummer "NNNNNN-NNNN", optional
 * @param municipalityCodes  the municipalities the organisation works in
 */
public record Organisation(String id, String name, OrganisationKind kind, String organisationNumber,
                           Set<String> municipalityCodes) {
}
