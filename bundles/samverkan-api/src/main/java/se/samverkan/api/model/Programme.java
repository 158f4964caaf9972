package se.samverkan.api.model;

import java.math.BigDecimal;
import java.util.List;
import java.util.Set;

/** A regional or inter-municipal programme, e.g. an ESF or AMIF funded project with outcome targets. */
public record Programme(String id, String name, String ownerId, String funderId, Set<String> municipalityCodes,
                        Period period, BigDecimal budgetSek, List<OutcomeTarget> targets) {
}
