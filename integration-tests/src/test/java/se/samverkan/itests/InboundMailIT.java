package se.samverkan.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;

import javax.mail.internet.MimeMessage;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.user.GreenMailUser;

import se.samverkan.itests.Http.Reply;

/**
 * A partner's mail in the IMAP mailbox becomes a draft activity in the running distribution, which the coordinator
 * of its municipality approves: the real inbound route, configured by its {@code .cfg} in etc/, reads a mailbox
 * this test serves (GreenMail), and everything else is seen the way users see it: over REST and in the mailbox.
 */
class InboundMailIT {

    private static final String PASSWORD = "inbound-secret";
    private static final String MAILBOX = "kurser@samverkan.test";
    private static final String PARTNER = "kurser@sgn.example";
    private static final String STRANGER = "okand@example.com";
    private static final String ICS_MAIL = "<kurs-1@sgn.example>";
    private static final String SPAM_MAIL = "<spam-1@example.com>";
    private static final String TITLE = "Cykelkurs för nyanlända kvinnor";
    private static final String EVENT_UID = "cykelkurs-2027@sgn.example";
    /** Within the calendar import's window whenever the test runs. */
    private static final OffsetDateTime COURSE = OffsetDateTime.now(ZoneOffset.UTC).plusDays(60)
            .truncatedTo(ChronoUnit.HOURS);
    private static final DateTimeFormatter ICS_UTC = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'");

    private KarafProcess karaf;
    private MailServer mailServer;

    @Test
    void aPartnersMailBecomesADraftTheCoordinatorApprovesAndAStrangersIsQuarantined() throws Exception {
        int imapPort = Http.freePort();
        mailServer = MailServer.imap(imapPort);
        GreenMailUser mailbox = mailServer.mailbox(MAILBOX, "kurser", "hemligt");

        karaf = KarafProcess.unpack("inbound", PASSWORD);
        // Replaces the feature's default (host empty: off) before the first start, as an administrator would.
        // Support Group Network works in Vänersborg and Trollhättan, so its sender entry names Vänersborg.
        writeConfig(imapPort, PARTNER + "=support-group-network:1487");
        Http http = karaf.http();
        karaf.start();
        karaf.awaitUp();
        // The sender's organisation comes with the demo plugins, applied after the route starts on a first boot;
        // a mail read before then would be quarantined ("organisation ... does not exist") until replayed.
        karaf.await("the demo organisation support-group-network in Vänersborg", () -> {
            Reply sgn = http.get("/organisations/support-group-network");
            return sgn.status() == 200 && sgn.body().get("municipalityCodes").toString().contains("1487");
        });

        mailbox.deliver(withIcs(PARTNER, ICS_MAIL));
        mailbox.deliver(plain(STRANGER, SPAM_MAIL, "Köp nu", "Erbjudande"));

        // Seen only once the draft is stored: whenever the mailbox shows the mail seen, the draft is there.
        JsonNode draft = karaf.await("a draft '" + TITLE + "' with its mail seen", () -> {
            boolean seenBefore = mailServer.seen(mailbox, ICS_MAIL);
            JsonNode stored = draftTitled(http, "coordinator-vanersborg", "demo-vanersborg");
            assertFalse(seenBefore && stored == null, "the mail was marked seen before its draft was stored");
            return stored != null && mailServer.seen(mailbox, ICS_MAIL) ? stored : null;
        });
        assertEquals("PENDING", draft.get("state").asText());
        assertEquals(PARTNER, draft.get("sender").asText());
        assertEquals("Ny kurs i december", draft.get("subject").asText());
        assertEquals("1487", draft.get("municipalityCode").asText());
        assertEquals("support-group-network", draft.get("organisationId").asText());
        long id = draft.get("id").asLong();
        assertEquals(id, draftTitled(http, "admin", PASSWORD).get("id").asLong(), "an administrator sees it too");
        assertEquals(null, draftTitled(http, "coordinator-trollhattan", "demo-trollhattan"),
                "a coordinator of another municipality does not see it");
        assertEquals(404, http.send("POST", "/admin/drafts/" + id + "/approve", null, "coordinator-trollhattan",
                "demo-trollhattan").status(), "nor may approve it: answered as a missing draft, which reveals nothing");

        Reply approved = http.send("POST", "/admin/drafts/" + id + "/approve", null, "coordinator-vanersborg",
                "demo-vanersborg");
        assertEquals(200, approved.status(), String.valueOf(approved.body()));
        assertEquals("APPROVED", approved.body().get("state").asText());
        assertEquals("coordinator-vanersborg", approved.body().get("decidedBy").asText());
        String activityId = approved.body().get("activity").get("id").asText();
        Reply activity = http.get("/activities/" + activityId);
        assertEquals(200, activity.status(), "GET /activities/" + activityId);
        assertEquals(TITLE, activity.body().get("title").get("sv").asText());
        assertEquals("1487", activity.body().get("municipalityCode").asText());
        assertEquals(COURSE.toInstant(),
                OffsetDateTime.parse(activity.body().get("occurrences").get(0).get("start").asText()).toInstant(),
                "the event's time");
        Reply search = http.get("/activities?municipality=1487&q=cykelkurs+nyanlanda");
        assertEquals(200, search.status());
        assertTrue(search.body().get("items").toString().contains("\"" + activityId + "\""),
                "found by search: " + search.body());
        assertEquals(409, http.send("POST", "/admin/drafts/" + id + "/approve", null, "coordinator-vanersborg",
                "demo-vanersborg").status(), "approved once");

        JsonNode quarantined = karaf.await("the stranger's mail in the quarantine", () -> {
            Reply list = http.send("GET", "/admin/quarantine?source=mail:inbound", null, "admin", PASSWORD);
            assertEquals(200, list.status());
            for (JsonNode item : list.body()) {
                if (SPAM_MAIL.equals(item.get("key").asText())) {
                    return item;
                }
            }
            return null;
        });
        assertTrue(quarantined.get("reason").asText().contains("unknown sender " + STRANGER),
                quarantined.get("reason").asText());
        assertTrue(quarantined.get("raw").asText().contains("Erbjudande"), "the mail is kept whole");
        karaf.await("the quarantined mail marked seen", () -> mailServer.seen(mailbox, SPAM_MAIL));
        assertEquals(403, http.send("GET", "/admin/quarantine", null, "coordinator-vanersborg", "demo-vanersborg")
                .status(), "the quarantine is for administrators");
        assertEquals(1, http.send("GET", "/admin/drafts", null, "admin", PASSWORD).body().size(),
                "the stranger's mail made no draft, and the partner's one");

        // The administrator adds the sender in the running platform, then replays the mail from the quarantine.
        writeConfig(imapPort, PARTNER + "=support-group-network:1487, " + STRANGER + "=support-group-network:1488");
        long quarantineId = quarantined.get("id").asLong();
        Reply replayed = karaf.await("a replay taken once the new configuration is in force", () -> {
            Reply r = http.send("POST", "/admin/quarantine/" + quarantineId + "/replay", null, "admin", PASSWORD);
            return r.status() == 200 ? r : null;
        });
        assertEquals("REPLAYED", replayed.body().get("state").asText(), String.valueOf(replayed.body()));
        JsonNode fromReplay = null;
        for (JsonNode d : http.send("GET", "/admin/drafts", null, "coordinator-trollhattan", "demo-trollhattan").body()) {
            fromReplay = STRANGER.equals(d.get("sender").asText()) ? d : fromReplay;
        }
        assertTrue(fromReplay != null && "Köp nu".equals(fromReplay.get("subject").asText())
                && "1488".equals(fromReplay.get("municipalityCode").asText()),
                "the replayed mail is a draft for Trollhättan: " + fromReplay);
        assertEquals(null, draftTitled(http, "coordinator-trollhattan", "demo-trollhattan"),
                "and still not the other one");
    }

    private void writeConfig(int imapPort, String senders) throws Exception {
        karaf.writeConfig("se.samverkan.mail.inbound.cfg", List.of(
                "host = 127.0.0.1",
                "port = " + imapPort,
                "ssl = false",
                "username = kurser",
                "password = hemligt",
                "folder = INBOX",
                "moveTo =",
                "pollSeconds = 1",
                "senders = " + senders));
    }

    /** The draft with the event's title among those the user sees, else null. */
    private static JsonNode draftTitled(Http http, String user, String password) {
        Reply drafts = http.send("GET", "/admin/drafts", null, user, password);
        assertEquals(200, drafts.status(), user + ": GET /admin/drafts");
        for (JsonNode d : drafts.body()) {
            if (TITLE.equals(d.get("activity").get("title").get("sv").asText())) {
                return d;
            }
        }
        return null;
    }

    private static MimeMessage withIcs(String from, String messageId) throws Exception {
        String calendar = String.join("\r\n", "BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//SGN//Kurser//SV",
                "BEGIN:VEVENT", "UID:" + EVENT_UID, "DTSTAMP:20261120T120000Z",
                "DTSTART:" + ICS_UTC.format(COURSE), "DTEND:" + ICS_UTC.format(COURSE.plusHours(2)),
                "SUMMARY;LANGUAGE=sv:" + TITLE,
                "DESCRIPTION:Vi lär ut cykling på lördagar.", "END:VEVENT", "END:VCALENDAR", "");
        return MailServer.message(from, MAILBOX, messageId, "Ny kurs i december", "Hej! Här är vår nya kurs.", calendar);
    }

    private static MimeMessage plain(String from, String messageId, String subject, String body) throws Exception {
        return MailServer.message(from, MAILBOX, messageId, subject, body, null);
    }

    @AfterEach
    void tearDown() throws Exception {
        try {
            if (karaf != null) {
                karaf.close();
            }
        } finally {
            if (mailServer != null) {
                mailServer.close();
            }
        }
    }
}
