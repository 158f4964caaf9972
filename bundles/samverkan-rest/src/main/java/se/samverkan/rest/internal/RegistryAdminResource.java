package se.samverkan.rest.internal;

import java.util.List;
import java.util.function.Supplier;

import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.SecurityContext;

import se.samverkan.api.registry.RegistryService;
import se.samverkan.api.registry.RegistryStatus;
import se.samverkan.api.security.AccessPolicy;
import se.samverkan.api.service.NotFoundException;

/** What samverkan:registry-list and registry-run do, for administrators over REST. */
@Path("admin/registries")
@Produces(MediaType.APPLICATION_JSON)
public class RegistryAdminResource {

    private final Supplier<RegistryService> registries;

    @Context
    private SecurityContext security;

    /** @param registries the registry service, or null while the registries are not installed */
    public RegistryAdminResource(Supplier<RegistryService> registries) {
        this.registries = registries;
    }

    @GET
    public List<RegistryStatus> registries() {
        return service("list the registries").registries();
    }

    /** Runs the registry once now and answers with its state after the run (a failed run is in lastRun). */
    @POST
    @Path("{id}/run")
    public RegistryStatus run(@PathParam("id") String id) {
        return service("run a registry").run(CallerContext.callerOf(security), id);
    }

    private RegistryService service(String what) {
        AccessPolicy.checkAdmin(CallerContext.callerOf(security), what);
        RegistryService service = registries.get();
        if (service == null) {
            throw new NotFoundException("installed feature", "samverkan-registries");
        }
        return service;
    }
}
