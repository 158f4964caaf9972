package se.samverkan.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.inject.Inject;

import org.junit.Test;

import se.samverkan.api.mail.MailQueue;
import se.samverkan.api.mail.OutgoingMail;
import se.samverkan.api.mail.QueuedMail;
import se.samverkan.api.model.Activity;
import se.samverkan.api.model.ActivityCategory;
import se.samverkan.api.model.FocusArea;
import se.samverkan.api.model.Occurrence;
import se.samverkan.api.model.OccurrenceStatus;
import se.samverkan.api.security.Caller;

/**
 * Outgoing mail in the distribution, sent through its real mail route to an SMTP server the test runs: the
 * durable queue, and the subscriptions that mail their confirmations and notices.
 */
public class MailIT extends PlatformTestSupport {

    private static final String MAIL_PID = "se.samverkan.mail";

    @Inject
    private MailQueue mailQueue;

    /**
     * The mail queue in the distribution: with the SMTP server down, queued messages wait with their error;
     * once a server listens on the configured port, each arrives exactly once, with its Message-ID.
     */
    @Test
    public void queuedMailWaitsForTheSmtpServerAndArrivesOnce() throws Exception {
        int port = Http.freePort();
        configure(MAIL_PID, Map.of("host", "localhost", "port", String.valueOf(port), "pollSeconds", "1",
                "retryDelaySeconds", "1", "from", "Samverkan <noreply@samverkan.example>"));
        for (int i = 1; i <= 3; i++) {
            mailQueue.queue(new OutgoingMail("itest-queue-" + i, "nyckelperson" + i + "@queue.example.org",
                    "Nya aktiviteter " + i, "Nya aktiviteter i Götene.", "<p>Nya aktiviteter i Götene.</p>", null, "sv"));
        }
        mailQueue.queue(new OutgoingMail("itest-queue-1", "nyckelperson1@queue.example.org", "Again", "x", "<p>x</p>",
                null, "sv"));
        await("the first attempts failed", () -> queued(null), mails -> mails.stream()
                .filter(m -> m.attempts() >= 1 && m.lastError() != null && m.state() == QueuedMail.State.QUEUED).count() == 3);
        assertTrue(executeCommand("samverkan:mail-queue").contains("nyckelperson2@queue.example.org"));

        try (MailServer smtp = MailServer.smtp(port)) {
            await("every message sent", () -> queued(QueuedMail.State.SENT), sent -> sent.size() == 3);
            List<String> messages = smtp.messages().stream().filter(m -> m.contains("@queue.example.org")).toList();
            for (int i = 1; i <= 3; i++) {
                String id = "Message-ID: <itest-queue-" + i + "@samverkan>";
                assertEquals(id, 1, messages.stream().filter(m -> m.contains(id)).count());
            }
            assertEquals(3, messages.size());
        }
    }

    /** This test's messages in the queue, in the state given (null: any). */
    private List<QueuedMail> queued(QueuedMail.State state) {
        return mailQueue.list(state).stream().filter(m -> m.idempotencyKey().startsWith("itest-queue-")).toList();
    }

    /**
     * Subscriptions in the distribution: subscribe over REST without a login, follow the link of the real
     * confirmation mail to its page and confirm with its button, cancel an occurrence of a matching activity and find
     * the notice at the SMTP server with its one-click unsubscribe header, then unsubscribe by that header's URL.
     */
    @Test
    public void aSubscriberConfirmsByMailGetsANoticeOfACancelledOccurrenceAndUnsubscribesInOneClick() throws Exception {
        int port = Http.freePort();
        try (MailServer smtp = MailServer.smtp(port)) {
            configure(MAIL_PID, Map.of("host", "localhost", "port", String.valueOf(port), "pollSeconds", "1"));

            String request = "{\"email\": \"nyckelperson@example.org\", \"language\": \"sv\", \"municipalities\": [\"1487\"]}";
            await("the subscription accepted", () -> http.send("POST", "/subscriptions", request, null, null).status(),
                    status -> status == 202);
            assertEquals(400, http.send("POST", "/subscriptions", "{\"email\": \"no address\"}", null, null).status());
            String confirmation = awaitMessage(smtp, "Message-ID: <confirm-");
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

            // An activity of this test's own, with an occurrence ahead (an occurrence past is no news to a subscriber).
            OffsetDateTime start = OffsetDateTime.now(Activity.ZONE).plusDays(14).truncatedTo(ChronoUnit.HOURS);
            activityService.create(Caller.SYSTEM, new Activity("itest-notice", Map.of("sv", "Språkcafé"), Map.of(),
                    ActivityCategory.SWEDISH_LANGUAGE_PRACTICE, FocusArea.SOCIAL, Set.of(), Set.of("sv"), "1487",
                    List.of(), null, null, null, null, null,
                    List.of(new Occurrence(null, start, start.plusHours(2), OccurrenceStatus.SCHEDULED))));
            Activity activity = activityService.get("itest-notice");
            List<Occurrence> occurrences = new ArrayList<>(activity.occurrences());
            Occurrence first = occurrences.stream().filter(o -> o.status() == OccurrenceStatus.SCHEDULED).findFirst().orElseThrow();
            occurrences.set(occurrences.indexOf(first), new Occurrence(first.id(), first.start(), first.end(),
                    OccurrenceStatus.CANCELLED));
            activityService.update(Caller.SYSTEM, activity.id(), new Activity(activity.id(), activity.title(),
                    activity.description(), activity.category(), activity.focusArea(), activity.targetGroups(),
                    activity.languages(), activity.municipalityCode(), activity.organiserIds(), activity.agreementId(),
                    activity.programmeId(), activity.venueId(), activity.capacity(), activity.costSek(), occurrences));

            String notice = awaitMessage(smtp, "Message-ID: <notice-");
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

    private String awaitMessage(MailServer smtp, String header) throws InterruptedException {
        return await("a message with " + header, smtp::messages, messages -> messages.stream()
                .anyMatch(m -> m.contains(header))).stream().filter(m -> m.contains(header)).findFirst().orElseThrow();
    }
}
