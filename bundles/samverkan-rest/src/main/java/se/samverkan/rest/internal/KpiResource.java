package se.samverkan.rest.internal;

import java.util.List;

import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.MediaType;

import se.samverkan.api.registry.KpiStore;
import se.samverkan.api.registry.KpiValue;
import se.samverkan.api.service.ValidationException;

/** Yearly key figures imported from Kolada, read-only and public. */
@Path("kpis")
@Produces(MediaType.APPLICATION_JSON)
public class KpiResource {

    private final KpiStore kpis;

    public KpiResource(KpiStore kpis) {
        this.kpis = kpis;
    }

    /** By municipality (an SCB code, or 0000 for the country) and/or KPI; at least one of them. */
    @GET
    public List<KpiValue> values(@QueryParam("municipality") String municipality, @QueryParam("kpi") String kpi) {
        String m = municipality == null || municipality.isBlank() ? null : municipality.trim();
        String k = kpi == null || kpi.isBlank() ? null : kpi.trim();
        if (m == null && k == null) {
            throw new ValidationException("municipality", "give municipality, kpi or both");
        }
        return kpis.values(m, k);
    }
}
