package se.samverkan.rest.internal;

import java.util.List;

import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.SecurityContext;

import se.samverkan.api.security.AccessPolicy;
import se.samverkan.api.service.NotFoundException;
import se.samverkan.routes.ImportJobs;
import se.samverkan.routes.JobStatus;

/**
 * What samverkan:job-list and job-run do, for administrators over REST: every import job (calendar feeds,
 * registries, course catalogues, inbound mail) with its last run, and a run now. A job's id has a colon
 * ({@code feed:dalabergskyrkan}), which a path segment may carry as it is.
 */
@Path("admin/jobs")
@Produces(MediaType.APPLICATION_JSON)
public class JobResource {

    private final ImportJobs jobs;

    @Context
    private SecurityContext security;

    public JobResource(ImportJobs jobs) {
        this.jobs = jobs;
    }

    @GET
    public List<JobStatus> jobs() {
        AccessPolicy.checkAdmin(CallerContext.callerOf(security), "list the import jobs");
        return jobs.jobs();
    }

    @GET
    @Path("{id}")
    public JobStatus job(@PathParam("id") String id) {
        AccessPolicy.checkAdmin(CallerContext.callerOf(security), "read an import job");
        return jobs.job(id).orElseThrow(() -> new NotFoundException("import job", id));
    }

    /** Runs the job once now and answers with its state after the run (a failed run is in lastRun); 409 if it cannot run. */
    @POST
    @Path("{id}/run")
    public JobStatus run(@PathParam("id") String id) {
        return jobs.run(CallerContext.callerOf(security), id);
    }
}
