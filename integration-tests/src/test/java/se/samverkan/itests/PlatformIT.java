package se.samverkan.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.io.InputStream;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.apache.karaf.shell.api.console.Command;
import org.apache.karaf.shell.api.console.Completer;
import org.junit.Test;
import org.osgi.framework.Bundle;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.ServiceReference;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import se.samverkan.calendar.ICalendarImport;
import se.samverkan.itests.Http.Reply;

/**
 * Boots the real distribution (with its demo data and demo users) and checks it from the outside, over
 * HTTP, and from the console.
 */
public class PlatformIT extends PlatformTestSupport {

    /** Demo users shipped by the samverkan-demo-data feature. */
    private static final String VANERSBORG = "coordinator-vanersborg";
    private static final String VANERSBORG_PASSWORD = "demo-vanersborg";

    /** Boot delegation, so that Derby's dynamic import of javax.naming cannot fail while bundles restart. */
    @Test
    public void javaxNamingComesFromTheJdkForEveryBundle() {
        assertTrue(bundleContext.getProperty("org.osgi.framework.bootdelegation").contains("javax.naming.*"));
    }

    @Test
    public void everySamverkanBundleIsActive() {
        List<String> bundles = new ArrayList<>();
        for (Bundle bundle : bundleContext.getBundles()) {
            if (bundle.getSymbolicName().startsWith("samverkan-")) {
                assertEquals(bundle.getSymbolicName() + " is not active", Bundle.ACTIVE, bundle.getState());
                bundles.add(bundle.getSymbolicName());
            }
        }
        assertEquals(List.of("samverkan-api", "samverkan-calendar", "samverkan-demo-data", "samverkan-drafts", "samverkan-feeds", "samverkan-mail",
                "samverkan-municipality-gotene",
                "samverkan-municipality-trollhattan", "samverkan-municipality-vanersborg", "samverkan-partner-abf-fyrbodal",
                "samverkan-partner-support-group-network", "samverkan-partner-sv-orebro", "samverkan-persistence",
                "samverkan-plugins", "samverkan-programme-helhetslyftet", "samverkan-registries", "samverkan-rest",
                "samverkan-routes", "samverkan-routes-rest", "samverkan-security", "samverkan-shell"),
                bundles.stream().sorted().toList());
    }

    @Test
    public void restServesTheDemoData() {
        JsonNode municipalities = http.get("/municipalities").body();
        assertTrue(municipalities.size() >= 15);
        assertEquals("Vänersborg", find(municipalities, "code", "1487").get("name").asText());
        assertEquals("Fyrbodal", find(municipalities, "code", "1488").get("subRegion").asText());
        assertEquals("Askersund", http.get("/municipalities/1882").body().get("name").asText());
        assertEquals("IOP", http.get("/agreements").body().findValues("kind").stream().map(JsonNode::asText)
                .filter("IOP"::equals).findFirst().orElse(""));
        JsonNode esf = find(http.get("/programmes").body(), "name", "Integrationsarbete och kommunal samverkan");
        assertEquals(7, esf.get("municipalityCodes").size());
        assertEquals(4, esf.get("targets").size());
        assertTrue(http.get("/openapi.json").body().get("openapi").asText().startsWith("3.0"));
    }

    /**
     * The description is generated from the resources every bundle contributes: each operation of each registered
     * resource is in it, administration needs credentials, and every operation of the last hand-kept description
     * (release 0.1) still answers.
     */
    @Test
    public void theOpenApiDescriptionCoversEveryBundlesResourcesAndTheLastRelease() throws Exception {
        JsonNode paths = http.get("/openapi.json").body().get("paths");
        Set<String> documented = new TreeSet<>();
        paths.fieldNames().forEachRemaining(path -> paths.get(path).fieldNames()
                .forEachRemaining(verb -> documented.add(verb.toUpperCase(Locale.ROOT) + " " + path)));
        Set<String> served = new TreeSet<>();
        Set<String> owners = new TreeSet<>();
        for (ServiceReference<?> ref : bundleContext.getServiceReferences((String) null, "(samverkan.rest.resource=true)")) {
            Object resource = bundleContext.getService(ref);
            try {
                owners.add(ref.getBundle().getSymbolicName());
                served.addAll(operations(resource.getClass()));
            } finally {
                bundleContext.ungetService(ref);
            }
        }
        assertEquals(Set.of("samverkan-drafts", "samverkan-feeds", "samverkan-mail", "samverkan-registries",
                "samverkan-rest", "samverkan-routes-rest"), owners);
        Set<String> missing = new TreeSet<>(served);
        missing.removeAll(documented);
        assertEquals(Set.of(), missing);
        List<String> release;
        try (InputStream in = PlatformIT.class.getResourceAsStream("operations-0.1.txt")) {
            release = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .filter(l -> !l.isBlank() && !l.startsWith("#")).toList();
        }
        assertEquals(56, release.size());
        missing = new TreeSet<>(release);
        missing.removeAll(documented);
        assertEquals(Set.of(), missing);
        assertEquals("[{\"basic\":[]}]", paths.at("/~1admin~1feeds/get/security").toString());
        assertEquals("[{\"basic\":[]}]", paths.at("/~1admin~1jobs~1{id}~1run/post/security").toString());
        // Subscribing needs no login; the pages of the subscription links are HTML, also when the link is bad.
        assertTrue(paths.at("/~1subscriptions/post/security").isMissingNode());
        assertTrue(paths.at("/~1subscriptions~1confirm/get/responses/404/content/text~1html").isObject());
    }

    /** "VERB /path" of each resource method of a class, as JAX-RS serves it under /api/v1. */
    private static Set<String> operations(Class<?> type) {
        Set<String> operations = new TreeSet<>();
        String base = "/" + type.getAnnotation(javax.ws.rs.Path.class).value();
        for (Method m : type.getMethods()) {
            for (java.lang.annotation.Annotation a : m.getAnnotations()) {
                javax.ws.rs.HttpMethod verb = a.annotationType().getAnnotation(javax.ws.rs.HttpMethod.class);
                if (verb != null) {
                    javax.ws.rs.Path sub = m.getAnnotation(javax.ws.rs.Path.class);
                    operations.add(verb.value() + " " + (sub == null ? base : base + "/" + sub.value()));
                }
            }
        }
        return operations;
    }

    @Test
    public void activityFiltersWork() {
        JsonNode gotene = search("municipality=1471&limit=200");
        assertTrue("Support Group Götene's courses", gotene.get("items").size() >= 7);
        gotene.get("items").forEach(a -> assertEquals("1471", a.get("municipalityCode").asText()));
        assertEquals(List.of("simkurs-gotene"), ids(search("category=swimming&municipality=1471")));
        search("focusArea=WORK").get("items").forEach(a -> assertEquals("WORK", a.get("focusArea").asText()));
        search("language=ar&limit=200").get("items").forEach(a -> assertTrue(contains(a.get("languages"), "ar")));

        JsonNode withLoop = search("accessibility=hearing_loop&limit=200");
        assertFalse(withLoop.get("items").isEmpty());
        withLoop.get("items").forEach(a -> assertTrue(contains(
                http.get("/venues/" + a.get("venueId").asText()).body().get("accessibility"), "HEARING_LOOP")));

        assertTrue(ids(search("q=simkurs")).contains("simkurs-gotene"));
        String arabicWord = http.get("/activities/simkurs-gotene").body().get("title").get("ar").asText().split(" ")[0];
        assertTrue("free text in Arabic", ids(search("q=" + java.net.URLEncoder.encode(arabicWord, StandardCharsets.UTF_8)))
                .contains("simkurs-gotene"));

        LocalDate day = OffsetDateTime.parse(http.get("/activities/simkurs-gotene").body().get("occurrences").get(0)
                .get("start").asText()).toLocalDate();
        JsonNode thatDay = search("from=" + day + "&to=" + day + "&limit=200");
        assertTrue(ids(thatDay).contains("simkurs-gotene"));
        assertFalse(ids(search("from=" + day.minusYears(5) + "&to=" + day.minusYears(5).plusDays(1))).contains("simkurs-gotene"));

        JsonNode page1 = search("limit=5");
        JsonNode page2 = search("limit=5&offset=5");
        assertTrue(page1.get("hasMore").asBoolean());
        assertEquals(5, page2.get("items").size());
        assertTrue(ids(page1).stream().noneMatch(ids(page2)::contains));

        Reply bad = http.get("/activities?category=simning");
        assertEquals(400, bad.status());
        assertEquals("application/problem+json", bad.contentType());
        assertEquals("category", bad.body().get("errors").get(0).get("field").asText());
    }

    @Test
    public void writesNeedCredentialsAndSucceedWithThem() {
        String venue = "{\"id\":\"itest-hall\",\"name\":\"Testhallen\",\"municipalityCode\":\"1487\",\"accessibility\":[\"HEARING_LOOP\"]}";
        Reply anonymous = http.send("POST", "/venues", venue, null, null);
        assertEquals(401, anonymous.status());
        assertEquals("application/problem+json", anonymous.contentType());
        assertEquals(401, http.send("POST", "/venues", venue, ADMIN, "wrong").status());
        assertEquals(404, http.get("/venues/itest-hall").status());

        Reply created = http.send("POST", "/venues", venue, ADMIN, ADMIN_PASSWORD);
        assertEquals(201, created.status());
        assertTrue(created.location().endsWith("/api/v1/venues/itest-hall"));
        assertEquals("Testhallen", http.get("/venues/itest-hall").body().get("name").asText());

        String renamed = venue.replace("Testhallen", "Nya testhallen");
        String version = http.get("/venues/itest-hall").etag();
        Reply replaced = http.send("PUT", "/venues/itest-hall", renamed, ADMIN, ADMIN_PASSWORD, "If-Match", version);
        assertEquals(200, replaced.status());
        assertEquals("Nya testhallen", http.get("/venues/itest-hall").body().get("name").asText());
        assertEquals(204, http.send("DELETE", "/venues/itest-hall", null, ADMIN, ADMIN_PASSWORD, "If-Match",
                replaced.etag()).status());
        assertEquals(404, http.get("/venues/itest-hall").status());
        assertEquals("application/problem+json", http.get("/venues/itest-hall").contentType());
    }

    @Test
    public void aCoordinatorWritesOnlyTheirOwnMunicipality() {
        Reply other = http.send("POST", "/activities", activity("itest-trollhattan", "1488"), VANERSBORG, VANERSBORG_PASSWORD);
        assertEquals(403, other.status());
        assertTrue(other.body().get("detail").asText().contains("coordinator for municipality 1487"));
        assertEquals(404, http.get("/activities/itest-trollhattan").status());

        assertEquals(201, http.send("POST", "/activities", activity("itest-vanersborg", "1487"), VANERSBORG,
                VANERSBORG_PASSWORD).status());
        Reply moved = http.send("PUT", "/activities/itest-vanersborg", activity("itest-vanersborg", "1488"),
                VANERSBORG, VANERSBORG_PASSWORD, "If-Match", "*");
        assertEquals(403, moved.status());
        assertEquals("1487", http.get("/activities/itest-vanersborg").body().get("municipalityCode").asText());
        assertTrue(activityService.find("itest-vanersborg").isPresent());
    }

    /** Optimistic concurrency: the version is the ETag, and a write must name the one it is based on. */
    @Test
    public void aWriteNamesTheVersionItChangesSoNoneIsLost() {
        assertEquals(201, http.send("POST", "/activities", activity("itest-version", "1487"), ADMIN, ADMIN_PASSWORD).status());
        Reply read = http.get("/activities/itest-version");
        assertEquals("\"1\"", read.etag());
        String changed = read.body().toString().replace("Språkcafé", "Språkcafé på tisdagar");

        Reply unconditional = http.send("PUT", "/activities/itest-version", changed, ADMIN, ADMIN_PASSWORD);
        assertEquals(428, unconditional.status());
        assertEquals("application/problem+json", unconditional.contentType());
        Reply mine = http.send("PUT", "/activities/itest-version", changed, ADMIN, ADMIN_PASSWORD, "If-Match", read.etag());
        assertEquals(200, mine.status());
        assertEquals("\"2\"", mine.etag());
        Reply stale = http.send("PUT", "/activities/itest-version", read.body().toString(), ADMIN, ADMIN_PASSWORD,
                "If-Match", read.etag());
        assertEquals(412, stale.status());
        assertEquals("application/problem+json", stale.contentType());
        assertEquals(412, http.send("PUT", "/activities/itest-version", changed, ADMIN, ADMIN_PASSWORD, "If-Match",
                "W/\"2\"").status());
        assertEquals(412, http.send("DELETE", "/activities/itest-version", null, ADMIN, ADMIN_PASSWORD, "If-Match",
                read.etag()).status());
        assertEquals("Språkcafé på tisdagar", http.get("/activities/itest-version").body().get("title").get("sv").asText());
        assertEquals(204, http.send("DELETE", "/activities/itest-version", null, ADMIN, ADMIN_PASSWORD, "If-Match",
                mine.etag()).status());
    }

    /** A coordinator may withdraw from a shared organisation but not remove the other municipality from it. */
    @Test
    public void aCoordinatorCannotDropAnotherMunicipalityFromASharedRecord() {
        Reply shared = http.get("/organisations/support-group-network");
        ObjectNode onlyVanersborg = (ObjectNode) shared.body();
        onlyVanersborg.putArray("municipalityCodes").add("1487");
        Reply dropped = http.send("PUT", "/organisations/support-group-network", onlyVanersborg.toString(), VANERSBORG,
                VANERSBORG_PASSWORD, "If-Match", shared.etag());
        assertEquals(403, dropped.status());
        assertTrue(dropped.body().get("detail").asText(), dropped.body().get("detail").asText()
                .endsWith("you may only withdraw municipality 1487 from it"));
        assertEquals(404, http.send("POST", "/admin/drafts/999999/approve", null, VANERSBORG, VANERSBORG_PASSWORD).status());
    }

    @Test
    public void badInputIsRefusedWithTheFieldNamedAndNothingWritten() {
        String org = "{\"id\":\"itest-forening\",\"name\":\"Förening\",\"kind\":\"ASSOCIATION\","
                + "\"organisationNumber\":\"802002-8712\",\"municipalityCodes\":[\"9999\"]}";
        Reply bad = http.send("POST", "/organisations", org, ADMIN, ADMIN_PASSWORD);
        assertEquals(400, bad.status());
        List<String> fields = new ArrayList<>();
        bad.body().get("errors").forEach(e -> fields.add(e.get("field").asText()));
        assertEquals(List.of("organisationNumber", "municipalityCodes"), fields);
        assertEquals(404, http.get("/organisations/itest-forening").status());
        assertEquals(404, http.get("/activities/finns-inte").status());
    }

    @Test
    public void consoleCommandsPrintTables() throws Exception {
        String municipalities = executeCommand("samverkan:municipality-list");
        assertTrue(municipalities, municipalities.lines().anyMatch(l -> l.contains("1487") && l.contains("Vänersborg")
                && l.contains("Fyrbodal")));
        String status = executeCommand("samverkan:status");
        assertTrue(status, status.lines().anyMatch(l -> l.contains("samverkan-rest") && l.contains("Active")));
        assertTrue(status, status.contains("Apache Derby"));
        String swimming = executeCommand("samverkan:activity-list --category swimming --municipality 1471");
        assertTrue(swimming, swimming.lines().anyMatch(l -> l.startsWith("simkurs-gotene")));
        assertFalse(swimming, swimming.contains("cykelkurs-gotene"));
        String plugins = executeCommand("samverkan:plugin-list");
        assertTrue(plugins, plugins.lines().anyMatch(l -> l.startsWith("samverkan-demo-data") && l.contains("applied")
                && l.contains("activity 2")));
    }

    /**
     * Each concern's bundle registers its own commands and completers through Karaf's command extender; the
     * names are those of the README's console reference.
     */
    @Test
    public void eachConcernShipsItsOwnCommands() throws Exception {
        Map<String, String> expected = new TreeMap<>();
        for (String name : List.of("status", "municipality-list", "organisation-list", "agreement-list", "programme-list",
                "activity-list", "activity-show")) {
            expected.put(name, "samverkan-shell");
        }
        List.of("plugin-list", "plugin-show", "plugin-apply").forEach(name -> expected.put(name, "samverkan-plugins"));
        List.of("feed-list", "feed-sync").forEach(name -> expected.put(name, "samverkan-feeds"));
        List.of("quarantine-list", "quarantine-replay", "quarantine-discard", "job-list", "job-run")
                .forEach(name -> expected.put(name, "samverkan-routes"));
        List.of("mail-queue", "mail-replay", "subscription-list", "digest-send")
                .forEach(name -> expected.put(name, "samverkan-mail"));
        List.of("registry-list", "registry-run").forEach(name -> expected.put(name, "samverkan-registries"));
        List.of("draft-list", "draft-approve", "draft-reject").forEach(name -> expected.put(name, "samverkan-drafts"));

        Map<String, String> shipped = new TreeMap<>();
        for (Command command : sessionFactory.getRegistry().getCommands()) {
            if ("samverkan".equals(command.getScope())) {
                // Karaf's ActionCommand, in a package it does not export: asked for its action class by reflection.
                Class<?> action = (Class<?>) command.getClass().getMethod("getActionClass").invoke(command);
                shipped.put(command.getName(), FrameworkUtil.getBundle(action).getSymbolicName());
            }
        }
        assertEquals(expected, shipped);

        Set<String> completers = new TreeSet<>();
        sessionFactory.getRegistry().getServices(Completer.class).forEach(c -> completers.add(c.getClass().getName()));
        for (String completer : List.of("se.samverkan.feeds.internal.FeedIds", "se.samverkan.registries.internal.RegistryIds",
                "se.samverkan.plugins.internal.PluginNames", "se.samverkan.drafts.internal.DraftStates",
                "se.samverkan.mail.internal.SubscriptionStates", "se.samverkan.shell.Completers$MunicipalityCodes")) {
            assertTrue(completer + " in " + completers, completers.contains(completer));
        }
    }

    @Test
    public void theDemoCalendarFeedIsImportedFromItsFolder() throws Exception {
        JsonNode feed = await("the demo feed read", () -> feedStatus("dalabergskyrkan"),
                f -> f != null && f.get("events").asInt() == 1 && !f.get("lastSuccess").isNull());
        assertEquals("OK", feed.get("state").asText());
        JsonNode lecture = http.get("/activities/" + ICalendarImport.activityId("dalabergskyrkan",
                "framtiden-bor-hos-oss@dalabergskyrkan.example")).body();
        assertEquals("Föreläsning: Framtiden bor hos oss", lecture.get("title").get("sv").asText());
        assertEquals("LECTURE", lecture.get("category").asText());
        assertEquals("dalabergskyrkan-uddevalla", lecture.get("venueId").asText());
        assertTrue(lecture.get("occurrences").size() >= 5);
    }

    private static String activity(String id, String municipality) {
        return "{\"id\":\"" + id + "\",\"title\":{\"sv\":\"Språkcafé\",\"ar\":\"مقهى اللغة\"},\"category\":"
                + "\"SWEDISH_LANGUAGE_PRACTICE\",\"focusArea\":\"SOCIAL\",\"languages\":[\"sv\",\"ar\"],"
                + "\"municipalityCode\":\"" + municipality + "\",\"occurrences\":[{\"start\":\"2026-12-02T18:00:00+01:00\","
                + "\"end\":\"2026-12-02T20:00:00+01:00\"}]}";
    }

    /** Every answer under /api is problem+json, and a client's mistake is no error in the log. */
    @Test
    public void edgesOfTheApiAnswerProblemsAndLogNoErrors() throws Exception {
        java.nio.file.Path log = java.nio.file.Path.of(System.getProperty("karaf.data"), "log", "karaf.log");
        long logged = java.nio.file.Files.readAllLines(log).size();
        for (String path : List.of("/activities/%00", "/activities/..%2F..%2Fetc%2Fpasswd", "/../nothing")) {
            Http.Text reply = http.text(path);
            assertTrue(path + ": " + reply.status(), reply.status() == 400 || reply.status() == 404);
            assertEquals(path, "application/problem+json",
                    reply.headers().firstValue("Content-Type").orElse("").split(";")[0]);
            assertTrue(reply.body(), reply.body().contains("\"status\":" + reply.status()));
        }
        // A filter the resource does not know would be dropped silently, returning everything.
        Reply unknown = http.get("/activities?organisation=support-group-gotene&q=simkurs");
        assertEquals(400, unknown.status());
        assertEquals("organisation", unknown.body().get("errors").get(0).get("field").asText());
        // A PUT without a body or a content type.
        Http.Text bodiless = http.textOf("PUT", "/venues/x", "Authorization", basic(ADMIN, ADMIN_PASSWORD));
        assertEquals(415, bodiless.status());
        // Text longer than its column: 400 from the API's own validation, naming the field and the limit.
        String venue = "{\"id\":\"long-hall\",\"name\":\"" + "n".repeat(201)
                + "\",\"municipalityCode\":\"1471\",\"accessibility\":[]}";
        Reply tooLong = http.send("POST", "/venues", venue, ADMIN, ADMIN_PASSWORD);
        assertEquals(400, tooLong.status());
        assertEquals("name: must be at most 200 characters long, not 201", tooLong.body().get("detail").asText());
        // Bodies over 1 MiB, with their length given and without (chunked), from anyone.
        String big = "{\"email\":\"" + "a".repeat(2_000_000) + "\"}";
        assertEquals(413, http.send("POST", "/subscriptions", big, null, null).status());
        assertEquals(413, http.chunked("POST", "/subscriptions", big).status());
        // A client that stops sending after 2 MiB of a longer body gets its answer at once, not at a time-out.
        assertEquals(413, http.postPartOf("/subscriptions", 40L << 20));
        assertEquals(413, http.postPartOf("/subscriptions", -1));
        // Clients that close the connection while the calendar is written to them.
        for (int i = 0; i < 3; i++) {
            http.readAndClose("/calendar.ics", 10);
        }
        // What goes wrong writing to a connection the client closed is logged after the answer: nothing to await.
        Thread.sleep(500);
        List<String> errors = java.nio.file.Files.readAllLines(log).stream().skip(logged)
                .filter(l -> l.contains("| ERROR |")).toList();
        assertEquals(List.of(), errors);
    }

    private static String basic(String user, String password) {
        return "Basic " + java.util.Base64.getEncoder().encodeToString((user + ":" + password)
                .getBytes(StandardCharsets.UTF_8));
    }

    private JsonNode search(String query) {
        Reply reply = http.get("/activities?" + query);
        assertEquals(query, 200, reply.status());
        return reply.body();
    }

    private static List<String> ids(JsonNode page) {
        List<String> ids = new ArrayList<>();
        page.get("items").forEach(a -> ids.add(a.get("id").asText()));
        return ids;
    }

    private static boolean contains(JsonNode array, String value) {
        for (JsonNode item : array) {
            if (item.asText().equals(value)) {
                return true;
            }
        }
        return false;
    }

    private static JsonNode find(JsonNode array, String field, String value) {
        for (JsonNode item : array) {
            if (item.get(field).asText().equals(value)) {
                return item;
            }
        }
        throw new AssertionError("no item with " + field + " = " + value + " in " + array);
    }
}
