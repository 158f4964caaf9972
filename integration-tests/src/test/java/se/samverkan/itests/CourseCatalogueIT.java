package se.samverkan.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.stream.Stream;

import org.junit.Test;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;

import com.fasterxml.jackson.databind.JsonNode;

import se.samverkan.api.model.Activity;
import se.samverkan.api.plugin.PluginReport;
import se.samverkan.itests.Http.Reply;

/**
 * The platform's CamelContext "samverkan" running the route a plugin brings (SV Örebro län's course catalogue
 * import), which ends in the public {@code samverkan:activities} endpoint. Drops a catalogue file into the inbox
 * the plugin's .cfg names and reads the result through the service, over REST and from the console; then
 * uninstalls the plugin and sees its route go.
 */
public class CourseCatalogueIT extends PlatformTestSupport {

    private static final String PLUGIN = "samverkan-partner-sv-orebro";
    private static final String ROUTE = "sv-orebro-course-catalogue";
    private static final String CONFIG_PID = "se.samverkan.plugins.svorebro.catalogue";
    private static final String HEADER = "course_id;title_sv;title_en;category;languages;municipality_code;venue_id;"
            + "start_date;weekday;time;duration_minutes;weeks;capacity;cost_sek";

    @Test
    public void aPluginsRouteImportsACatalogueIntoSamverkanAndGoesWithThePlugin() throws Exception {
        // The context is registered once started, which on a busy machine can be after the REST API is up.
        await("the CamelContext as an OSGi service", this::contexts);
        assertEquals(1, contexts().length);
        awaitRoute(true);
        assertTrue(executeCommand("camel:context-list").contains("samverkan"));

        // The inbox the shipped .cfg names (below the data folder).
        Object configured = configurationAdmin.getConfiguration(CONFIG_PID, null).getProperties().get("inbox");
        Path inbox = Paths.get(String.valueOf(configured));
        assertTrue(inbox + " is below " + System.getProperty("karaf.data"),
                inbox.startsWith(Paths.get(System.getProperty("karaf.data"))));
        drop(inbox, "kursutbud-ht.csv", HEADER + "\n"
                + "IT-1;Svenska i vardagen;Swedish for everyday life;Språk;sv ar;1882;sv-askersund;2026-09-01;tisdag;"
                + "18:00;120;8;12;0\n"
                + "IT-2;Matlagning från hela världen;;Matlagning;sv;1861;sv-hallsberg;2026-09-02;onsdag;17:00;120;6;10;0\n"
                + "IT-3;Datorkurs;Computer course;Data;sv uk;1860;sv-laxa;2026-09-03;torsdag;10:00;90;6;8;0\n"
                + "IT-4;Kurs i en kommun som inte finns;;Kultur;sv;9999;;2026-09-03;torsdag;10:00;90;6;8;0\n");

        await("the file and its report in the error folder", () -> files(inbox.resolve("error")), f -> f.size() == 2);
        Activity svenska = activityService.get("sv-orebro-it-1");
        assertEquals("Svenska i vardagen", svenska.title().get("sv"));
        assertEquals(8, svenska.occurrences().size());
        assertEquals(List.of("sv-orebro-lan"), svenska.organiserIds());
        assertTrue(activityService.find("sv-orebro-it-3").isPresent());
        assertFalse("a row that cannot be read", activityService.find("sv-orebro-it-2").isPresent());
        assertFalse("a row Samverkan refuses", activityService.find("sv-orebro-it-4").isPresent());

        Reply reply = http.get("/activities/sv-orebro-it-3");
        assertEquals(200, reply.status());
        JsonNode course = reply.body();
        assertEquals("Computer course", course.get("title").get("en").asText());
        assertEquals("1860", course.get("municipalityCode").asText());
        assertEquals("sv-laxa", course.get("venueId").asText());
        assertEquals(404, http.get("/activities/sv-orebro-it-4").status());

        Path report = files(inbox.resolve("error")).stream().filter(p -> p.toString().endsWith(".report.txt"))
                .findFirst().orElseThrow();
        String text = Files.readString(report, StandardCharsets.UTF_8);
        assertTrue(text, text.startsWith("Course catalogue kursutbud-ht.csv: 2 created, 0 updated, 0 unchanged, 2 bad rows"));
        assertTrue(text, text.contains("line 3 (course IT-2): category 'Matlagning' is not a known category"));
        assertTrue(text, text.contains("line 5 (sv-orebro-it-4): refused: municipalityCode"));
        assertTrue(files(inbox.resolve("done")).isEmpty());

        // The plugin goes: its route goes with it, the context and what the route stored stay.
        executeCommand("feature:uninstall " + PLUGIN);
        awaitState(PLUGIN, PluginReport.State.REMOVED);
        awaitRoute(false);
        assertEquals(1, bundleContext.getServiceReferences("org.apache.camel.CamelContext",
                "(camel.context.name=samverkan)").length);
        assertEquals(200, http.get("/activities/sv-orebro-it-3").status());

        // And comes back with it.
        executeCommand("feature:install " + PLUGIN);
        awaitApplied(PLUGIN);
        awaitRoute(true);
    }

    private ServiceReference<?>[] contexts() {
        try {
            return bundleContext.getServiceReferences("org.apache.camel.CamelContext", "(camel.context.name=samverkan)");
        } catch (InvalidSyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Waits until camel:route-list shows the plugin's route started, or no longer shows it. */
    private void awaitRoute(boolean started) throws InterruptedException {
        String routes = await(started ? "the route started" : "the route removed",
                () -> executeCommand("camel:route-list samverkan"),
                list -> started == list.lines().anyMatch(l -> l.contains(ROUTE) && l.contains("Started")));
        if (!started) {
            assertFalse(routes, routes.contains(ROUTE));
        }
    }

    /** Written beside the inbox and moved in, as a file should arrive in an inbox. */
    private static void drop(Path inbox, String name, String content) throws IOException {
        Files.createDirectories(inbox);
        Path partial = Files.createTempFile(inbox.getParent(), name, ".part");
        Files.writeString(partial, content, StandardCharsets.UTF_8);
        Files.move(partial, inbox.resolve(name));
    }

    private static List<Path> files(Path dir) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(Files::isRegularFile).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
