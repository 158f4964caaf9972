package se.samverkan.rest.internal;

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

import se.samverkan.api.draft.Draft;
import se.samverkan.api.draft.DraftService;
import se.samverkan.api.security.AccessPolicy;
import se.samverkan.api.security.Caller;

/**
 * Drafts of activities that partners mailed in: a coordinator sees and decides those of their own municipality,
 * an administrator all. Approving creates the activity as the caller, with the usual validation and rights.
 */
@Path("admin/drafts")
@Produces(MediaType.APPLICATION_JSON)
public class DraftResource {

    private final DraftService drafts;

    @Context
    private SecurityContext security;

    public DraftResource(DraftService drafts) {
        this.drafts = drafts;
    }

    @GET
    public List<Draft> list(@QueryParam("state") String state) {
        return drafts.list(caller(), Params.enumValue(Draft.State.class, "state", state));
    }

    /** Another municipality's draft answers 404, as a missing one. */
    @GET
    @Path("{id}")
    public Draft get(@PathParam("id") long id) {
        return drafts.get(caller(), id);
    }

    @POST
    @Path("{id}/approve")
    public Draft approve(@PathParam("id") long id) {
        return drafts.approve(caller(), id);
    }

    @POST
    @Path("{id}/reject")
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
