package se.samverkan.api.model;

import java.math.BigDecimal;

/**
 * A promised change in an outcome, e.g. INTO_WORK +20 (per cent) or ON_SOCIAL_ASSISTANCE -50.
 */
public record OutcomeTarget(Outcome outcome, BigDecimal changePercent) {

    public enum Outcome { INTO_WORK, INTO_STUDIES, NEW_BUSINESSES, ON_SOCIAL_ASSISTANCE }
}
