package se.samverkan.rest.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;

import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;
import javax.ws.rs.ext.ExceptionMapper;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import se.samverkan.rest.spi.CallerContext;
import se.samverkan.rest.spi.Problem;

/**
 * What a resource another bundle contributes gets when the whiteboard publishes it: its path under /api/v1 with the
 * platform's authentication, headers and errors, its place in the OpenAPI description, and its providers; and a
 * 404 problem once it is gone, while the platform's own resources keep answering.
 */
class WhiteboardTest {

    /** A plugin's endpoint: open reads, writes that name their caller. */
    @javax.ws.rs.Path("plugin-echo")
    public static class Echo {
        @Context
        private SecurityContext security;

        @GET
        public String read() {
            return "echo";
        }

        @POST
        public String write() {
            return "written by " + CallerContext.callerOf(security).user();
        }

        @GET
        @javax.ws.rs.Path("refused")
        public String refused() {
            throw new Refused();
        }
    }

    static class Refused extends RuntimeException {
    }

    /** A plugin's exception mapper. */
    public static class RefusedMapper implements ExceptionMapper<Refused> {
        @Override
        public Response toResponse(Refused e) {
            return Problem.of(451, "Unavailable For Legal Reasons", "the plugin refuses").toResponse();
        }
    }

    @TempDir
    Path dir;

    private final HttpClient client = HttpClient.newHttpClient();
    private ApiServer server;

    @AfterEach
    void stop() throws Exception {
        server.close();
    }

    @Test
    void aContributedResourceIsServedLikeThePlatformsOwnUntilItGoes() throws Exception {
        server = new ApiServer(dir, Map.of(), security -> List.of());
        HealthResource health = new HealthResource(List::of);
        assertNoEcho();

        server.api.publish(List.of(health, new Echo()), List.of(new RefusedMapper()));
        HttpResponse<String> read = send("GET", "plugin-echo", null);
        assertEquals(200, read.statusCode());
        assertEquals("echo", read.body());
        assertEquals("nosniff", read.headers().firstValue("X-Content-Type-Options").orElse(null));
        HttpResponse<String> anonymous = send("POST", "plugin-echo", null);
        assertEquals(401, anonymous.statusCode(), "writes need credentials, as everywhere");
        assertEquals("application/problem+json", anonymous.headers().firstValue("Content-Type").orElse(null));
        HttpResponse<String> write = send("POST", "plugin-echo", "admin:right");
        assertEquals(200, write.statusCode(), write.body());
        assertEquals("written by admin", write.body(), "the resource gets the caller through the SPI");
        HttpResponse<String> crossSite = client.send(HttpRequest.newBuilder(server.base.resolve("plugin-echo"))
                .header("Authorization", basic("admin:right")).header("Origin", "https://evil.example")
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(403, crossSite.statusCode(), "and the cross-site guard applies");
        HttpResponse<String> unknownParameter = send("GET", "plugin-echo?all=true", null);
        assertEquals(400, unknownParameter.statusCode(), "and the request rules");
        HttpResponse<String> mapped = send("GET", "plugin-echo/refused", null);
        assertEquals(451, mapped.statusCode(), "its exception mapper is used");
        assertTrue(send("GET", "openapi.json", null).body().contains("\"/plugin-echo\""), "it is described");

        server.api.publish(List.of(health), List.of());
        assertNoEcho();
    }

    private void assertNoEcho() throws Exception {
        HttpResponse<String> gone = send("GET", "plugin-echo", null);
        assertEquals(404, gone.statusCode());
        assertEquals("application/problem+json", gone.headers().firstValue("Content-Type").orElse(null));
        HttpResponse<String> health = send("GET", "health", null);
        assertEquals(200, health.statusCode(), "the platform's resources keep answering");
    }

    @Test
    void thePlatformsResourcesAnswerWhileTheApiIsRebuilt() throws Exception {
        server = new ApiServer(dir, Map.of(), security -> List.of());
        HealthResource health = new HealthResource(List::of);
        AtomicBoolean rebuilding = new AtomicBoolean(true);
        List<Integer> statuses = new CopyOnWriteArrayList<>();
        Thread poller = new Thread(() -> {
            while (rebuilding.get()) {
                try {
                    statuses.add(send("GET", "health", null).statusCode());
                } catch (Exception e) {
                    statuses.add(-1);
                }
            }
        });
        poller.start();
        for (int i = 0; i < 20; i++) {
            server.api.publish(i % 2 == 0 ? List.of(health, new Echo()) : List.of(health), List.of());
        }
        rebuilding.set(false);
        poller.join();
        assertFalse(statuses.isEmpty());
        assertEquals(Set.of(200), Set.copyOf(statuses), "no request found the API between two builds");
    }

    @Test
    void aRetiredBuildsDescriptionIsDroppedSoBundlesThatWentAreNotHeld() throws Exception {
        server = new ApiServer(dir, Map.of(), security -> List.of());
        HealthResource health = new HealthResource(List::of);
        server.api.publish(List.of(health, new Echo()), List.of());
        int held = ApiDescription.contextIds().size();
        for (int i = 0; i < 10; i++) {
            server.api.publish(i % 2 == 0 ? List.of(health) : List.of(health, new Echo()), List.of());
        }
        assertEquals(held, ApiDescription.contextIds().size(), "one description per served build, not one per build");
        HttpResponse<String> described = send("GET", "openapi.json", null);
        assertEquals(200, described.statusCode());
        assertTrue(described.body().contains("/plugin-echo"), "the last build, with Echo, is described");
    }

    @Test
    void withoutAnyResourceEveryPathIsAProblem() throws Exception {
        server = new ApiServer(dir, Map.of(), security -> List.of());
        server.api.publish(List.of(), List.of());
        HttpResponse<String> health = send("GET", "health", null);
        assertEquals(404, health.statusCode());
        assertEquals("application/problem+json", health.headers().firstValue("Content-Type").orElse(null));
    }

    private HttpResponse<String> send(String method, String path, String credentials) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(server.base.resolve(path))
                .method(method, HttpRequest.BodyPublishers.noBody());
        if (credentials != null) {
            request.header("Authorization", basic(credentials));
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String basic(String credentials) {
        return "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8));
    }
}
