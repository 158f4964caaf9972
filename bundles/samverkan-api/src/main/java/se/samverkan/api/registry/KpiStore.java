package se.samverkan.api.registry;

import java.util.Collection;
import java.util.List;

/** Yearly key figures per municipality, KPI, year and gender. */
public interface KpiStore {

    /** Stores each value by (municipality, KPI, year, gender), in batches; rejected is 0. */
    ImportCounts upsert(Collection<KpiValue> values);

    /**
     * @param municipality SCB code or "0000", or null for all
     * @param kpi          KPI id, or null for all
     * @return ordered by municipality, KPI, year, gender
     */
    List<KpiValue> values(String municipality, String kpi);
}
