package se.samverkan.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import se.samverkan.itests.Http.Reply;

/**
 * Starts the unpacked distribution the way an administrator does (bin/karaf server, bin/stop), with the
 * administrator password from the environment, and shows that data written before a restart is there after it.
 */
class DistributionRestartIT {

    private static final String PASSWORD = "restart-secret";
    /** The log line the platform writes when it has applied the demo-data plugin. */
    private static final String DEMO_PLUGIN = "Plugin samverkan-demo-data 0.1.0.SNAPSHOT: ";

    private Process karaf;
    private Path home;

    @Test
    void dataWrittenBeforeARestartIsThereAfterIt() throws Exception {
        home = unpack();
        int port = Http.freePort();
        configurePorts(home, port);
        Http http = new Http(port);

        start();
        http.awaitUp(Duration.ofSeconds(120));
        String firstLoad = awaitLogLine(DEMO_PLUGIN, 1);
        assertTrue(firstLoad.contains(": APPLIED, ") && !firstLoad.contains(", 0 created"), firstLoad);
        assertFalse(Files.exists(home.resolve("data/samverkan/admin-password")), "the password came from the environment");
        int municipalities = http.get("/municipalities").body().size();
        String venue = "{\"id\":\"restart-hall\",\"name\":\"Hallen\",\"municipalityCode\":\"1471\",\"accessibility\":[]}";
        assertEquals(201, http.send("POST", "/venues", venue, "admin", PASSWORD).status());
        stop();

        start();
        http.awaitUp(Duration.ofSeconds(120));
        String secondLoad = awaitLogLine(DEMO_PLUGIN, 2);
        assertTrue(secondLoad.contains(": APPLIED, 0 created, 0 updated, "), "demo data loaded once: " + secondLoad);
        Reply after = http.get("/venues/restart-hall");
        assertEquals(200, after.status());
        assertEquals("Hallen", after.body().get("name").asText());
        assertEquals(municipalities, http.get("/municipalities").body().size());
        assertTrue(Files.readString(home.resolve("etc/users.properties")).contains("admin = {CRYPT}"),
                "the administrator's password is stored hashed");
    }

    @AfterEach
    void tearDown() throws Exception {
        if (karaf != null && karaf.isAlive()) {
            stop();
        }
    }

    /** The n-th line of the Karaf log that contains the text, once it is there (an administrator's view). */
    private String awaitLogLine(String text, int n) throws Exception {
        Path log = home.resolve("data/log/karaf.log");
        long end = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (System.nanoTime() < end) {
            List<String> lines = Files.exists(log)
                    ? Files.readAllLines(log).stream().filter(l -> l.contains(text)).toList() : List.of();
            if (lines.size() >= n) {
                return lines.get(n - 1);
            }
            Thread.sleep(250);
        }
        throw new AssertionError("No " + n + ". line with '" + text + "' in " + log);
    }

    private void start() throws IOException {
        ProcessBuilder builder = new ProcessBuilder(home.resolve("bin/karaf").toString(), "server")
                .directory(home.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(home.resolve("console.log").toFile()));
        builder.environment().put("SAMVERKAN_ADMIN_PASSWORD", PASSWORD);
        karaf = builder.start();
    }

    private void stop() throws Exception {
        Process stop = new ProcessBuilder(home.resolve("bin/stop").toString()).directory(home.toFile())
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        stop.waitFor(60, TimeUnit.SECONDS);
        if (!karaf.waitFor(60, TimeUnit.SECONDS)) {
            karaf.destroyForcibly().waitFor();
        }
    }

    private static Path unpack() throws Exception {
        Path target = Files.createTempDirectory(Path.of("target"), "restart-");
        File archive = new File(System.getProperty("distribution.archive"));
        Process tar = new ProcessBuilder("tar", "xzf", archive.getAbsolutePath(), "-C", target.toString(),
                "--strip-components=1").inheritIO().start();
        assertEquals(0, tar.waitFor(), "unpacking " + archive);
        return target.toAbsolutePath();
    }

    private static void configurePorts(Path home, int httpPort) throws IOException {
        Map<String, List<String>> edits = Map.of(
                "etc/org.ops4j.pax.web.cfg", List.of("org.osgi.service.http.port = " + httpPort),
                "etc/org.apache.karaf.shell.cfg", List.of("sshPort = " + Http.freePort()),
                "etc/org.apache.karaf.management.cfg", List.of("rmiRegistryPort = " + Http.freePort(),
                        "rmiServerPort = " + Http.freePort()));
        for (Map.Entry<String, List<String>> edit : edits.entrySet()) {
            Path file = home.resolve(edit.getKey());
            Files.write(file, edit.getValue(), java.nio.file.StandardOpenOption.APPEND);
        }
    }
}
