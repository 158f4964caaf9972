package se.samverkan.feeds.internal;

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
import se.samverkan.api.feed.FeedService;
import se.samverkan.api.feed.FeedStatus;
import se.samverkan.api.security.AccessPolicy;
import se.samverkan.rest.spi.CallerContext;
import se.samverkan.rest.spi.RestResource;

/**
 * What the console's feed-list and feed-sync do, for administrators over REST; served while the calendar feeds
 * (samverkan-feeds) are installed.
 */
@Component(service = FeedAdminResource.class)
@RestResource
@Path("admin/feeds")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Administration")
public class FeedAdminResource {

    private final FeedService feeds;

    @Context
    private SecurityContext security;

    @Activate
    public FeedAdminResource(@Reference FeedService feeds) {
        this.feeds = feeds;
    }

    @GET
    @Operation(summary = "The calendar feeds: state, last sync, stored events, what the last read did, last error")
    @ApiResponse(responseCode = "200", description = "Every configured feed")
    @ApiResponse(responseCode = "403", description = "The caller is not an administrator")
    public List<FeedStatus> feeds() {
        AccessPolicy.checkAdmin(CallerContext.callerOf(security), "list the calendar feeds");
        return feeds.feeds();
    }

    @POST
    @Path("{id}/sync")
    @Operation(summary = "Read a calendar feed now (conditionally) and answer its state")
    @ApiResponse(responseCode = "200", description = "The feed's state after the read")
    @ApiResponse(responseCode = "403", description = "The caller is not an administrator")
    @ApiResponse(responseCode = "404", description = "No feed has that id")
    public FeedStatus sync(@PathParam("id") String id) {
        return feeds.sync(CallerContext.callerOf(security), id);
    }
}
