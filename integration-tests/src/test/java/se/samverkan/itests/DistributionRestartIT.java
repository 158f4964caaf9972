package se.samverkan.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

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
    }

    @AfterEach
    void tearDown() throws Exception {
        if (karaf != null) {
            karaf.close();
        }
    }
}
