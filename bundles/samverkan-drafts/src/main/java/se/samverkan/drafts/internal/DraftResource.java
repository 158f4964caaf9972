package se.samverkan.drafts.internal;

import java.util.List;

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
import se.samverkan.api.draft.Draft;
import se.samverkan.api.draft.DraftService;
import se.samverkan.api.security.AccessPolicy;
import se.samverkan.api.security.Caller;
import se.samverkan.rest.spi.CallerContext;
import se.samverkan.rest.spi.Params;
import se.samverkan.rest.spi.RestResource;

/**
 * Drafts of activities that partners mailed in: a coordinator sees and decides those of their own municipality,
 * an administrator all. Approving creates the activity as the caller, with the usual validation and rights.
 */
@Component(service = DraftResource.class)
@RestResource
@Path("admin/drafts")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Administration")
public class DraftResource {

    private final DraftService drafts;

    @Context
    private SecurityContext security;

    @Activate
    public DraftResource(@Reference DraftService drafts) {
        this.drafts = drafts;
    }

    @GET
    @Operation(summary = "Drafts of activities partners mailed in: a coordinator's municipality's, or all for an "
            + "administrator; newest first")
    @ApiResponse(responseCode = "200", description = "The drafts")
    @ApiResponse(responseCode = "400", description = "state is not a Draft state")
    @ApiResponse(responseCode = "403", description = "The caller has no role")
    public List<Draft> list(@Parameter(description = "Only drafts in this state") @QueryParam("state") String state) {
        return drafts.list(caller(), Params.enumValue(Draft.State.class, "state", state));
    }

    /** Another municipality's draft answers 404, as a missing one. */
    @GET
    @Path("{id}")
    @Operation(summary = "One draft of the caller's municipality (an administrator's: any)")
    @ApiResponse(responseCode = "200", description = "The draft")
    @ApiResponse(responseCode = "403", description = "The caller has no role")
    @ApiResponse(responseCode = "404", description = "No draft of the caller's municipality has that id")
    public Draft get(@PathParam("id") long id) {
        return drafts.get(caller(), id);
    }

    @POST
    @Path("{id}/approve")
    @Operation(summary = "Approve a draft: its activity is created as the caller, with the usual validation and rights")
    @ApiResponse(responseCode = "200", description = "The draft, approved, naming its activity")
    @ApiResponse(responseCode = "400", description = "The draft's activity is not valid: errors name each field")
    @ApiResponse(responseCode = "403", description = "The caller may not write the activity")
    @ApiResponse(responseCode = "404", description = "No draft of the caller's municipality has that id")
    @ApiResponse(responseCode = "409", description = "The draft is not pending, or its activity's id is taken")
    public Draft approve(@PathParam("id") long id) {
        return drafts.approve(caller(), id);
    }

    @POST
    @Path("{id}/reject")
    @Operation(summary = "Reject a draft")
    @ApiResponse(responseCode = "200", description = "The draft, rejected")
    @ApiResponse(responseCode = "403", description = "The caller has no role")
    @ApiResponse(responseCode = "404", description = "No draft of the caller's municipality has that id")
    @ApiResponse(responseCode = "409", description = "The draft is not pending")
    public Draft reject(@PathParam("id") long id) {
        return drafts.reject(caller(), id);
    }

    private Caller caller() {
        Caller caller = CallerContext.callerOf(security);
        if (caller == null || caller.roles().isEmpty()) {
            AccessPolicy.checkAdmin(caller, "read drafts");
        }
        return caller;
    }
}
