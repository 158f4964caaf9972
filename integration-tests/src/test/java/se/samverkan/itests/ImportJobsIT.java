package se.samverkan.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import javax.inject.Inject;
import javax.sql.DataSource;

import org.junit.Test;
import org.ops4j.pax.exam.util.Filter;

import com.fasterxml.jackson.databind.JsonNode;

import se.samverkan.api.model.Activity;
import se.samverkan.calendar.ICalendarImport;
import se.samverkan.itests.Http.Reply;

/**
 * The import jobs of the distribution through the one service REST and the console use: calendar feeds,
 * registries, the course catalogue and inbound mail listed together, a feed run now, and a quarantined event
 * replayed through the job its source names, each run and replay audited under the administrator's name.
 */
public class ImportJobsIT extends PlatformTestSupport {

    private static final String JOB = "feed:itest-jobs";
    private static final String VENUE = "itest-jobs-lokal";

    @Inject
    @Filter("(osgi.jndi.service.name=jdbc/samverkan)")
    private DataSource dataSource;

    @Test
    public void everyKindOfImportIsAJobThatRunsNowAndReplaysItsQuarantine() throws Exception {
        JsonNode jobs = http.send("GET", "/admin/jobs", null, ADMIN, ADMIN_PASSWORD).body();
        assertTrue(jobs.toString(), jobs.findValuesAsText("id").containsAll(List.of("feed:dalabergskyrkan",
                "registry:municipalities", "registry:kolada", "registry:ideella-demo", "catalogue:sv-orebro",
                "mail:inbound")));
        assertTrue(jobs.findValuesAsText("kind").containsAll(List.of("feed", "registry", "catalogue", "mail")));
        assertEquals(401, http.get("/admin/jobs").status());
        assertEquals(403, http.send("GET", "/admin/jobs", null, "coordinator-vanersborg", "demo-vanersborg").status());
        assertEquals(404, http.send("GET", "/admin/jobs/feed:okand", null, ADMIN, ADMIN_PASSWORD).status());
        Reply off = http.send("POST", "/admin/jobs/mail:inbound/run", "", ADMIN, ADMIN_PASSWORD);
        assertEquals("inbound mail is off in the demo", 409, off.status());
        Reply catalogue = http.send("POST", "/admin/jobs/catalogue:sv-orebro/run", "", ADMIN, ADMIN_PASSWORD);
        assertTrue("a plugin's route polled now (or found polling): " + catalogue.body(), List.of("OK", "RUNNING")
                .contains(catalogue.body().get("lastRun").get("outcome").asText()));

        // A feed that reads only when asked; its one event names a venue that is not there yet.
        Path folder = Paths.get(System.getProperty("karaf.data"), "samverkan", "feeds", "itest-jobs");
        Files.createDirectories(folder);
        String day = DateTimeFormatter.BASIC_ISO_DATE.format(LocalDate.now(Activity.ZONE).plusDays(7));
        Files.writeString(folder.resolve("kalender.ics"), "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//IT//SV\r\n"
                + "BEGIN:VEVENT\r\nUID:sagostund@it\r\nDTSTAMP:20260101T000000Z\r\nDTSTART;TZID=Europe/Stockholm:" + day
                + "T100000\r\nDTEND;TZID=Europe/Stockholm:" + day + "T110000\r\nSUMMARY:Sagostund\r\nEND:VEVENT\r\n"
                + "END:VCALENDAR\r\n", StandardCharsets.UTF_8);
        configureFactory("se.samverkan.feeds.feed", Map.of("id", "itest-jobs", "folder", folder.toString(),
                "organisation", "radda-barnen", "municipality", "1882", "venue", VENUE, "startDelaySeconds", "3600",
                "pollSeconds", "3600"));
        await(JOB + " listed", () -> http.send("GET", "/admin/jobs/" + JOB, null, ADMIN, ADMIN_PASSWORD),
                reply -> reply.status() == 200);

        assertEquals(403, http.send("POST", "/admin/jobs/" + JOB + "/run", "", "coordinator-vanersborg",
                "demo-vanersborg").status());
        Reply run = http.send("POST", "/admin/jobs/" + JOB + "/run", "", ADMIN, ADMIN_PASSWORD);
        assertEquals(200, run.status());
        JsonNode lastRun = run.body().get("lastRun");
        assertEquals(run.body().toString(), "OK", lastRun.get("outcome").asText());
        assertEquals("the event refused: its venue is missing", 1, lastRun.get("counts").get("rejected").asInt());
        assertEquals(JOB, run.body().get("quarantineSource").asText());
        String listed = executeCommand("samverkan:job-list");
        assertTrue(listed, listed.lines().anyMatch(l -> l.startsWith(JOB) && l.contains("| ok")
                && l.contains("0 new, 0 changed, 0 unchanged, 0 removed, 1 rejected")));

        JsonNode item = http.send("GET", "/admin/quarantine?source=" + JOB, null, ADMIN, ADMIN_PASSWORD).body().get(0);
        long id = item.get("id").asLong();
        Reply stillRefused = http.send("POST", "/admin/quarantine/" + id + "/replay", "", ADMIN, ADMIN_PASSWORD);
        assertEquals(409, stillRefused.status());
        assertEquals(201, http.send("POST", "/venues", "{\"id\":\"" + VENUE + "\",\"name\":\"Biblioteket\","
                + "\"address\":\"Storgatan 1\",\"municipalityCode\":\"1882\",\"accessibility\":[]}", ADMIN,
                ADMIN_PASSWORD).status());
        Reply replayed = http.send("POST", "/admin/quarantine/" + id + "/replay", "", ADMIN, ADMIN_PASSWORD);
        assertEquals(String.valueOf(replayed.body()), "REPLAYED", replayed.body().get("state").asText());
        assertEquals(VENUE, activityService.get(ICalendarImport.activityId("itest-jobs", "sagostund@it")).venueId());

        String ranAgain = executeCommand("samverkan:job-run " + JOB);
        assertTrue(ranAgain, ranAgain.contains("| ok") && ranAgain.contains("0 rejected"));
        assertEquals(List.of(ADMIN + " RUN import_job " + JOB, ADMIN + " REPLAY quarantine " + id,
                ADMIN + " RUN import_job " + JOB), audit("import_job", JOB, "quarantine", String.valueOf(id)));
    }

    /** Who did what to these two records, oldest first. */
    private List<String> audit(String kind, String recordId, String otherKind, String otherId) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); ResultSet rs = c.createStatement().executeQuery(
                "SELECT actor, operation, kind, record_id FROM audit_log WHERE (kind = '" + kind + "' AND record_id = '"
                        + recordId + "') OR (kind = '" + otherKind + "' AND record_id = '" + otherId + "') ORDER BY id")) {
            while (rs.next()) {
                rows.add(rs.getString(1) + " " + rs.getString(2) + " " + rs.getString(3) + " " + rs.getString(4));
            }
        }
        return rows;
    }
}
