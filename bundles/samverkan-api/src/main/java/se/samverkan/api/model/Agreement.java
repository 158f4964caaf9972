package se.samverkan.api.model;

import java.math.BigDecimal;
import java.util.Set;

/**
 * An agreement between parties: an IOP, a grant, an ESF or AMIF project.
 *
 * @param organisationIds   organisations that are parties
 * @param municipalityCodes municipalities that are parties
 * @param funderId          organisation that funds it, optional
 */
public record Agreement(String id, String title, AgreementKind kind, Set<String> organisationIds,
                        Set<String> municipalityCodes, String purpose, Period period, BigDecimal budgetSek,
                        String funderId, AgreementStatus status) {
}
