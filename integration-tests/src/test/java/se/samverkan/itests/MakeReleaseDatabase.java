package se.samverkan.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.icegreen.greenmail.user.GreenMailUser;

import se.samverkan.itests.Http.Reply;

/**
 * Makes {@link ReleaseDatabase}: not a test of this tree (its name keeps it out of every test run), but the steps
 * that put data into every table of a released distribution, run by {@code upgrade/make-release-db.sh} with
 * {@code -Ddistribution.archive} naming the release's archive. Everything is done as a user does it: REST, the
 * remote console, configuration files in etc/, and the sources the platform reads (a partner's calendar and Kolada
 * over local HTTP, mail over local SMTP and IMAP). It ends with what the release showed written to
 * {@code release-db.properties}, and the stopped distribution's Derby folder packed as {@code release-db.tar.gz},
 * both into the folder {@code -Dupgrade.out} names.
 */
class MakeReleaseDatabase {

    private static final String ADMIN = ReleaseDatabase.ADMIN;
    private static final String PASSWORD = ReleaseDatabase.PASSWORD;
    private static final String MAILBOX = "kurser@samverkan.test";
    private static final String PARTNER = "kurser@sgn.example";
    private static final String STRANGER = "okand@example.com";
    private static final String KOLADA_PAGE = "/kolada/v3/data/kpi/N31001/municipality/1487,1488,0000/year/2023";

    private KarafProcess karaf;
    private Http http;
    private MailServer smtp;
    private MailServer imap;
    private LocalHttpServer sources;
    private final Map<String, String> facts = new HashMap<>();

    @Test
    void make() throws Exception {
        Path out = Path.of(System.getProperty("upgrade.out", "target/upgrade")).toAbsolutePath();
        Files.createDirectories(out);
        int smtpPort = Http.freePort();
        int imapPort = Http.freePort();
        smtp = MailServer.smtp(smtpPort);
        imap = MailServer.imap(imapPort);
        GreenMailUser mailbox = imap.mailbox(MAILBOX, "kurser", "hemligt");
        sources = new LocalHttpServer();
        sources.serve("/" + ReleaseDatabase.FEED_FILE, 200, "text/calendar; charset=utf-8", ReleaseDatabase.feedText());
        sources.serve("/municipalities.csv", 200, "text/csv; charset=utf-8", shippedMunicipalityList());
        serveKolada();

        karaf = KarafProcess.unpack("release-db", PASSWORD);
        http = karaf.http();
        karaf.writeConfig("se.samverkan.mail.cfg", ReleaseDatabase.mailConfig(smtpPort, 8));
        karaf.writeConfig("se.samverkan.subscriptions.cfg", List.of("publicUrl = " + http.base(), "confirmHours = 72",
                "noticeSeconds = 1", "digestDay = MONDAY", "digestTime = 07:00", "digestCheckSeconds = 60"));
        karaf.writeConfig("se.samverkan.registries.municipalities.cfg", List.of(
                "url = " + sources.url("/municipalities.csv"), "pollSeconds = 0"));
        karaf.writeConfig("se.samverkan.registries.kolada.cfg", List.of("enabled = false",
                "url = " + sources.url("/kolada"), "kpis = N31001", "years = 2023", "municipalities = 1487, 1488",
                "pollSeconds = 0"));
        karaf.start();
        karaf.awaitUp();
        for (String plugin : PlatformTestSupport.SHIPPED_PLUGINS) {
            String applied = karaf.awaitLogLine("Plugin " + plugin + " 0.1.0", 1);
            assertTrue(applied.contains(": APPLIED, "), applied);
        }

        writeRecords();
        subscribe();
        readFeed();
        runRegistries();
        takeMail(mailbox, imapPort);
        removeConfigurationPlugin();
        discardARegisterRow();
        letAMailDie(smtpPort);
        recordWhatTheReleaseShows();
        karaf.stop();

        Path derby = karaf.home().resolve("data").resolve(ReleaseDatabase.DERBY);
        Map<String, Long> tables = ReleaseDatabase.tableRows(derby);
        List<String> empty = tables.entrySet().stream().filter(t -> t.getValue() == 0).map(Map.Entry::getKey).toList();
        assertEquals(List.of(), empty, "tables the release left empty");
        tables.forEach((table, rows) -> facts.put("table." + table, String.valueOf(rows)));
        facts.put("schema_version", String.join(",", ReleaseDatabase.query(derby,
                "SELECT version, script, applied_at FROM schema_version ORDER BY version")));
        ReleaseDatabase.writeFacts(facts, out.resolve(ReleaseDatabase.FACTS));
        Process tar = new ProcessBuilder("tar", "czf", out.resolve(ReleaseDatabase.ARCHIVE).toString(), "-C",
                karaf.home().resolve("data").toString(), ReleaseDatabase.DERBY).inheritIO().start();
        assertEquals(0, tar.waitFor(), "packing " + derby);
    }

    /** Records over REST: a municipality with languages and settings, a venue and an activity, a plugin's venue edited. */
    private void writeRecords() {
        created("/municipalities", """
                {"code": "1419", "name": "Tjörn", "county": "Västra Götalands län", "subRegion": "Göteborgsregionen",
                 "active": true, "languages": ["ar", "so"], "settings": {"mail.from": "integration@tjorn.example"}}""");
        created("/venues", """
                {"id": "upgrade-hall", "name": "Folkets hus", "address": "Storgatan 1, Vänersborg",
                 "municipalityCode": "1487", "accessibility": ["WHEELCHAIR_ACCESS"]}""");
        created("/activities", activity("Språkcafé i Folkets hus", "SCHEDULED"));
        Reply venue = http.get("/venues/" + ReleaseDatabase.EDITED_VENUE);
        assertEquals(200, venue.status());
        ObjectNode edited = (ObjectNode) venue.body();
        edited.put("name", "Interkulturellt centrum (nytt namn)");
        assertEquals(200, http.send("PUT", "/venues/" + ReleaseDatabase.EDITED_VENUE, edited.toString(), ADMIN,
                PASSWORD, "If-Match", venue.etag()).status());
    }

    /** The activity of this database: two occurrences in February 2027, the second one SCHEDULED or CANCELLED. */
    private static String activity(String title, String second) {
        return """
                {"id": "%s", "title": {"sv": "%s", "ar": "مقهى اللغة"}, "description": {"sv": "Prata svenska."},
                 "category": "SWEDISH_LANGUAGE_PRACTICE", "focusArea": "SOCIAL", "targetGroups": ["newcomers"],
                 "languages": ["sv", "ar"], "municipalityCode": "1487", "organiserIds": ["support-group-network"],
                 "agreementId": null, "programmeId": null, "venueId": "upgrade-hall", "capacity": 25, "costSek": 0,
                 "occurrences": [
                   {"id": null, "start": "2027-02-10T17:00:00+01:00", "end": "2027-02-10T19:00:00+01:00", "status": "SCHEDULED"},
                   {"id": null, "start": "2027-02-17T17:00:00+01:00", "end": "2027-02-17T19:00:00+01:00", "status": "%s"}]}"""
                .formatted(ReleaseDatabase.ACTIVITY, title, second);
    }

    private void created(String path, String json) {
        Reply reply = http.send("POST", path, json, ADMIN, PASSWORD);
        assertEquals(201, reply.status(), "POST " + path + ": " + reply.body());
    }

    /**
     * A subscriber confirms by the link in the confirmation mail; an occurrence of a matching activity is cancelled over
     * REST, which mails a notice with the unsubscribe link (kept, to unsubscribe after the upgrade); a second
     * request stays pending; the week's digest runs.
     */
    private void subscribe() throws Exception {
        assertEquals(202, http.send("POST", "/subscriptions", "{\"email\": \"" + ReleaseDatabase.SUBSCRIBER
                + "\", \"language\": \"sv\", \"municipalities\": [\"1487\"]}", null, null).status());
        String confirm = link(awaitMail("Message-ID: <confirm-"), "/subscriptions/confirm\\?token=[A-Za-z0-9_-]+");
        assertEquals(200, http.textOf("POST", confirm).status());

        Reply stored = http.get("/activities/" + ReleaseDatabase.ACTIVITY);
        String cancelled = activity("Språkcafé på lördagar", "CANCELLED");
        Reply updated = http.send("PUT", "/activities/" + ReleaseDatabase.ACTIVITY, cancelled, ADMIN, PASSWORD,
                "If-Match", stored.etag());
        assertEquals(200, updated.status(), String.valueOf(updated.body()));
        facts.put("activity.etag", updated.etag());
        facts.put("subscription.unsubscribe", link(awaitMail("Message-ID: <notice-"),
                "/subscriptions/unsubscribe\\?token=[A-Za-z0-9_-]+"));

        assertEquals(202, http.send("POST", "/subscriptions", "{\"email\": \"vantar@example.org\", \"language\": \"ar\","
                + " \"municipalities\": [\"1488\"], \"languages\": [\"ar\"]}", null, null).status());
        awaitMail("To: vantar@example.org");
        String digest = karaf.client("samverkan:digest-send");
        assertFalse(digest.isBlank(), "digest-send printed nothing");
    }

    private String awaitMail(String header) throws InterruptedException {
        return karaf.await("a mail with " + header, () -> smtp.messages().stream()
                .filter(m -> m.contains(header)).findFirst().orElse(null));
    }

    /** A link of the platform's in a mail, as a path below the API (quoted-printable undone). */
    private String link(String mail, String pattern) {
        Matcher found = Pattern.compile(Pattern.quote(http.base()) + "(" + pattern + ")")
                .matcher(mail.replace("=\r\n", "").replace("=3D", "="));
        assertTrue(found.find(), mail);
        return found.group(1);
    }

    /** The partner's calendar over HTTP: its good events become activities, the one without a start is quarantined. */
    private void readFeed() throws Exception {
        karaf.writeConfig("se.samverkan.calendar.feed-" + ReleaseDatabase.FEED + ".cfg",
                ReleaseDatabase.feedConfig(sources.url("/" + ReleaseDatabase.FEED_FILE)));
        JsonNode feed = karaf.await("the feed " + ReleaseDatabase.FEED + " read",
                () -> ReleaseDatabase.find(admin("/admin/feeds"), "id", ReleaseDatabase.FEED),
                f -> f != null && f.hasNonNull("lastSuccess"));
        assertEquals(2, feed.get("lastRun").get("created").asInt(), feed.toString());
        assertEquals(1, feed.get("lastRun").get("rejected").asInt(), feed.toString());
        assertEquals(200, http.send("POST", "/admin/feeds/dalabergskyrkan/sync", null, ADMIN, PASSWORD).status());
    }

    /** SCB's list and Kolada from the local server, the demo register from its folder; each on demand at the console. */
    private void runRegistries() throws Exception {
        for (String registry : List.of("municipalities", "kolada", "ideella-demo")) {
            String run = karaf.client("samverkan:registry-run " + registry);
            assertTrue(run.contains("| ok"), run);
        }
    }

    /** Partners' mail over IMAP: a calendar becomes a draft the coordinator approves, a plain mail a pending draft. */
    private void takeMail(GreenMailUser mailbox, int imapPort) throws Exception {
        karaf.writeConfig("se.samverkan.mail.inbound.cfg", List.of("host = 127.0.0.1", "port = " + imapPort,
                "ssl = false", "username = kurser", "password = hemligt", "folder = INBOX", "moveTo =",
                "pollSeconds = 1", "senders = " + PARTNER + "=support-group-network:1487"));
        String calendar = String.join("\r\n", "BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//SGN//Kurser//SV",
                "BEGIN:VEVENT", "UID:cykelkurs-2027@sgn.example", "DTSTAMP:20261201T120000Z",
                "DTSTART:20270306T090000Z", "DTEND:20270306T110000Z", "SUMMARY;LANGUAGE=sv:Cykelkurs för kvinnor",
                "DESCRIPTION:Vi lär ut cykling på lördagar.", "END:VEVENT", "END:VCALENDAR", "");
        mailbox.deliver(MailServer.message(PARTNER, MAILBOX, "<cykel@sgn.example>", "Ny kurs i mars",
                "Hej! Här är vår nya kurs.", calendar));
        mailbox.deliver(MailServer.message(PARTNER, MAILBOX, "<syjunta@sgn.example>", "Syjunta på onsdagar",
                "Vi syr och pratar svenska varje onsdag kväll.", null));
        mailbox.deliver(MailServer.message(STRANGER, MAILBOX, "<spam@example.com>", "Köp nu", "Erbjudande", null));
        JsonNode drafts = karaf.await("two drafts", () -> {
            JsonNode all = admin("/admin/drafts");
            return all.size() == 2 ? all : null;
        });
        for (JsonNode draft : drafts) {
            String key = "Ny kurs i mars".equals(draft.get("subject").asText()) ? "draft.approved" : "draft.pending";
            facts.put(key, draft.get("id").asText());
        }
        Reply approved = http.send("POST", "/admin/drafts/" + facts.get("draft.approved") + "/approve", null,
                "coordinator-vanersborg", "demo-vanersborg");
        assertEquals(200, approved.status(), String.valueOf(approved.body()));
        facts.put("draft.approved.activity", approved.body().get("activity").get("id").asText());
        JsonNode stranger = karaf.await("the stranger's mail quarantined", () -> item("mail:inbound", "<spam@example.com>"));
        facts.put("quarantine.mail", stranger.get("id").asText());
    }

    /** A plugin made of one configuration file, applied and then removed: its records stay, inactive. */
    private void removeConfigurationPlugin() throws Exception {
        String cfg = "se.samverkan.plugin-stenungsund.cfg";
        karaf.writeConfig(cfg, List.of("name = " + ReleaseDatabase.REMOVED_PLUGIN,
                "municipality.code = " + ReleaseDatabase.REMOVED_MUNICIPALITY, "municipality.name = Stenungsund",
                "municipality.county = Västra Götalands län", "municipality.languages = ar, fa, so",
                "municipality.setting.mail.from = integration@stenungsund.example",
                "organisation.id = " + ReleaseDatabase.REMOVED_ORGANISATION,
                "organisation.name = Språkvänner i Stenungsund", "organisation.kind = ASSOCIATION",
                "organisation.municipalities = " + ReleaseDatabase.REMOVED_MUNICIPALITY));
        String applied = karaf.awaitLogLine("Plugin " + ReleaseDatabase.REMOVED_PLUGIN + " ", 1);
        assertTrue(applied.contains(": APPLIED, 2 created"), applied);
        Files.delete(karaf.home().resolve("etc").resolve(cfg));
        karaf.awaitLogLine("Plugin " + ReleaseDatabase.REMOVED_PLUGIN + " removed", 1);
        assertEquals(200, http.get("/organisations/" + ReleaseDatabase.REMOVED_ORGANISATION).status());
        assertFalse(http.get("/organisations").body().toString().contains(ReleaseDatabase.REMOVED_ORGANISATION),
                "the removed plugin's organisation is inactive");
    }

    /** The demo register's bad row, discarded: kept in the quarantine as DISCARDED. */
    private void discardARegisterRow() throws Exception {
        JsonNode bad = karaf.await("the demo register's bad row quarantined", () -> {
            JsonNode all = admin("/admin/quarantine?source=register:ideella-demo");
            return all.size() > 0 ? all.get(0) : null;
        });
        assertEquals(200, http.send("DELETE", "/admin/quarantine/" + bad.get("id").asText(), null, ADMIN, PASSWORD)
                .status());
        facts.put("quarantine.discarded", bad.get("id").asText());
    }

    /** With the SMTP server gone and one attempt allowed, a confirmation mail is dead until replayed. */
    private void letAMailDie(int smtpPort) throws Exception {
        smtp.close();
        smtp = null;
        karaf.writeConfig("se.samverkan.mail.cfg", ReleaseDatabase.mailConfig(smtpPort, 1));
        assertEquals(202, http.send("POST", "/subscriptions", "{\"email\": \"dod@example.org\", \"language\": \"en\"}",
                null, null).status());
        JsonNode dead = karaf.await("a dead mail", () -> {
            JsonNode all = admin("/admin/mail?state=dead");
            return all.size() > 0 ? all.get(0) : null;
        });
        assertEquals("dod@example.org", dead.get("to").asText(), dead.toString());
        facts.put("mail.dead", dead.get("id").asText());
    }

    /** What the release shows of each kind of data, compared after the upgrade. */
    private void recordWhatTheReleaseShows() throws Exception {
        for (String kind : ReleaseDatabase.KINDS) {
            facts.put("records." + kind, String.valueOf(ReleaseDatabase.count(http, kind)));
        }
        for (JsonNode feed : admin("/admin/feeds")) {
            facts.put("feed." + feed.get("id").asText() + ".events", feed.get("events").asText());
        }
        JsonNode feedItem = item("feed:" + ReleaseDatabase.FEED, "trasig-2027@sgn.example");
        assertTrue(feedItem != null, "the event without a start is quarantined");
        facts.put("quarantine.feed", feedItem.get("id").asText());
        facts.put("quarantine.all", String.valueOf(admin("/admin/quarantine?all=true").size()));
        JsonNode mail = admin("/admin/mail");
        facts.put("mail.all", String.valueOf(mail.size()));
        for (JsonNode registry : admin("/admin/registries")) {
            JsonNode run = registry.get("lastRun");
            facts.put("registry." + registry.get("id").asText(), run.isNull() ? "never"
                    : run.get("outcome").asText() + " " + run.get("started").asText());
        }
        facts.put("register.organisations", String.valueOf(ReleaseDatabase.count(http, "registry/organisations")));
        facts.put("kpis", http.get("/kpis?municipality=1487&kpi=N31001").body().toString());
        facts.put("municipalities.source", http.get("/registry/municipalities").body().get("source").asText());
        facts.put("venue.name", http.get("/venues/" + ReleaseDatabase.EDITED_VENUE).body().get("name").asText());
    }

    private JsonNode admin(String path) {
        return ReleaseDatabase.admin(http, path);
    }

    /** The quarantined item of the source with this key, or null. */
    private JsonNode item(String source, String key) {
        return ReleaseDatabase.find(admin("/admin/quarantine?all=true&source=" + source), "key", key);
    }

    /** The list the release ships, served as the source SCB's list is refreshed from. */
    private static String shippedMunicipalityList() throws Exception {
        try (var in = MakeReleaseDatabase.class.getResourceAsStream("/se/samverkan/api/registry/municipalities.csv")) {
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
    }

    /** Kolada's v3 data API in its real shape: one page with the figures of 1487, 1488 and the country for 2023. */
    private void serveKolada() {
        sources.serve(KOLADA_PAGE, 200, "application/json; charset=utf-8", """
                {"values": [
                  {"kpi": "N31001", "municipality": "1487", "period": 2023,
                   "values": [{"gender": "T", "value": 812.5, "count": 1, "status": ""}]},
                  {"kpi": "N31001", "municipality": "1488", "period": 2023,
                   "values": [{"gender": "T", "value": 640.0, "count": 1, "status": ""}]},
                  {"kpi": "N31001", "municipality": "0000", "period": 2023,
                   "values": [{"gender": "T", "value": 1500.0, "count": 290, "status": ""}]}],
                 "count": 3, "next_url": null}""");
    }

    @AfterEach
    void tearDown() throws Exception {
        for (AutoCloseable open : new AutoCloseable[] {karaf, sources, imap, smtp}) {
            if (open != null) {
                open.close();
            }
        }
    }
}
