package se.samverkan.rest.internal;

import java.util.Map;

import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.MediaType;

/** Liveness: answers as soon as the API is up, touching nothing else (also the benchmarks' baseline). */
@Path("health")
@Produces(MediaType.APPLICATION_JSON)
public class HealthResource {

    private static final Map<String, String> UP = Map.of("status", "UP");

    @GET
    public Map<String, String> health() {
        return UP;
    }
}
