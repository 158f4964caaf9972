package se.samverkan.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import javax.inject.Inject;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.http.HttpService;

import com.fasterxml.jackson.databind.JsonNode;

import se.samverkan.api.feed.FeedService;
import se.samverkan.api.feed.FeedStatus;
import se.samverkan.api.mail.MailQueue;
import se.samverkan.api.mail.OutgoingMail;
import se.samverkan.api.mail.QueuedMail;
import se.samverkan.api.model.Activity;
import se.samverkan.api.model.ActivityCategory;
import se.samverkan.api.model.FocusArea;
import se.samverkan.api.model.Occurrence;
import se.samverkan.api.model.OccurrenceStatus;
import se.samverkan.api.plugin.PluginReport;
import se.samverkan.api.registry.ImportCounts;
import se.samverkan.api.registry.RegistryRun;
import se.samverkan.api.registry.RegistryService;
import se.samverkan.api.security.Caller;
import se.samverkan.calendar.FeedMapping;
import se.samverkan.calendar.ICalendarImport;
import se.samverkan.calendar.ParsedFeed;
import se.samverkan.itests.Http.Reply;

/**
 * Camel in the distribution: calendar feeds (below), and the platform's CamelContext "samverkan" running the
 * route a plugin brings (SV Örebro
 * län's course catalogue import), which ends in the public {@code samverkan:activities} endpoint. Drops a
 * catalogue file into the inbox the plugin's .cfg names and reads the result through the service, over REST
 * and from the console; then uninstalls the plugin and sees its route go.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class RoutesIT extends PlatformTestSupport {

    private static final String PLUGIN = "samverkan-partner-sv-orebro";
    private static final String ROUTE = "sv-orebro-course-catalogue";
    private static final String CONFIG_PID = "se.samverkan.plugins.svorebro.catalogue";
    private static final String HEADER = "course_id;title_sv;title_en;category;languages;municipality_code;venue_id;"
            + "start_date;weekday;time;duration_minutes;weeks;capacity;cost_sek";

    @Inject
    private ConfigurationAdmin configurationAdmin;
    @Inject
    private FeedService feeds;
    @Inject
    private HttpService httpService;
    @Inject
    private MailQueue mailQueue;
    @Inject
    private RegistryService registries;

    @Test
    public void aPluginsRouteImportsACatalogueIntoSamverkanAndGoesWithThePlugin() throws Exception {
        // The context is registered once started, which on a busy machine can be after the REST API is up.
        await("the CamelContext is an OSGi service", () -> contexts() != null);
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

        await("the file moved to the error folder with its report", () -> files(inbox.resolve("error")).size() == 2);
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

    /**
     * A partner's calendar, dropped as .ics files into a folder a feed configuration names: the good event is
     * imported, the broken one quarantined (console and REST show both), and the subscribable export serves it
     * back as valid iCalendar that imports to the same activity, with an ETag for conditional requests.
     */
    @Test
    public void aCalendarFeedIsImportedQuarantinedAndPublished() throws Exception {
        Path folder = Paths.get(System.getProperty("karaf.data"), "samverkan", "feeds", "itest");
        Files.createDirectories(folder);
        LocalDate start = LocalDate.now(Activity.ZONE).plusDays(7);
        String day = DateTimeFormatter.BASIC_ISO_DATE.format(start);
        Files.writeString(folder.resolve("kalender.ics"), "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Rädda Barnen//SV\r\n"
                + "BEGIN:VEVENT\r\nUID:laxhjalp-1@rb.se\r\nDTSTAMP:20260101T000000Z\r\nDTSTART;TZID=Europe/Stockholm:" + day
                + "T160000\r\nDTEND;TZID=Europe/Stockholm:" + day + "T173000\r\nRRULE:FREQ=WEEKLY;COUNT=3\r\n"
                + "SUMMARY;LANGUAGE=sv:Läxhjälp\r\nSUMMARY;LANGUAGE=ar:مساعدة في الواجبات\r\nCATEGORIES:Läxor\r\n"
                + "END:VEVENT\r\nBEGIN:VEVENT\r\nUID:trasig@rb.se\r\nDTSTART:inte-ett-datum\r\nSUMMARY:Trasig\r\n"
                + "END:VEVENT\r\nEND:VCALENDAR\r\n", StandardCharsets.UTF_8);
        Configuration feed = configurationAdmin.createFactoryConfiguration("se.samverkan.calendar.feed", "?");
        Dictionary<String, Object> settings = new Hashtable<>();
        settings.put("id", "itest-rb");
        settings.put("folder", folder.toString());
        settings.put("organisation", "radda-barnen");
        settings.put("municipality", "1882");
        settings.put("languages", "sv, ar");
        settings.put("category.Läxor", "CIVIC_INFORMATION");
        feed.update(settings);

        await("the feed was read", () -> feeds.feed("itest-rb")
                .map(f -> f.events() == 1 && f.lastSuccess() != null).orElse(false));
        String id = ICalendarImport.activityId("itest-rb", "laxhjalp-1@rb.se");
        Activity homework = activityService.get(id);
        assertEquals("مساعدة في الواجبات", homework.title().get("ar"));
        assertEquals(3, homework.occurrences().size());
        String feedList = executeCommand("samverkan:feed-list");
        assertTrue(feedList, feedList.lines().anyMatch(l -> l.startsWith("itest-rb") && l.contains("| ok")));
        assertTrue(executeCommand("samverkan:quarantine-list --source feed:itest-rb").contains("trasig@rb.se"));
        assertEquals(401, http.get("/admin/quarantine").status());
        String basic = "Basic " + Base64.getEncoder().encodeToString((ADMIN + ":" + ADMIN_PASSWORD).getBytes(StandardCharsets.UTF_8));
        Http.Text plain = http.text("/admin/feeds", "Authorization", basic);
        assertEquals("JSON also for a client that sends no Accept header", 200, plain.status());
        assertTrue(plain.body(), plain.body().startsWith("[{"));
        Reply quarantined = http.send("GET", "/admin/quarantine?source=feed:itest-rb", null, ADMIN, ADMIN_PASSWORD);
        assertEquals(200, quarantined.status());
        JsonNode broken = quarantined.body().get(0);
        assertEquals("trasig@rb.se", broken.get("key").asText());
        Reply replay = http.send("POST", "/admin/quarantine/" + broken.get("id").asLong() + "/replay", "", ADMIN, ADMIN_PASSWORD);
        assertEquals("still broken: 409 with the reason", 409, replay.status());
        Reply discarded = http.send("DELETE", "/admin/quarantine/" + broken.get("id").asLong(), null, ADMIN, ADMIN_PASSWORD);
        assertEquals(200, discarded.status());
        assertEquals("DISCARDED", discarded.body().get("state").asText());
        assertEquals("itest-rb", http.send("GET", "/admin/feeds", null, ADMIN, ADMIN_PASSWORD).body().findValuesAsText("id")
                .stream().filter("itest-rb"::equals).findFirst().orElseThrow());

        Http.Text exported = http.text("/calendar.ics?organisation=radda-barnen&municipality=1882&language=ar");
        assertEquals(200, exported.status());
        assertTrue(exported.headers().firstValue("Content-Type").orElse("").startsWith("text/calendar"));
        assertTrue(exported.body(), exported.body().replace("\r\n ", "").contains("\nSUMMARY;LANGUAGE=ar:مساعدة في الواجبات"));
        assertTrue(exported.body(), exported.body().contains("Läxhjälp"));
        String etag = exported.headers().firstValue("ETag").orElseThrow();
        assertEquals(304, http.text("/calendar.ics?organisation=radda-barnen&municipality=1882&language=ar",
                "If-None-Match", etag).status());
        String lastModified = exported.headers().firstValue("Last-Modified").orElseThrow();
        assertEquals("a client that keeps only the date", 304, http.text(
                "/calendar.ics?organisation=radda-barnen&municipality=1882&language=ar",
                "If-Modified-Since", lastModified).status());
        Matcher url = Pattern.compile("\r\nURL:(\\S+)\r\n").matcher(exported.body().replace("\r\n ", ""));
        assertTrue(exported.body(), url.find());
        Http.Text page = http.textAt(url.group(1));
        assertEquals("the event's URL is the activity: " + url.group(1), 200, page.status());
        assertTrue(page.body(), page.body().contains("\"id\":\"" + id + "\""));
        ParsedFeed again = ICalendarImport.parse(new ByteArrayInputStream(exported.body().getBytes(StandardCharsets.UTF_8)),
                new FeedMapping("again", "radda-barnen", "1882", null, Set.of("sv", "ar"), "sv", Map.of(),
                        ActivityCategory.OTHER, FocusArea.SOCIAL, 180), LocalDate.now(Activity.ZONE));
        assertEquals(List.of(), again.rejected());
        Activity roundTrip = again.events().stream().map(e -> e.activity())
                .filter(a -> a.title().get("sv").equals("Läxhjälp")).findFirst().orElseThrow();
        assertEquals(homework.title(), roundTrip.title());
        assertEquals(homework.occurrences().stream().map(o -> o.start().toInstant()).toList(),
                roundTrip.occurrences().stream().map(o -> o.start().toInstant()).toList());
        feed.delete();
    }

    /**
     * A feed over HTTP, published by a servlet on the container's own web server: read conditionally (the
     * stored ETag comes back and an unchanged feed answers 304), updated in place when it changes, kept as it
     * was while the publisher fails, and read again when it is back, even slowly.
     */
    @Test
    public void aFeedOverHttpIsReadConditionallyAndSurvivesAFailingPublisher() throws Exception {
        Publisher publisher = new Publisher();
        publisher.body = calendar("kor-1@abf.se", "Kör på lätt svenska");
        httpService.registerServlet("/itest-feeds", publisher, null, null);
        Configuration feed = configurationAdmin.createFactoryConfiguration("se.samverkan.calendar.feed", "?");
        try {
            Dictionary<String, Object> settings = new Hashtable<>();
            settings.put("id", "itest-http");
            settings.put("url", "http://localhost:" + Integer.getInteger("samverkan.itest.http.port") + "/itest-feeds/abf.ics");
            settings.put("organisation", "radda-barnen");
            settings.put("municipality", "1882");
            settings.put("retries", "1");
            settings.put("retryDelaySeconds", "0");
            feed.update(settings);
            await("the feed was read", () -> feeds.feed("itest-http")
                    .map(f -> f.events() == 1 && f.lastSuccess() != null).orElse(false));
            String id = ICalendarImport.activityId("itest-http", "kor-1@abf.se");
            assertEquals("Kör på lätt svenska", activityService.get(id).title().get("sv"));

            FeedStatus unchanged = feeds.sync("itest-http");
            assertEquals("\"v1\"", publisher.lastIfNoneMatch);
            assertEquals(304, publisher.lastStatus);
            assertEquals("OK", unchanged.state());

            publisher.change(calendar("kor-1@abf.se", "Kör på lätt svenska, ny lokal"));
            assertEquals(1, feeds.sync("itest-http").lastRun().updated());
            assertEquals("Kör på lätt svenska, ny lokal", activityService.get(id).title().get("sv"));

            publisher.failing = true;
            FeedStatus failing = feeds.sync("itest-http");
            assertEquals("FAILING", failing.state());
            assertTrue(failing.lastError(), failing.lastError().contains("HTTP 503"));
            assertEquals("the last good data is kept", "Kör på lätt svenska, ny lokal", activityService.get(id).title().get("sv"));
            assertTrue(executeCommand("samverkan:feed-list").lines().anyMatch(l -> l.startsWith("itest-http")
                    && l.contains("failing") && l.contains("HTTP 503")));

            publisher.failing = false;
            publisher.delayMillis = 1500;
            publisher.change(calendar("kor-1@abf.se", "Kör"));
            assertEquals("OK", feeds.sync("itest-http").state());
            assertEquals("Kör", activityService.get(id).title().get("sv"));
        } finally {
            feed.delete();
            httpService.unregister("/itest-feeds");
        }
    }

    /**
     * The mail queue in the distribution: with the SMTP server down, queued messages wait with their error;
     * once a server listens on the configured port, each arrives exactly once, with its Message-ID.
     */
    @Test
    public void queuedMailWaitsForTheSmtpServerAndArrivesOnce() throws Exception {
        int port = Http.freePort();
        Configuration mail = configurationAdmin.getConfiguration("se.samverkan.mail", null);
        Dictionary<String, Object> settings = new Hashtable<>();
        settings.put("host", "localhost");
        settings.put("port", String.valueOf(port));
        settings.put("pollSeconds", "1");
        settings.put("retryDelaySeconds", "1");
        settings.put("from", "Samverkan <noreply@samverkan.example>");
        mail.update(settings);
        for (int i = 1; i <= 3; i++) {
            mailQueue.queue(new OutgoingMail("itest-" + i, "nyckelperson" + i + "@example.org", "Nya aktiviteter " + i,
                    "Nya aktiviteter i Götene.", "<p>Nya aktiviteter i Götene.</p>", null, "sv"));
        }
        mailQueue.queue(new OutgoingMail("itest-1", "nyckelperson1@example.org", "Again", "x", "<p>x</p>", null, "sv"));
        await("the first attempts failed", () -> mailQueue.list(null).stream()
                .filter(m -> m.idempotencyKey().startsWith("itest-"))
                .filter(m -> m.attempts() >= 1 && m.lastError() != null && m.state() == QueuedMail.State.QUEUED).count() == 3);
        assertTrue(executeCommand("samverkan:mail-queue").contains("nyckelperson2@example.org"));

        try (SmtpSink sink = new SmtpSink(port)) {
            await("every message was sent", () -> mailQueue.list(QueuedMail.State.SENT).stream()
                    .filter(m -> m.idempotencyKey().startsWith("itest-")).count() == 3);
            for (int i = 1; i <= 3; i++) {
                String id = "Message-ID: <itest-" + i + "@samverkan>";
                assertEquals(id, 1, sink.messages.stream().filter(m -> m.contains(id)).count());
            }
            assertEquals(3, sink.messages.size());
        }
    }

    /**
     * The registries in the distribution: an organisation register file with one bad row dropped into a folder
     * (rows over REST, the bad one quarantined, the run in registry-list), Kolada's API served by a servlet on the
     * container's web server (two pages, run on demand over REST, figures over REST), the shipped demo register,
     * and municipality codes checked against SCB's list wherever records are written.
     */
    @Test
    public void registriesImportOrganisationsAndKeyFiguresAndTheMunicipalityListValidates() throws Exception {
        Path folder = Paths.get(System.getProperty("karaf.data"), "samverkan", "registries", "itest");
        Files.createDirectories(folder);
        Files.writeString(folder.resolve("export.csv"), "namn;organisationsnummer;kommun;verksamhetsområden;kontakt\n"
                + "Läxhjälpen i Laxå;802011-2234;1860;läxhjälp|barn;laxhjalp@example.org\n"
                + "Cykelvänner Hallsberg;802456-7896;Hallsbergs kommun;cykling;\n"
                + "Felaktiga föreningen;802456-7897;1860;;\n", StandardCharsets.UTF_8);
        Configuration register = configurationAdmin.createFactoryConfiguration("se.samverkan.registries.organisations", "?");
        Configuration kolada = configurationAdmin.getConfiguration("se.samverkan.registries.kolada", null);
        Dictionary<String, Object> koladaBefore = kolada.getProperties();
        KoladaServlet servlet = new KoladaServlet();
        httpService.registerServlet("/itest-kolada", servlet, null, null);
        try {
            Dictionary<String, Object> settings = new Hashtable<>();
            settings.put("id", "itest-register");
            settings.put("folder", folder.toString());
            settings.put("startDelaySeconds", "0");
            register.update(settings);
            await("the register was read", () -> registries.registry("itest-register")
                    .map(r -> r.lastRun() != null && r.lastRun().outcome() == RegistryRun.Outcome.OK).orElse(false));
            assertEquals(new ImportCounts(2, 0, 0, 1), registries.registry("itest-register").orElseThrow().lastRun().counts());
            JsonNode found = http.get("/registry/organisations?municipality=1861").body();
            assertEquals("Cykelvänner Hallsberg", found.get("items").get(0).get("name").asText());
            assertEquals("läxhjälp", http.get("/registry/organisations/8020112234").body().get("areasOfWork").get(0).asText());
            assertTrue(executeCommand("samverkan:quarantine-list --source register:itest-register").contains("802456-7897"));
            assertTrue(executeCommand("samverkan:registry-list").lines()
                    .anyMatch(l -> l.startsWith("itest-register") && l.contains("2 new, 0 changed, 0 unchanged, 1 rejected")));

            // The shipped demo register: its bad row is quarantined too.
            assertTrue(executeCommand("samverkan:registry-run ideella-demo").contains("| ok"));
            assertTrue(http.get("/registry/organisations?q=support+group").body().get("items").size() >= 1);
            assertTrue(executeCommand("samverkan:quarantine-list --source register:ideella-demo").contains("802500-8818"));

            Dictionary<String, Object> koladaSettings = new Hashtable<>();
            koladaSettings.put("url", "http://localhost:" + Integer.getInteger("samverkan.itest.http.port") + "/itest-kolada");
            koladaSettings.put("kpis", "N31001");
            koladaSettings.put("years", "2023");
            koladaSettings.put("municipalities", "1487, 1488");
            kolada.update(koladaSettings);
            await("Kolada is configured", () -> registries.registry("kolada")
                    .map(r -> r.source().contains("itest-kolada")).orElse(false));
            assertEquals(401, http.send("POST", "/admin/registries/kolada/run", "", null, null).status());
            Reply run = http.send("POST", "/admin/registries/kolada/run", "", ADMIN, ADMIN_PASSWORD);
            assertEquals(200, run.status());
            assertEquals("OK", run.body().get("lastRun").get("outcome").asText());
            assertEquals(4, run.body().get("lastRun").get("counts").get("created").asInt());
            assertEquals(2, servlet.requests.size());
            JsonNode figures = http.get("/kpis?municipality=1487&kpi=N31001").body();
            assertEquals(2, figures.size());
            assertEquals(1234.5, figures.findValues("value").stream().mapToDouble(JsonNode::asDouble).max().orElseThrow(), 0);
            assertEquals(400, http.get("/kpis").status());

            servlet.failing = true;
            Reply failed = http.send("POST", "/admin/registries/kolada/run", "", ADMIN, ADMIN_PASSWORD);
            assertEquals("FAILED", failed.body().get("lastRun").get("outcome").asText());
            assertTrue(failed.body().get("lastRun").get("error").asText().contains("HTTP 503"));
            assertEquals("the last good figures are kept", 2, http.get("/kpis?municipality=1487&kpi=N31001").body().size());
            assertTrue(http.send("GET", "/admin/registries", null, ADMIN, ADMIN_PASSWORD).body().findValuesAsText("id")
                    .containsAll(List.of("kolada", "municipalities", "itest-register", "ideella-demo")));

            // Municipality codes are checked against SCB's list wherever records are written.
            Reply refused = http.send("POST", "/municipalities", "{\"code\":\"1409\",\"name\":\"Ingen\",\"county\":"
                    + "\"Västra Götalands län\",\"subRegion\":null,\"active\":true}", ADMIN, ADMIN_PASSWORD);
            assertEquals(400, refused.status());
            assertTrue(refused.body().toString(), refused.body().toString().contains("'1409' is not a Swedish municipality"));
            assertEquals(290, http.get("/registry/municipalities").body().get("municipalities").size());
        } finally {
            register.delete();
            if (koladaBefore == null) {
                kolada.delete();
            } else {
                kolada.update(koladaBefore);
            }
            httpService.unregister("/itest-kolada");
        }
    }

    /** Kolada's v3 data API in its real shape: the figures of 1487 and 1488 for 2023 over two pages; can fail. */
    private static final class KoladaServlet extends HttpServlet {
        final List<String> requests = new java.util.concurrent.CopyOnWriteArrayList<>();
        volatile boolean failing;

        @Override
        protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
            String asked = request.getPathInfo() + (request.getQueryString() == null ? "" : "?" + request.getQueryString());
            requests.add(asked);
            String first = "/v3/data/kpi/N31001/municipality/1487,1488,0000/year/2023";
            String body = !failing && asked.equals(first)
                    ? "{\"values\":[{\"kpi\":\"N31001\",\"municipality\":\"1487\",\"period\":2023,\"values\":["
                    + "{\"gender\":\"T\",\"value\":1234.5,\"count\":1,\"status\":\"\"},"
                    + "{\"gender\":\"K\",\"value\":null,\"count\":null,\"status\":\"Saknas\"}]}],"
                    + "\"count\":1,\"next_url\":\"" + request.getRequestURL() + "?page=2\"}"
                    : !failing && asked.equals(first + "?page=2")
                    ? "{\"values\":[{\"kpi\":\"N31001\",\"municipality\":\"1488\",\"period\":2023,\"values\":["
                    + "{\"gender\":\"T\",\"value\":980.25,\"count\":1,\"status\":\"\"}]},"
                    + "{\"kpi\":\"N31001\",\"municipality\":\"0000\",\"period\":2023,\"values\":["
                    + "{\"gender\":\"T\",\"value\":1500,\"count\":290,\"status\":\"\"}]}],\"count\":2,\"next_url\":null}"
                    : null;
            response.setStatus(failing ? 503 : body == null ? 404 : 200);
            if (body != null) {
                response.setContentType("application/json; charset=utf-8");
                response.getOutputStream().write(body.getBytes(StandardCharsets.UTF_8));
            }
        }
    }

    /**
     * Subscriptions in the distribution: subscribe over REST without a login, follow the link of the real
     * confirmation mail to its page and confirm with its button, cancel a session of a matching activity and find the notice at the SMTP server with its
     * one-click unsubscribe header, then unsubscribe by that header's URL.
     */
    @Test
    public void aSubscriberConfirmsByMailGetsANoticeOfACancelledSessionAndUnsubscribesInOneClick() throws Exception {
        int port = Http.freePort();
        try (SmtpSink sink = new SmtpSink(port)) {
            Dictionary<String, Object> mail = new Hashtable<>();
            mail.put("host", "localhost");
            mail.put("port", String.valueOf(port));
            mail.put("pollSeconds", "1");
            configurationAdmin.getConfiguration("se.samverkan.mail", null).update(mail);

            String request = "{\"email\": \"nyckelperson@example.org\", \"language\": \"sv\", \"municipalities\": [\"1487\"]}";
            await("the subscription is accepted", () -> http.send("POST", "/subscriptions", request, null, null).status() == 202);
            assertEquals(400, http.send("POST", "/subscriptions", "{\"email\": \"no address\"}", null, null).status());
            String confirmation = awaitMessage(sink, "Message-ID: <confirm-");
            Matcher link = Pattern.compile("/api/v1(/subscriptions/confirm\\?token=[A-Za-z0-9_-]+)")
                    .matcher(confirmation.replace("=\r\n", "").replace("=3D", "="));
            assertTrue(confirmation, link.find());
            Http.Text page = http.text(link.group(1));
            assertEquals(200, page.status());
            assertTrue(page.body(), page.body().contains("Bekräfta prenumerationen?")
                    && page.body().contains("<form method=\"post\" action=\"" + http.base() + link.group(1) + "\""));
            assertTrue("a GET alone (a mail scanner following the link) leaves the subscription pending",
                    executeCommand("samverkan:subscription-list --state pending").contains("n***@example.org"));
            assertFalse(executeCommand("samverkan:subscription-list --state confirmed").contains("n***@example.org"));
            Http.Text confirmed = http.textOf("POST", link.group(1));
            assertEquals(200, confirmed.status());
            assertTrue(confirmed.body(), confirmed.body().contains("Tack!"));
            assertTrue(executeCommand("samverkan:subscription-list --state confirmed").contains("n***@example.org"));

            Activity activity = activityService.list().stream().filter(a -> "1487".equals(a.municipalityCode()))
                    .filter(a -> a.occurrences().stream().anyMatch(o -> o.status() == OccurrenceStatus.SCHEDULED))
                    .findFirst().orElseThrow();
            List<Occurrence> sessions = new ArrayList<>(activity.occurrences());
            Occurrence first = sessions.stream().filter(o -> o.status() == OccurrenceStatus.SCHEDULED).findFirst().orElseThrow();
            sessions.set(sessions.indexOf(first), new Occurrence(first.id(), first.start(), first.end(),
                    OccurrenceStatus.CANCELLED));
            activityService.update(Caller.SYSTEM, activity.id(), new Activity(activity.id(), activity.title(),
                    activity.description(), activity.category(), activity.focusArea(), activity.targetGroups(),
                    activity.languages(), activity.municipalityCode(), activity.organiserIds(), activity.agreementId(),
                    activity.programmeId(), activity.venueId(), activity.capacity(), activity.costSek(), sessions));

            String notice = awaitMessage(sink, "Message-ID: <notice-");
            assertTrue(notice, notice.contains("List-Unsubscribe-Post: List-Unsubscribe=One-Click"));
            Matcher unsubscribe = Pattern.compile("List-Unsubscribe: <" + http.base() + "(/subscriptions/"
                    + "unsubscribe\\?token=[A-Za-z0-9_-]+)>").matcher(notice);
            assertTrue(notice, unsubscribe.find());
            assertEquals(200, http.textOf("POST", unsubscribe.group(1)).status());
            assertTrue(executeCommand("samverkan:subscription-list --state unsubscribed").contains("n***@example.org"));
            assertEquals(404, http.text("/subscriptions/confirm?token=unknown").status());
            assertEquals(404, http.textOf("POST", "/subscriptions/confirm?token=unknown").status());
        }
    }

    private ServiceReference<?>[] contexts() {
        try {
            return bundleContext.getServiceReferences("org.apache.camel.CamelContext", "(camel.context.name=samverkan)");
        } catch (InvalidSyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private String awaitMessage(SmtpSink sink, String header) throws InterruptedException {
        await("a message with " + header, () -> sink.messages.stream().anyMatch(m -> m.contains(header)));
        return sink.messages.stream().filter(m -> m.contains(header)).findFirst().orElseThrow();
    }

    /** A partner's calendar with one weekly event, starting next week. */
    private static String calendar(String uid, String summary) {
        String day = DateTimeFormatter.BASIC_ISO_DATE.format(LocalDate.now(Activity.ZONE).plusDays(7));
        return "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//ABF//SV\r\nBEGIN:VEVENT\r\nUID:" + uid
                + "\r\nDTSTAMP:20260101T000000Z\r\nDTSTART;TZID=Europe/Stockholm:" + day + "T190000\r\n"
                + "DTEND;TZID=Europe/Stockholm:" + day + "T203000\r\nRRULE:FREQ=WEEKLY;COUNT=4\r\nSUMMARY:" + summary
                + "\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n";
    }

    /** Serves its body with an ETag, answers If-None-Match with 304, and can fail or be slow. */
    private static final class Publisher extends HttpServlet {
        volatile String body;
        volatile int version = 1;
        volatile boolean failing;
        volatile long delayMillis;
        volatile String lastIfNoneMatch;
        volatile int lastStatus;

        void change(String newBody) {
            body = newBody;
            version++;
        }

        @Override
        protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
            try {
                Thread.sleep(delayMillis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            lastIfNoneMatch = request.getHeader("If-None-Match");
            String etag = "\"v" + version + "\"";
            lastStatus = failing ? 503 : etag.equals(lastIfNoneMatch) ? 304 : 200;
            response.setStatus(lastStatus);
            response.setHeader("ETag", etag);
            if (lastStatus == 200) {
                response.setContentType("text/calendar; charset=utf-8");
                response.getOutputStream().write(body.getBytes(StandardCharsets.UTF_8));
            }
        }
    }

    /** Waits until camel:route-list shows the plugin's route started, or no longer shows it. */
    private void awaitRoute(boolean started) throws InterruptedException {
        await(started ? "the route started" : "the route removed", () -> started
                == routeList().lines().anyMatch(l -> l.contains(ROUTE) && l.contains("Started")));
        if (!started) {
            assertFalse(routeList().contains(ROUTE));
        }
    }

    private String routeList() {
        try {
            return executeCommand("camel:route-list samverkan");
        } catch (Exception e) {
            throw new IllegalStateException(e);
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

    private void await(String what, BooleanSupplier condition) throws InterruptedException {
        long end = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) {
                throw new AssertionError(what + ": not within a minute; camel:route-list says\n"
                        + routeList());
            }
            Thread.sleep(250);
        }
    }
}
