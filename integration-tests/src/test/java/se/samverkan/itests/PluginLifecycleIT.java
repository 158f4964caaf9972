package se.samverkan.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

import javax.inject.Inject;
import javax.sql.DataSource;

import org.apache.karaf.features.FeaturesService;
import org.junit.Test;
import org.ops4j.pax.exam.util.Filter;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleEvent;
import org.osgi.framework.ServiceRegistration;
import org.osgi.framework.SynchronousBundleListener;
import org.osgi.service.cm.Configuration;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import se.samverkan.api.plugin.Contribution;
import se.samverkan.api.plugin.PluginReport;
import se.samverkan.api.plugin.PluginReport.State;
import se.samverkan.api.plugin.SamverkanPlugin;
import se.samverkan.itests.Http.Reply;

/**
 * The plugin lifecycle in the running distribution: install, uninstall, reinstall, update to a newer version,
 * plugins that fail, plugins made of configuration, and a plugin dropped into deploy/ as a .kar; checked over
 * REST, at the console and in the database.
 */
public class PluginLifecycleIT extends PlatformTestSupport {

    private static final String GOTENE = "samverkan-municipality-gotene";

    @Inject
    @Filter("(osgi.jndi.service.name=jdbc/samverkan)")
    private DataSource dataSource;
    @Inject
    private FeaturesService featuresService;

    @Test
    public void anUninstalledPluginsRecordsAreKeptInactiveAndComeBackOnReinstall() throws Exception {
        assertEquals(7, search("municipality=1471").size());
        assertEquals(11, contributions(GOTENE, true));
        assertEquals("the languages the municipality plugin brings", "[\"ar\",\"so\",\"ti\"]",
                http.get("/municipalities/1471").body().get("languages").toString());

        List<String> stopped = new CopyOnWriteArrayList<>();
        SynchronousBundleListener otherBundlesStopping = event -> {
            if (event.getType() == BundleEvent.STOPPING && !GOTENE.equals(event.getBundle().getSymbolicName())) {
                stopped.add(event.getBundle().getSymbolicName());
            }
        };
        bundleContext.addBundleListener(otherBundlesStopping);
        executeCommand("feature:uninstall " + GOTENE);
        try {
            awaitState(GOTENE, State.REMOVED);
            assertEquals("all of it inactive in the database", 11, contributions(GOTENE, false));
            assertEquals(0, contributions(GOTENE, true));
            assertEquals("hidden from public search", 0, search("municipality=1471").size());
            assertFalse(ids(http.get("/venues").body(), "id").contains("gotene-simhall"));
            assertTrue("the programme plugin brings Götene too, so it stays active",
                    ids(http.get("/municipalities").body(), "code").contains("1471"));
            Reply kept = http.get("/activities/simkurs-gotene");
            assertEquals("kept, and readable by id", 200, kept.status());
            Reply refused = http.send("PUT", "/activities/simkurs-gotene", kept.body().toString(), ADMIN, ADMIN_PASSWORD,
                    "If-Match", kept.etag());
            assertEquals(409, refused.status());
            assertEquals("application/problem+json", refused.contentType());
            assertEquals("the activity 'simkurs-gotene' is inactive: the plugin that brought it is not installed",
                    refused.body().get("detail").asText());
            ObjectNode elsewhere = (ObjectNode) kept.body();
            elsewhere.put("id", "simkurs-ny");
            elsewhere.remove("occurrences");
            Reply dangling = http.send("POST", "/activities", elsewhere.toString(), ADMIN, ADMIN_PASSWORD);
            assertEquals("no new records at an inactive venue", 400, dangling.status());
            assertTrue(dangling.body().toString(), dangling.body().toString().contains("the venue 'gotene-simhall' is inactive"));
        } finally {
            executeCommand("feature:install " + GOTENE);
        }
        PluginReport again = awaitApplied(GOTENE);
        bundleContext.removeBundleListener(otherBundlesStopping);
        assertEquals("removing and installing a plugin restarts no other bundle", List.of(), stopped);
        assertEquals(new PluginReport.Counts(0, 0, 7), again.counts().get("activity"));
        assertEquals(11, contributions(GOTENE, true));
        assertEquals("the same records, not copies", 7, search("municipality=1471").size());
        assertEquals(1, count("SELECT COUNT(*) FROM activity WHERE id = 'simkurs-gotene'"));
        assertTrue(ids(http.get("/venues").body(), "id").contains("gotene-simhall"));
    }

    /** A plugin's feature brings what applies its file (and what runs its routes), not the whole platform. */
    @Test
    public void aPluginFeatureRequiresOnlyWhatItUses() throws Exception {
        Set<String> gotene = requiredFeatures(GOTENE);
        assertTrue(gotene.toString(), gotene.contains("samverkan-plugins"));
        for (String unused : List.of("samverkan", "samverkan-rest", "samverkan-routes", "camel-core", "cxf-jaxrs")) {
            assertFalse(unused + " in " + gotene, gotene.contains(unused));
        }
        Set<String> svOrebro = requiredFeatures("samverkan-partner-sv-orebro");
        assertTrue(svOrebro.toString(), svOrebro.containsAll(List.of("samverkan-plugins", "samverkan-routes", "camel-core")));
        assertFalse(svOrebro.toString(), svOrebro.contains("samverkan-rest"));
    }

    @Test
    public void aNewerVersionUpdatesInPlaceAndAnApiEditWinsAsAShownConflict() throws Exception {
        Bundle bundle = bundleContext.installBundle("itest:tanum", tanum("1.0.0", "Tanums bibliotek", "Språkcafé", "Cykelkurs"));
        bundle.start();
        awaitApplied("itest-tanum");
        Reply read = http.get("/activities/sprakcafe-tanum");
        JsonNode cafe = read.body();
        ((ObjectNode) cafe.get("title")).put("sv", "Språkcafé, nu på torsdagar");
        assertEquals(200, http.send("PUT", "/activities/sprakcafe-tanum", cafe.toString(), ADMIN, ADMIN_PASSWORD,
                "If-Match", read.etag()).status());

        bundle.update(tanum("1.1.0", "Tanums bibliotek, Grebbestad", "Språkcafé i Grebbestad", "Cykelkurs för vuxna"));
        PluginReport updated = awaitApplied("itest-tanum");
        assertEquals("1.1.0", updated.version());
        assertEquals(new PluginReport.Counts(0, 1, 0), updated.counts().get("venue"));
        assertEquals(new PluginReport.Counts(0, 1, 1), updated.counts().get("activity"));
        assertEquals("Tanums bibliotek, Grebbestad", http.get("/venues/tanum-bibliotek").body().get("name").asText());
        assertEquals("Cykelkurs för vuxna", title("cykelkurs-tanum"));
        assertEquals("the coordinator's edit is kept", "Språkcafé, nu på torsdagar", title("sprakcafe-tanum"));
        assertEquals(List.of("activity sprakcafe-tanum: changed by the plugin, but edited through the API since; "
                + "the API's edit is kept"), updated.conflicts());
        assertEquals("updated in place, nothing duplicated", 2, search("municipality=1435").size());
        String shown = executeCommand("samverkan:plugin-show itest-tanum");
        assertTrue(shown, shown.contains("Conflict: activity sprakcafe-tanum"));

        String applied = executeCommand("samverkan:plugin-apply --take-plugin-version itest-tanum");
        assertFalse(applied, applied.contains("Conflict: "));
        assertEquals("Språkcafé i Grebbestad", title("sprakcafe-tanum"));
        bundle.uninstall();
    }

    @Test
    public void failingPluginsAreReportedAndHarmNoOther() throws Exception {
        Bundle broken = bundleContext.installBundle("itest:broken", pluginBundle("itest-broken", "1.0.0", "{ not json"));
        Bundle badCode = bundleContext.installBundle("itest:bad-code", pluginBundle("itest-bad-code", "1.0.0",
                "{\"municipalities\": [{\"code\": \"9999\", \"name\": \"Ingenstans\", \"county\": \"Inget län\", "
                        + "\"active\": true}, {\"code\": \"1482\", \"name\": \"Kungälv\", \"county\": "
                        + "\"Västra Götalands län\", \"active\": true}]}"));
        broken.start();
        badCode.start();
        SamverkanPlugin throwing = new SamverkanPlugin() {
            @Override
            public String name() {
                return "itest-throwing";
            }

            @Override
            public Contribution contribution() {
                throw new IllegalStateException("the course catalogue service is down");
            }
        };
        ServiceRegistration<SamverkanPlugin> java = bundleContext.registerService(SamverkanPlugin.class, throwing, null);

        PluginReport brokenReport = awaitState("itest-broken", State.FAILED);
        assertTrue(brokenReport.problems().toString(), brokenReport.problems().get(0)
                .startsWith("the plugin failed: plugin.json is not a valid contribution"));
        PluginReport badCodeReport = awaitState("itest-bad-code", State.PARTLY_APPLIED);
        assertTrue(badCodeReport.problems().toString(),
                badCodeReport.problems().get(0).startsWith("municipality 9999: code: '99' is not a Swedish county code"));
        assertEquals("the good record is in", 200, http.get("/municipalities/1482").status());
        assertEquals(404, http.get("/municipalities/9999").status());
        assertEquals(List.of("the plugin failed: the course catalogue service is down"),
                awaitState("itest-throwing", State.FAILED).problems());
        String list = executeCommand("samverkan:plugin-list");
        assertTrue(list, list.lines().anyMatch(l -> l.startsWith("itest-broken") && l.contains("failed")));

        for (String plugin : SHIPPED_PLUGINS) {
            assertEquals(plugin, State.APPLIED, plugins.plugin(plugin).orElseThrow().state());
        }
        assertEquals(200, http.get("/health").status());
        java.unregister();
        broken.uninstall();
        badCode.uninstall();
    }

    @Test
    public void aPluginMadeOfConfigurationComesAndGoes() throws Exception {
        comesAndGoes("se.samverkan.plugins.plugin");
        // Its name before release 0.2 still answers: an installation's etc/ is carried over as it is.
        comesAndGoes("se.samverkan.plugin");
    }

    private void comesAndGoes(String factoryPid) throws Exception {
        Configuration config = configurationAdmin.createFactoryConfiguration(factoryPid, "?");
        Dictionary<String, Object> properties = new Hashtable<>();
        properties.put("name", "itest-stenungsund");
        properties.put("municipality.code", "1415");
        properties.put("municipality.name", "Stenungsund");
        properties.put("municipality.county", "Västra Götalands län");
        properties.put("municipality.languages", "ar, fa, so");
        properties.put("municipality.setting.mail.from", "integration@stenungsund.se");
        config.update(properties);

        awaitApplied("itest-stenungsund");
        JsonNode stenungsund = http.get("/municipalities/1415").body();
        assertEquals("Stenungsund", stenungsund.get("name").asText());
        assertEquals("[\"ar\",\"fa\",\"so\"]", stenungsund.get("languages").toString());
        assertEquals("integration@stenungsund.se", stenungsund.get("settings").get("mail.from").asText());

        config.delete();
        awaitState("itest-stenungsund", State.REMOVED);
        assertFalse(ids(http.get("/municipalities").body(), "code").contains("1415"));
        assertEquals(1, contributions("itest-stenungsund", false));
    }

    @Test
    public void aPluginPackagedAsAKarInstallsFromTheDeployFolder() throws Exception {
        Path deploy = Path.of(System.getProperty("karaf.base"), "deploy");
        Path kar = Files.createTempFile("itest-orust", ".kar");
        Files.write(kar, orustKar());
        // Moved in whole, so the deployer never sees half a file.
        Files.move(kar, deploy.resolve("itest-orust-1.0.0.kar"), StandardCopyOption.ATOMIC_MOVE);

        PluginReport report = awaitApplied("itest-orust");
        assertEquals("1.0.0", report.version());
        assertEquals("Orust", http.get("/municipalities/1421").body().get("name").asText());
        String features = executeCommand("feature:list -i");
        assertTrue(features, features.contains("itest-orust"));

        Files.delete(deploy.resolve("itest-orust-1.0.0.kar"));
        awaitState("itest-orust", State.REMOVED);
        assertFalse(ids(http.get("/municipalities").body(), "code").contains("1421"));
    }

    /** The feature and every feature it installs, transitively; not the defaults installed only if needed. */
    private Set<String> requiredFeatures(String name) throws Exception {
        Set<String> found = new TreeSet<>();
        Deque<String> next = new ArrayDeque<>(List.of(name));
        while (!next.isEmpty()) {
            String feature = next.pop();
            if (found.add(feature)) {
                featuresService.getFeature(feature).getDependencies().stream().filter(d -> !d.isDependency())
                        .forEach(d -> next.push(d.getName()));
            }
        }
        return found;
    }

    private String title(String activity) {
        return http.get("/activities/" + activity).body().get("title").get("sv").asText();
    }

    private List<String> search(String query) {
        Reply reply = http.get("/activities?limit=200&" + query);
        assertEquals(query, 200, reply.status());
        return ids(reply.body().get("items"), "id");
    }

    private static List<String> ids(JsonNode array, String field) {
        List<String> ids = new java.util.ArrayList<>();
        array.forEach(item -> ids.add(item.get(field).asText()));
        return ids;
    }

    private int contributions(String plugin, boolean active) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement p = c.prepareStatement(
                "SELECT COUNT(*) FROM plugin_contribution WHERE plugin = ? AND active = ?")) {
            p.setString(1, plugin);
            p.setBoolean(2, active);
            try (ResultSet rs = p.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    private int count(String sql) throws SQLException {
        try (Connection c = dataSource.getConnection(); ResultSet rs = c.createStatement().executeQuery(sql)) {
            rs.next();
            return rs.getInt(1);
        }
    }

    /** Tanum's plugin, as its integrator would ship two versions of it. */
    private static InputStream tanum(String version, String library, String cafe, String cycling) throws IOException {
        return pluginBundle("itest-tanum", version, "{\"municipalities\": [{\"code\": \"1435\", \"name\": \"Tanum\", "
                + "\"county\": \"Västra Götalands län\", \"subRegion\": \"Fyrbodal\", \"active\": true, "
                + "\"languages\": [\"ar\", \"ti\"]}], "
                + "\"venues\": [{\"id\": \"tanum-bibliotek\", \"name\": \"" + library + "\", \"municipalityCode\": "
                + "\"1435\", \"accessibility\": [\"WHEELCHAIR_ACCESS\"]}], "
                + "\"activities\": [" + activity("sprakcafe-tanum", cafe, "SWEDISH_LANGUAGE_PRACTICE", "THURSDAY") + ", "
                + activity("cykelkurs-tanum", cycling, "CYCLING", "SATURDAY") + "]}");
    }

    private static String activity(String id, String title, String category, String weekday) {
        return "{\"id\": \"" + id + "\", \"title\": {\"sv\": \"" + title + "\"}, \"category\": \"" + category
                + "\", \"focusArea\": \"SOCIAL\", \"languages\": [\"sv\", \"ar\"], \"municipalityCode\": \"1435\", "
                + "\"venueId\": \"tanum-bibliotek\", \"costSek\": 0, \"schedule\": {\"weekday\": \"" + weekday
                + "\", \"time\": \"18:00\", \"durationMinutes\": 90, \"weeks\": 4}}";
    }

    /** A plugin bundle without Java, as a municipality's integrator builds it: a header and a JSON file. */
    private static InputStream pluginBundle(String symbolicName, String version, String json) throws IOException {
        Manifest manifest = new Manifest();
        Attributes main = manifest.getMainAttributes();
        main.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        main.putValue("Bundle-ManifestVersion", "2");
        main.putValue("Bundle-SymbolicName", symbolicName);
        main.putValue("Bundle-Version", version);
        main.putValue(SamverkanPlugin.HEADER, "plugin.json");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (JarOutputStream jar = new JarOutputStream(bytes, manifest)) {
            jar.putNextEntry(new JarEntry("plugin.json"));
            jar.write(json.getBytes(StandardCharsets.UTF_8));
            jar.closeEntry();
        }
        return new ByteArrayInputStream(bytes.toByteArray());
    }

    /** A .kar as a municipality ships it: a Maven repository with the plugin bundle and a feature for it. */
    private static byte[] orustKar() throws IOException {
        String features = "<features name=\"itest-orust-1.0.0\" xmlns=\"http://karaf.apache.org/xmlns/features/v1.6.0\">"
                + "<feature name=\"itest-orust\" version=\"1.0.0\"><bundle>mvn:se.samverkan.itest/itest-orust/1.0.0"
                + "</bundle></feature></features>";
        byte[] bundle = pluginBundle("itest-orust", "1.0.0", "{\"municipalities\": [{\"code\": \"1421\", "
                + "\"name\": \"Orust\", \"county\": \"Västra Götalands län\", \"active\": true}]}").readAllBytes();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (JarOutputStream jar = new JarOutputStream(bytes)) {
            jar.putNextEntry(new JarEntry("repository/se/samverkan/itest/itest-orust/1.0.0/itest-orust-1.0.0-features.xml"));
            jar.write(features.getBytes(StandardCharsets.UTF_8));
            jar.putNextEntry(new JarEntry("repository/se/samverkan/itest/itest-orust/1.0.0/itest-orust-1.0.0.jar"));
            jar.write(bundle);
        }
        return bytes.toByteArray();
    }
}
