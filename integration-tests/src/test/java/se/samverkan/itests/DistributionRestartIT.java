package se.samverkan.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import se.samverkan.itests.Http.Reply;

/**
 * Starts the unpacked distribution the way an administrator does (bin/karaf server, bin/stop), with the
 * administrator password from the environment, and shows that data written before a restart is there after it,
 * and every component with it.
 */
class DistributionRestartIT {

    private static final String PASSWORD = "restart-secret";
    /** The log line the platform writes when it has applied the demo-data plugin. */
    private static final String DEMO_PLUGIN = "Plugin samverkan-demo-data 0.1.0.SNAPSHOT: ";

    private KarafProcess karaf;

    @Test
    void dataWrittenBeforeARestartIsThereAfterIt() throws Exception {
        karaf = KarafProcess.unpack("restart", PASSWORD);
        Path home = karaf.home();
        Http http = karaf.http();

        karaf.start();
        karaf.awaitUp();
        String firstLoad = karaf.awaitLogLine(DEMO_PLUGIN, 1);
        assertTrue(firstLoad.contains(": APPLIED, ") && !firstLoad.contains(", 0 created"), firstLoad);
        assertFalse(Files.exists(home.resolve("data/samverkan/admin-password")), "the password came from the environment");
        int municipalities = http.get("/municipalities").body().size();
        String venue = "{\"id\":\"restart-hall\",\"name\":\"Hallen\",\"municipalityCode\":\"1471\",\"accessibility\":[]}";
        assertEquals(201, http.send("POST", "/venues", venue, "admin", PASSWORD).status());
        Components first = components(http);
        karaf.stop();

        karaf.start();
        karaf.awaitUp();
        String secondLoad = karaf.awaitLogLine(DEMO_PLUGIN, 2);
        assertTrue(secondLoad.contains(": APPLIED, 0 created, 0 updated, "), "demo data loaded once: " + secondLoad);
        Reply after = http.get("/venues/restart-hall");
        assertEquals(200, after.status());
        assertEquals("Hallen", after.body().get("name").asText());
        assertEquals(municipalities, http.get("/municipalities").body().size());
        assertTrue(Files.readString(home.resolve("etc/users.properties")).contains("admin = {CRYPT}"),
                "the administrator's password is stored hashed");

        // Every component came back: once, a cycle of references left registries, routes and inbound mail out.
        Components second = components(http);
        assertEquals(first, second);
        assertTrue(second.routes().containsAll(List.of("feed-dalabergskyrkan", "registry-ideella-demo",
                "mail-outbox", "subscription-notices", "sv-orebro-course-catalogue")), second.routes().toString());
        assertEquals(200, http.send("POST", "/admin/registries/ideella-demo/run", null, "admin", PASSWORD).status());
        assertEquals(200, http.send("POST", "/admin/feeds/dalabergskyrkan/sync", null, "admin", PASSWORD).status());
        List<String> errors = KarafProcess.lines(home.resolve("data/log/karaf.log")).stream()
                .filter(l -> l.contains("| ERROR |")).toList();
        assertEquals(List.of(), errors, "no errors in the log of two starts");
    }

    /** What is running: health, registries, feeds (REST), and routes and console commands (remote console). */
    private record Components(String health, List<String> registries, List<String> feeds, List<String> routes,
                              boolean commandsAnswer) {
    }

    private Components components(Http http) throws Exception {
        Reply health = http.get("/health");
        assertEquals(200, health.status(), String.valueOf(health.body()));
        String console = karaf.client("camel:route-list; samverkan:registry-list; samverkan:feed-list");
        List<String> routes = console.lines().filter(l -> l.trim().startsWith("samverkan "))
                .map(l -> l.trim().split("\\s+")[1]).sorted().toList();
        return new Components(health.body().toString(), ids(http, "/admin/registries"), ids(http, "/admin/feeds"),
                routes, console.contains("ideella-demo") && console.contains("dalabergskyrkan"));
    }

    private static List<String> ids(Http http, String path) {
        Reply reply = http.send("GET", path, null, "admin", PASSWORD);
        assertEquals(200, reply.status(), path);
        List<String> ids = new ArrayList<>();
        reply.body().forEach(item -> ids.add(item.get("id").asText()));
        return ids;
    }

    @AfterEach
    void tearDown() throws Exception {
        if (karaf != null) {
            karaf.close();
        }
    }
}
