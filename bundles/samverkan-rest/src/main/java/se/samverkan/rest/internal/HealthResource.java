package se.samverkan.rest.internal;

import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;

import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;

import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.component.runtime.ServiceComponentRuntime;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

import se.samverkan.rest.spi.RestResource;

/**
 * UP (200) while every component is up; DOWN (503) naming each that is not. The check reads the component
 * runtime at most once a second and answers from the last reading meanwhile, so the endpoint stays as cheap as
 * a no-op (the benchmarks' baseline) under load: requests that find the reading stale wait for one new reading.
 */
@Component(service = HealthResource.class)
@RestResource
@Path("health")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Platform", description = "The API itself")
public class HealthResource {

    private static final long FRESH_NANOS = 1_000_000_000L;

    private final Supplier<List<String>> check;
    private volatile Reading last;
    /**
     * The whiteboard serving this resource: dynamic, since the whiteboard takes this resource while it is being
     * built itself, and a static reference back would be a cycle.
     */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile RestServer whiteboard;

    private record Reading(long at, Response.Status status, Map<String, Object> body) {
    }

    /** Checks the components of the started Samverkan bundles, and that the API serves every registered resource. */
    @Activate
    public HealthResource(BundleContext context, @Reference ServiceComponentRuntime components) {
        ComponentHealth health = ComponentHealth.of(context, components);
        this.check = () -> {
            RestServer serving = whiteboard;
            return serving == null ? health.problems()
                    : Stream.concat(health.problems().stream(), serving.problems().stream()).toList();
        };
    }

    HealthResource(Supplier<List<String>> check) {
        this.check = check;
    }

    @GET
    @Operation(summary = "UP while every component of the platform is up; DOWN naming each that is not")
    @ApiResponse(responseCode = "200", description = "UP", content = @Content(schema = @Schema(
            example = "{\"status\": \"UP\"}")))
    @ApiResponse(responseCode = "503", description = "DOWN, with the problems", content = @Content(schema = @Schema(
            example = "{\"status\": \"DOWN\", \"problems\": [\"se.samverkan.feeds.internal.Feeds waits for routes\"]}")))
    public Response health() {
        Reading reading = last;
        if (stale(reading)) {
            synchronized (this) {
                reading = last;
                if (stale(reading)) {
                    reading = read();
                    last = reading;
                }
            }
        }
        return Response.status(reading.status()).entity(reading.body()).build();
    }

    private static boolean stale(Reading reading) {
        return reading == null || System.nanoTime() - reading.at() > FRESH_NANOS;
    }

    private Reading read() {
        List<String> problems = check.get();
        return problems.isEmpty()
                ? new Reading(System.nanoTime(), Response.Status.OK, Map.of("status", "UP"))
                : new Reading(System.nanoTime(), Response.Status.SERVICE_UNAVAILABLE,
                        Map.of("status", "DOWN", "problems", problems));
    }
}
