package se.samverkan.routes.rest;

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
import se.samverkan.api.security.AccessPolicy;
import se.samverkan.api.service.NotFoundException;
import se.samverkan.rest.spi.CallerContext;
import se.samverkan.rest.spi.RestResource;
import se.samverkan.routes.ImportJobs;
import se.samverkan.routes.JobStatus;

/**
 * What samverkan:job-list and job-run do, for administrators over REST: every import job (calendar feeds,
 * registries, course catalogues, inbound mail) with its last run, and a run now. A job's id has a colon
 * ({@code feed:dalabergskyrkan}), which a path segment may carry as it is.
 */
@Component(service = JobResource.class)
@RestResource
@Path("admin/jobs")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Administration")
public class JobResource {

    private final ImportJobs jobs;

    @Context
    private SecurityContext security;

    @Activate
    public JobResource(@Reference ImportJobs jobs) {
        this.jobs = jobs;
    }

    @GET
    @Operation(summary = "Every import job (feeds, registries, course catalogues, inbound mail) with its last run")
    @ApiResponse(responseCode = "200", description = "The jobs")
    @ApiResponse(responseCode = "403", description = "The caller is not an administrator")
    public List<JobStatus> jobs() {
        AccessPolicy.checkAdmin(CallerContext.callerOf(security), "list the import jobs");
        return jobs.jobs();
    }

    @GET
    @Path("{id}")
    @Operation(summary = "One import job and its last run")
    @ApiResponse(responseCode = "200", description = "The job")
    @ApiResponse(responseCode = "403", description = "The caller is not an administrator")
    @ApiResponse(responseCode = "404", description = "No job has that id")
    public JobStatus job(@PathParam("id") String id) {
        AccessPolicy.checkAdmin(CallerContext.callerOf(security), "read an import job");
        return jobs.job(id).orElseThrow(() -> new NotFoundException("import job", id));
    }

    /** Runs the job once now and answers with its state after the run (a failed run is in lastRun). */
    @POST
    @Path("{id}/run")
    @Operation(summary = "Run an import job once now; a failed run is reported in lastRun")
    @ApiResponse(responseCode = "200", description = "The job's state after the run")
    @ApiResponse(responseCode = "403", description = "The caller is not an administrator")
    @ApiResponse(responseCode = "404", description = "No job has that id")
    @ApiResponse(responseCode = "409", description = "The job cannot run now: the detail says why")
    public JobStatus run(@PathParam("id") String id) {
        return jobs.run(CallerContext.callerOf(security), id);
    }
}
