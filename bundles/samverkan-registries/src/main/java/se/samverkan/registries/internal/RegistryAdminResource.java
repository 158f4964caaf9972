package se.samverkan.registries.internal;

import java.util.List;

import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.SecurityContext;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import se.samverkan.api.registry.RegistryService;
import se.samverkan.api.registry.RegistryStatus;
import se.samverkan.api.security.AccessPolicy;
import se.samverkan.rest.spi.CallerContext;
import se.samverkan.rest.spi.RestResource;

/**
 * What samverkan:registry-list and registry-run do, for administrators over REST; served while the registries
 * (samverkan-registries) are installed.
 */
@Component(service = RegistryAdminResource.class)
@RestResource
@Path("admin/registries")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Administration")
public class RegistryAdminResource {

    private final RegistryService registries;

    @Context
    private SecurityContext security;

    @Activate
    public RegistryAdminResource(@Reference RegistryService registries) {
        this.registries = registries;
    }

    @GET
    @Operation(summary = "The registries (municipality list, organisation registers, Kolada key figures): source, "
            + "schedule, last run (when, outcome, new/changed/unchanged/rejected, error), last success")
    @ApiResponse(responseCode = "200", description = "Every configured registry")
    @ApiResponse(responseCode = "403", description = "The caller is not an administrator")
    public List<RegistryStatus> registries() {
        AccessPolicy.checkAdmin(CallerContext.callerOf(security), "list the registries");
        return registries.registries();
    }

    /** Runs the registry once now and answers with its state after the run (a failed run is in lastRun). */
    @POST
    @Path("{id}/run")
    @Operation(summary = "Run a registry once now (no retries) and answer its state; a failed run is in lastRun "
            + "with its error, and the last good data is kept")
    @ApiResponse(responseCode = "200", description = "The registry's state after the run")
    @ApiResponse(responseCode = "403", description = "The caller is not an administrator")
    @ApiResponse(responseCode = "404", description = "No registry has that id")
    public RegistryStatus run(@PathParam("id") String id) {
        return registries.run(CallerContext.callerOf(security), id);
    }
}
