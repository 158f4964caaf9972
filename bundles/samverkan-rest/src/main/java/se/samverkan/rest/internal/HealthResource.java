package se.samverkan.rest.internal;

import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;

/**
 * UP (200) while every component is up; DOWN (503) naming each that is not. The check reads the component
 * runtime at most once a second and answers from the last reading meanwhile, so the endpoint stays as cheap as
 * a no-op (the benchmarks' baseline) under load: requests that find the reading stale wait for one new reading.
 */
@Path("health")
@Produces(MediaType.APPLICATION_JSON)
public class HealthResource {

    private static final long FRESH_NANOS = 1_000_000_000L;

    private final Supplier<List<String>> check;
    private volatile Reading last;

    private record Reading(long at, Response.Status status, Map<String, Object> body) {
    }

    public HealthResource(Supplier<List<String>> check) {
        this.check = check;
    }

    @GET
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
