package se.samverkan.api.registry;

/**
 * One yearly key figure of one municipality, as Kolada publishes it.
 *
 * @param municipalityCode SCB code, or "0000" for the whole country
 * @param kpi              Kolada KPI id, e.g. "N31001"
 * @param gender           T (total), K (women), M (men)
 * @param value            null when Kolada has no value (e.g. suppressed)
 * @param count            how many values the figure is built from, or null
 * @param status           Kolada's status text; empty when none
 */
public record KpiValue(String municipalityCode, String kpi, int year, String gender, Double value, Integer count,
                       String status) {

    /** Kolada's code for the whole country, the figure municipalities are compared against. */
    public static final String COUNTRY = "0000";
}
