package se.samverkan.routes.rest;

import java.util.List;

import javax.ws.rs.DELETE;
import javax.ws.rs.DefaultValue;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.SecurityContext;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import se.samverkan.api.quarantine.QuarantineService;
import se.samverkan.api.quarantine.Quarantined;
import se.samverkan.api.security.AccessPolicy;
import se.samverkan.api.service.ConflictException;
import se.samverkan.rest.spi.CallerContext;
import se.samverkan.rest.spi.RestResource;
import se.samverkan.routes.ImportJobs;

/** What the console's quarantine-* commands do, for administrators over REST. */
@Component(service = QuarantineAdminResource.class)
@RestResource
@Path("admin/quarantine")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Administration")
public class QuarantineAdminResource {

    private final QuarantineService quarantine;
    private final ImportJobs jobs;

    @Context
    private SecurityContext security;

    @Activate
    public QuarantineAdminResource(@Reference QuarantineService quarantine, @Reference ImportJobs jobs) {
        this.quarantine = quarantine;
        this.jobs = jobs;
    }

    @GET
    @Operation(summary = "Items imports could not take, newest first; waiting ones unless all=true")
    @ApiResponse(responseCode = "200", description = "The items")
    @ApiResponse(responseCode = "403", description = "The caller is not an administrator")
    public List<Quarantined> quarantine(@Parameter(description = "Only items of this source, e.g. feed:NAME")
                                        @QueryParam("source") String source,
                                        @Parameter(description = "Also items replayed or discarded")
                                        @QueryParam("all") @DefaultValue("false") boolean all) {
        AccessPolicy.checkAdmin(CallerContext.callerOf(security), "read the quarantine");
        return quarantine.list(source == null || source.isBlank() ? null : source, !all);
    }

    /**
     * Replays the item through the import job its source names: 200 with the item when it was taken; 409 with the
     * reason when it still cannot be.
     */
    @POST
    @Path("{id}/replay")
    @Operation(summary = "Try a quarantined item again after a fix")
    @ApiResponse(responseCode = "200", description = "The item, taken")
    @ApiResponse(responseCode = "403", description = "The caller is not an administrator")
    @ApiResponse(responseCode = "404", description = "No item has that id")
    @ApiResponse(responseCode = "409", description = "The item still cannot be taken: the detail says why")
    public Quarantined replay(@PathParam("id") long id) {
        String problem = jobs.replay(CallerContext.callerOf(security), id);
        if (problem != null) {
            throw new ConflictException("item " + id + " was not taken: " + problem);
        }
        return quarantine.find(id).orElseThrow();
    }

    /**
     * Drops a waiting item that is not wanted (e.g. of a calendar feed no longer configured, which nothing can
     * replay): 200 with the item, marked DISCARDED; 404 if there is none; 409 if it is not waiting.
     */
    @DELETE
    @Path("{id}")
    @Operation(summary = "Discard a waiting quarantined item that is not wanted (e.g. of a feed no longer "
            + "configured); it is kept, marked DISCARDED")
    @ApiResponse(responseCode = "200", description = "The item, marked DISCARDED")
    @ApiResponse(responseCode = "403", description = "The caller is not an administrator")
    @ApiResponse(responseCode = "404", description = "No item has that id")
    @ApiResponse(responseCode = "409", description = "The item is not waiting")
    public Quarantined discard(@PathParam("id") long id) {
        return quarantine.discard(CallerContext.callerOf(security), id);
    }

    /** As {@link #discard(long)}, for clients that cannot send DELETE. */
    @POST
    @Path("{id}/discard")
    @Operation(summary = "As DELETE /admin/quarantine/{id}, for clients that cannot send DELETE")
    @ApiResponse(responseCode = "200", description = "The item, marked DISCARDED")
    @ApiResponse(responseCode = "403", description = "The caller is not an administrator")
    @ApiResponse(responseCode = "404", description = "No item has that id")
    @ApiResponse(responseCode = "409", description = "The item is not waiting")
    public Quarantined discardByPost(@PathParam("id") long id) {
        return discard(id);
    }
}
