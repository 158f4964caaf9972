package se.samverkan.registries.internal;

import java.util.List;

import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.MediaType;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import se.samverkan.api.registry.KpiStore;
import se.samverkan.api.registry.KpiValue;
import se.samverkan.api.service.ValidationException;
import se.samverkan.rest.spi.RestResource;

/** Yearly key figures imported from Kolada, read-only and public. */
@Component(service = KpiResource.class)
@RestResource
@Path("kpis")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Registry", description = "Reference registers and key figures, read-only and public")
public class KpiResource {

    private final KpiStore kpis;

    @Activate
    public KpiResource(@Reference KpiStore kpis) {
        this.kpis = kpis;
    }

    /** By municipality (an SCB code, or 0000 for the country) and/or KPI; at least one of them. */
    @GET
    @Operation(summary = "Yearly key figures imported from Kolada, per municipality, KPI, year and gender, ordered so")
    @ApiResponse(responseCode = "200", description = "The values")
    @ApiResponse(responseCode = "400", description = "Neither municipality nor kpi is given")
    public List<KpiValue> values(@Parameter(description = "SCB municipality code, or 0000 for the country")
                                 @QueryParam("municipality") String municipality,
                                 @Parameter(description = "Kolada KPI id, e.g. N01951") @QueryParam("kpi") String kpi) {
        String m = municipality == null || municipality.isBlank() ? null : municipality.trim();
        String k = kpi == null || kpi.isBlank() ? null : kpi.trim();
        if (m == null && k == null) {
            throw new ValidationException("municipality", "give municipality, kpi or both");
        }
        return kpis.values(m, k);
    }
}
