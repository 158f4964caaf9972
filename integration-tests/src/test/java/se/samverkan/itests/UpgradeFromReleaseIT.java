package se.samverkan.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import se.samverkan.itests.Http.Reply;

/**
 * An installation upgraded from the release before the concerns owned their tables keeps all its data: the current
 * distribution, started the way an administrator starts it on the Derby database a released distribution made
 * and filled ({@link ReleaseDatabase}), shows every kind of data the release showed, over REST and the console,
 * and can go on working with it; each owner records the release's scripts as its own.
 */
class UpgradeFromReleaseIT {

    private static final String ADMIN = ReleaseDatabase.ADMIN;
    private static final String PASSWORD = ReleaseDatabase.PASSWORD;
    /** Every owner's scripts, as README's "Who owns which tables" names them: all of them the release ran. */
    private static final List<String> OWNED_SCRIPTS = List.of(
            "drafts|6|V6__subscriptions.sql",
            "feeds|3|V3__feeds_and_quarantine.sql", "feeds|8|V8__feed_last_read.sql",
            "feeds|11|V11__feed_warnings_and_runs.sql",
            "mail|4|V4__mail.sql",
            "quarantine|3|V3__feeds_and_quarantine.sql",
            "records|1|V1__initial_schema.sql", "records|2|V2__plugins.sql", "records|7|V7__sessions_in_activity.sql",
            "records|10|V10__record_versions.sql",
            "registries|5|V5__registries.sql",
            "subscriptions|6|V6__subscriptions.sql", "subscriptions|9|V9__created_changes_need_no_notices.sql");

    private KarafProcess karaf;
    private MailServer smtp;
    private LocalHttpServer sources;
    private Http http;

    @Test
    void anInstallationUpgradedFromTheReleaseKeepsAllItsData() throws Exception {
        Properties release = ReleaseDatabase.readFacts();
        int smtpPort = Http.freePort();
        smtp = MailServer.smtp(smtpPort);
        sources = new LocalHttpServer();
        sources.serve("/" + ReleaseDatabase.FEED_FILE, 200, "text/calendar; charset=utf-8", ReleaseDatabase.feedText());

        karaf = KarafProcess.unpack("upgrade", PASSWORD);
        Path data = karaf.home().resolve("data");
        Files.createDirectories(data);
        Process tar = new ProcessBuilder("tar", "xzf", ReleaseDatabase.resource(ReleaseDatabase.ARCHIVE).toString(),
                "-C", data.toString()).inheritIO().start();
        assertEquals(0, tar.waitFor(), "unpacking the release's database");
        // The installation's own configuration, carried over as an administrator carries etc/ over.
        karaf.writeConfig("se.samverkan.mail.cfg", ReleaseDatabase.mailConfig(smtpPort, 8));
        karaf.writeConfig("se.samverkan.calendar.feed-" + ReleaseDatabase.FEED + ".cfg",
                ReleaseDatabase.feedConfig(sources.url("/" + ReleaseDatabase.FEED_FILE)));
        Instant started = Instant.now();
        http = karaf.http();
        karaf.start();
        karaf.awaitUp();
        for (String plugin : PlatformTestSupport.SHIPPED_PLUGINS) {
            String applied = karaf.awaitLogLine("Plugin " + plugin + " 0.1.0", 1);
            assertTrue(applied.contains(": APPLIED, 0 created, "), "the release's records are the plugin's: " + applied);
        }
        // The demo users (a coordinator decides the drafts) may be added after the plugins are applied.
        karaf.awaitLogLine("WARNING: DEMO MODE. These users", 1);

        // First start on the release's database: everything it showed is there, read only.
        records(release);
        feeds(release, started);
        registries(release);
        JsonNode quarantined = quarantineListed(release);
        mailListed(release);
        subscriptionsListed();
        draftsListed(release);
        karaf.stop();
        database(release, data.resolve(ReleaseDatabase.DERBY));

        // Started again, the upgraded installation goes on working with what the release left.
        karaf.start();
        karaf.awaitUp();
        discard(quarantined);
        replayDeadMail(release);
        unsubscribe(release);
        approve(release);
        Reply health = http.get("/health");
        assertEquals(200, health.status(), String.valueOf(health.body()));
        List<String> errors = KarafProcess.lines(data.resolve("log/karaf.log")).stream()
                .filter(l -> l.contains("| ERROR |")).toList();
        assertEquals(List.of(), errors, "no errors in the log of two starts");
    }

    /** As many records of each kind as the release listed; plugin state, edits and inactive records as they were. */
    private void records(Properties release) throws Exception {
        for (String kind : ReleaseDatabase.KINDS) {
            assertEquals(Integer.parseInt(release.getProperty("records." + kind)), ReleaseDatabase.count(http, kind),
                    "listed " + kind);
        }
        Reply activity = http.get("/activities/" + ReleaseDatabase.ACTIVITY);
        assertEquals(release.getProperty("activity.etag"), activity.etag(), "the activity's version");
        assertEquals("Språkcafé på lördagar", activity.body().get("title").get("sv").asText());
        assertEquals(List.of("SCHEDULED", "CANCELLED"), activity.body().findValuesAsText("status"));
        JsonNode tjorn = http.get("/municipalities/1419").body();
        assertEquals("[\"ar\",\"so\"]", tjorn.get("languages").toString());
        assertEquals("integration@tjorn.example", tjorn.get("settings").get("mail.from").asText());
        assertEquals(release.getProperty("venue.name"),
                http.get("/venues/" + ReleaseDatabase.EDITED_VENUE).body().get("name").asText(),
                "an edit of a plugin's record through the API is kept");

        // The removed plugin's records: readable by id, hidden from lists, refused for writes.
        Reply inactive = http.get("/organisations/" + ReleaseDatabase.REMOVED_ORGANISATION);
        assertEquals(200, inactive.status());
        assertFalse(http.get("/organisations").body().toString().contains(ReleaseDatabase.REMOVED_ORGANISATION));
        assertEquals(200, http.get("/municipalities/" + ReleaseDatabase.REMOVED_MUNICIPALITY).status());
        assertEquals(409, http.send("PUT", "/organisations/" + ReleaseDatabase.REMOVED_ORGANISATION,
                inactive.body().toString(), ADMIN, PASSWORD, "If-Match", inactive.etag()).status(),
                "an inactive record is refused for writes");
    }

    /** Each feed's events as the release stored them; a read after the upgrade creates no activity again. */
    private void feeds(Properties release, Instant started) throws Exception {
        JsonNode partner = karaf.await("the feed " + ReleaseDatabase.FEED + " read after the upgrade", () -> {
            JsonNode feed = feed(ReleaseDatabase.FEED);
            return feed.hasNonNull("lastSync") && Instant.parse(feed.get("lastSync").asText()).isAfter(started)
                    && !"RUNNING".equals(feed.get("state").asText()) ? feed : null;
        });
        assertEquals("OK", partner.get("state").asText(), partner.toString());
        assertEquals(0, partner.get("lastRun").get("created").asInt(), "no event became an activity again: " + partner);
        assertEquals(release.getProperty("feed." + ReleaseDatabase.FEED + ".events"), partner.get("events").asText());
        Reply sync = http.send("POST", "/admin/feeds/dalabergskyrkan/sync", null, ADMIN, PASSWORD);
        assertEquals(200, sync.status(), String.valueOf(sync.body()));
        JsonNode demo = feed("dalabergskyrkan");
        assertEquals(0, demo.get("lastRun").get("created").asInt(), demo.toString());
        assertEquals(release.getProperty("feed.dalabergskyrkan.events"), demo.get("events").asText());
        assertEquals(Integer.parseInt(release.getProperty("records.activities")), ReleaseDatabase.count(http, "activities"),
                "activities after the feeds were read again");
    }

    private JsonNode feed(String id) {
        return item(admin("/admin/feeds"), id);
    }

    /** The release's quarantined items in their states; the feed's waiting one, returned. */
    private JsonNode quarantineListed(Properties release) {
        JsonNode all = admin("/admin/quarantine?all=true");
        assertTrue(all.size() >= Integer.parseInt(release.getProperty("quarantine.all")), all.toString());
        assertEquals("DISCARDED", item(all, release.getProperty("quarantine.discarded")).get("state").asText());
        assertEquals("WAITING", item(all, release.getProperty("quarantine.mail")).get("state").asText());
        JsonNode fromFeed = item(admin("/admin/quarantine?source=feed:" + ReleaseDatabase.FEED),
                release.getProperty("quarantine.feed"));
        assertEquals("trasig-2027@sgn.example", fromFeed.get("key").asText());
        return fromFeed;
    }

    private void discard(JsonNode quarantined) {
        String id = quarantined.get("id").asText();
        Reply discarded = http.send("DELETE", "/admin/quarantine/" + id, null, ADMIN, PASSWORD);
        assertEquals(200, discarded.status(), String.valueOf(discarded.body()));
        assertEquals("DISCARDED", item(admin("/admin/quarantine?all=true"), id).get("state").asText());
    }

    private static JsonNode item(JsonNode items, String id) {
        JsonNode item = ReleaseDatabase.find(items, "id", id);
        assertNotNull(item, "no item " + id + " in " + items);
        return item;
    }

    /** The mail queue as the release left it, with its dead message. */
    private void mailListed(Properties release) {
        JsonNode all = admin("/admin/mail");
        assertTrue(all.size() >= Integer.parseInt(release.getProperty("mail.all")), all.toString());
        assertEquals("DEAD", item(all, release.getProperty("mail.dead")).get("state").asText());
    }

    private void replayDeadMail(Properties release) throws Exception {
        String dead = release.getProperty("mail.dead");
        Reply replay = http.send("POST", "/admin/mail/" + dead + "/replay", null, ADMIN, PASSWORD);
        assertEquals(200, replay.status(), String.valueOf(replay.body()));
        karaf.await("the replayed mail at the SMTP server",
                () -> smtp.messages().stream().anyMatch(m -> m.contains("To: dod@example.org")));
        karaf.await("the replayed mail SENT in the queue",
                () -> "SENT".equals(item(admin("/admin/mail"), dead).get("state").asText()));
    }

    /** The release's subscriptions in their states. */
    private void subscriptionsListed() throws Exception {
        String confirmed = karaf.client("samverkan:subscription-list --state confirmed");
        assertTrue(confirmed.contains("n***@example.org"), confirmed);
        String pending = karaf.client("samverkan:subscription-list --state pending");
        assertTrue(pending.contains("v***@example.org") && pending.contains("d***@example.org"), pending);
    }

    /** The confirmed subscriber unsubscribes by the link of the notice the release mailed. */
    private void unsubscribe(Properties release) throws Exception {
        Http.Text unsubscribed = http.textOf("POST", release.getProperty("subscription.unsubscribe"));
        assertEquals(200, unsubscribed.status(), unsubscribed.body());
        String after = karaf.client("samverkan:subscription-list --state unsubscribed");
        assertTrue(after.contains("n***@example.org"), after);
    }

    /** The registries' last runs, the municipality list in force, the register's rows and Kolada's figures. */
    private void registries(Properties release) {
        Map<String, String> runs = new HashMap<>();
        for (JsonNode registry : admin("/admin/registries")) {
            JsonNode run = registry.get("lastRun");
            runs.put(registry.get("id").asText(), run.isNull() ? "never"
                    : run.get("outcome").asText() + " " + run.get("started").asText());
        }
        for (String registry : List.of("municipalities", "kolada")) {
            assertEquals(release.getProperty("registry." + registry), runs.get(registry), registry + "'s last run");
        }
        assertTrue(runs.get("ideella-demo").startsWith("OK "), runs.toString());
        assertEquals(release.getProperty("municipalities.source"),
                http.get("/registry/municipalities").body().get("source").asText(), "the municipality list in force");
        assertEquals(Integer.parseInt(release.getProperty("register.organisations")),
                ReleaseDatabase.count(http, "registry/organisations"));
        assertEquals(release.getProperty("kpis"), http.get("/kpis?municipality=1487&kpi=N31001").body().toString());
    }

    /** The approved draft with its activity, and the pending one, as the coordinator of their municipality sees them. */
    private void draftsListed(Properties release) {
        JsonNode drafts = http.send("GET", "/admin/drafts", null, "coordinator-vanersborg", "demo-vanersborg").body();
        assertEquals("APPROVED", item(drafts, release.getProperty("draft.approved")).get("state").asText());
        assertEquals(200, http.get("/activities/" + release.getProperty("draft.approved.activity")).status());
        assertEquals("PENDING", item(drafts, release.getProperty("draft.pending")).get("state").asText());
    }

    /** The coordinator approves the pending draft: its activity is created. */
    private void approve(Properties release) {
        String pending = release.getProperty("draft.pending");
        Reply approve = http.send("POST", "/admin/drafts/" + pending + "/approve", null, "coordinator-vanersborg",
                "demo-vanersborg");
        assertEquals(200, approve.status(), String.valueOf(approve.body()));
        assertEquals(200, http.get("/activities/" + approve.body().get("activity").get("id").asText()).status());
    }

    /**
     * Read directly once the distribution has stopped: every owner recorded the release's scripts as its own, with
     * the release's dates; the old history is left as it was; no table has fewer rows than the release left.
     */
    private static void database(Properties release, Path derby) throws Exception {
        Map<String, String> legacyDates = new HashMap<>();
        for (String row : release.getProperty("schema_version").split(",")) {
            String[] columns = row.split("\\|");
            legacyDates.put(columns[0] + "|" + columns[1], columns[2]);
        }
        List<String> expected = new ArrayList<>();
        for (String owned : OWNED_SCRIPTS) {
            String[] columns = owned.split("\\|");
            String date = legacyDates.get(columns[1] + "|" + columns[2]);
            assertNotNull(date, "the release ran " + owned);
            expected.add(owned + "|" + date);
        }
        assertEquals(expected, ReleaseDatabase.query(derby,
                "SELECT owner, version, script, applied_at FROM schema_migration ORDER BY owner, version"));
        assertEquals(release.getProperty("schema_version"), String.join(",", ReleaseDatabase.query(derby,
                "SELECT version, script, applied_at FROM schema_version ORDER BY version")));
        Map<String, Long> now = ReleaseDatabase.tableRows(derby);
        List<String> fewer = new ArrayList<>();
        for (String key : release.stringPropertyNames()) {
            if (key.startsWith("table.")) {
                String table = key.substring("table.".length());
                long before = Long.parseLong(release.getProperty(key));
                if (now.getOrDefault(table, -1L) < before) {
                    fewer.add(table + ": " + before + " before, " + now.get(table) + " after");
                }
            }
        }
        assertEquals(List.of(), fewer, "tables with fewer rows than the release left");
    }

    private JsonNode admin(String path) {
        return ReleaseDatabase.admin(http, path);
    }

    @AfterEach
    void tearDown() throws Exception {
        for (AutoCloseable open : new AutoCloseable[] {karaf, sources, smtp}) {
            if (open != null) {
                open.close();
            }
        }
    }
}
