package se.samverkan.mail.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BooleanSupplier;

import javax.mail.Multipart;
import javax.mail.Part;
import javax.mail.internet.MimeMessage;

import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

import se.samverkan.api.mail.OutgoingMail;
import se.samverkan.api.mail.QueuedMail;
import se.samverkan.api.mail.QueuedMail.State;
import se.samverkan.api.security.Caller;

/** A real SMTP server (GreenMail, in-process) and the sender's real Camel route. */
class MailSenderTest {

    private final int port = freePort();
    private final InMemoryMailQueue queue = new InMemoryMailQueue();
    /** Every message any of this test's SMTP servers received. */
    private final List<MimeMessage> received = new ArrayList<>();
    private GreenMail smtp;
    private DefaultCamelContext camel;

    @AfterEach
    void tearDown() {
        if (camel != null) {
            camel.stop();
        }
        stopSmtp();
    }

    @Test
    void aMessageArrivesAsMultipartUtf8WithItsHeaders() throws Exception {
        startSmtp();
        startSender(8);
        QueuedMail q = queue.queue(new OutgoingMail("digest-2026-11-24-anna", "anna@example.se",
                "Veckans aktiviteter i Örebro län – مرحبا", "Hej Anna!\nSimning på tisdag. Åäö.",
                "<html dir=\"rtl\" lang=\"ar\"><body><p>مرحبا آنا</p></body></html>",
                "https://samverkan.example/avregistrera/abc123", "ar"));
        await(() -> queue.find(q.id()).orElseThrow().state() == State.SENT, "the message is sent");

        List<MimeMessage> got = collect();
        assertEquals(1, got.size());
        MimeMessage m = got.get(0);
        assertEquals("<digest-2026-11-24-anna@samverkan>", m.getMessageID());
        assertEquals("Veckans aktiviteter i Örebro län – مرحبا", m.getSubject());
        assertEquals("ar", m.getHeader("Content-Language", null));
        assertEquals("<https://samverkan.example/avregistrera/abc123>", m.getHeader("List-Unsubscribe", null));
        assertEquals("List-Unsubscribe=One-Click", m.getHeader("List-Unsubscribe-Post", null));
        assertEquals("anna@example.se", m.getAllRecipients()[0].toString());
        assertTrue(m.getFrom()[0].toString().contains("noreply@samverkan.test"));
        assertTrue(m.isMimeType("multipart/alternative"), m.getContentType());
        Multipart parts = (Multipart) m.getContent();
        assertEquals(2, parts.getCount());
        Part text = parts.getBodyPart(0);
        Part html = parts.getBodyPart(1);
        assertTrue(text.isMimeType("text/plain"));
        assertTrue(text.getContentType().toLowerCase().contains("charset=utf-8"), text.getContentType());
        assertEquals("Hej Anna!\nSimning på tisdag. Åäö.", ((String) text.getContent()).replace("\r\n", "\n"));
        assertTrue(html.isMimeType("text/html"));
        assertTrue(html.getContentType().toLowerCase().contains("charset=utf-8"), html.getContentType());
        assertTrue(((String) html.getContent()).contains("dir=\"rtl\""));
        assertTrue(((String) html.getContent()).contains("مرحبا آنا"));

        QueuedMail sent = queue.find(q.id()).orElseThrow();
        assertEquals(1, sent.attempts());
        assertNotNull(sent.sentAt());
        assertEquals(sent, queue.queue(new OutgoingMail("digest-2026-11-24-anna", "anna@example.se", "igen", "t",
                "<p>h</p>", null, "sv")), "the same key queued again is the sent message");
    }

    @Test
    void withoutAnUnsubscribeUrlThereIsNoListUnsubscribe() throws Exception {
        startSmtp();
        startSender(8);
        QueuedMail q = queue.queue(new OutgoingMail("welcome-42", "bo@example.se", "Välkommen", "Hej", "<p>Hej</p>",
                null, "sv"));
        await(() -> queue.find(q.id()).orElseThrow().state() == State.SENT, "the message is sent");
        MimeMessage m = collect().get(0);
        assertNull(m.getHeader("List-Unsubscribe"));
        assertNull(m.getHeader("List-Unsubscribe-Post"));
        assertEquals("<welcome-42@samverkan>", m.getMessageID());
    }

    @Test
    void everyQueuedMessageIsDeliveredExactlyOnceAfterTheServerComesBack() throws Exception {
        startSmtp();
        startSender(100);
        for (int i = 0; i < 5; i++) {
            queue.queue(mail("before-" + i));
        }
        await(() -> queue.list(State.SENT).size() == 5, "the first five are sent");

        stopSmtp();
        for (int i = 0; i < 10; i++) {
            queue.queue(mail("during-" + i));
        }
        queue.queue(mail("during-3"));
        await(() -> queue.list(null).stream().filter(q -> q.idempotencyKey().startsWith("during-"))
                .allMatch(q -> q.attempts() >= 2), "every message was tried while the server is down");
        for (QueuedMail q : queue.list(null)) {
            if (q.idempotencyKey().startsWith("during-")) {
                assertTrue(q.state() == State.QUEUED || q.state() == State.SENDING, q.toString());
                assertNotNull(q.lastError(), q.toString());
                assertNull(q.sentAt());
            }
        }
        assertEquals(5, collect().size(), "nothing arrived while the server was down");

        startSmtp();
        await(() -> queue.list(State.SENT).size() == 15, "all fifteen are sent after the server is back");
        Thread.sleep(500); // a few more polls: nothing is sent twice
        Map<String, Integer> perMessageId = new TreeMap<>();
        for (MimeMessage m : collect()) {
            perMessageId.merge(m.getMessageID(), 1, Integer::sum);
        }
        assertEquals(15, perMessageId.size(), perMessageId.toString());
        assertTrue(perMessageId.values().stream().allMatch(n -> n == 1), "each exactly once: " + perMessageId);
        assertTrue(perMessageId.containsKey("<during-9@samverkan>"));
        assertTrue(queue.list(State.DEAD).isEmpty());
    }

    @Test
    void aMessageThatKeepsFailingGoesDeadAndIsSentAfterReplay() throws Exception {
        startSender(3);
        QueuedMail q = queue.queue(mail("doomed-1"));
        await(() -> queue.find(q.id()).orElseThrow().state() == State.DEAD, "the message goes dead");
        QueuedMail dead = queue.find(q.id()).orElseThrow();
        assertEquals(3, dead.attempts());
        assertTrue(dead.lastError().contains("onnect"), dead.lastError());
        Thread.sleep(300);
        assertEquals(3, queue.find(q.id()).orElseThrow().attempts(), "a dead message is not tried again");

        startSmtp();
        QueuedMail replayed = queue.replay(Caller.SYSTEM, q.id());
        assertEquals(State.QUEUED, replayed.state());
        assertEquals(0, replayed.attempts());
        await(() -> queue.find(q.id()).orElseThrow().state() == State.SENT, "the replayed message is sent");
        List<MimeMessage> got = collect();
        assertEquals(1, got.size());
        assertEquals("<doomed-1@samverkan>", got.get(0).getMessageID());
    }

    @Test
    void theTextOfSentMailIsClearedOnceItsKeepingTimeIsOverAndTheKeyStillSendsNothingTwice() throws Exception {
        startSmtp();
        startSender(settings(8, Duration.ZERO));
        QueuedMail q = queue.queue(mail("forget-1"));
        await(() -> queue.content(q.id()).html().isEmpty(), "the sent mail's text cleared");
        assertEquals(State.SENT, queue.find(q.id()).orElseThrow().state());
        assertEquals(1, collect().size());
        OutgoingMail kept = queue.content(q.id());
        assertEquals(Arrays.asList("", null, "Ämne forget-1", "user-forget-1@example.se"),
                Arrays.asList(kept.text(), kept.unsubscribeUrl(), kept.subject(), kept.to()));
        assertEquals(State.SENT, queue.queue(mail("forget-1")).state(), "queuing the key again is the sent one");
        Thread.sleep(200);
        assertEquals(1, collect().size(), "and nothing is sent again");
    }

    @Test
    void backoffDoublesAndIsCapped() {
        MailSettings s = settings(8);
        assertEquals(Duration.ofMillis(50), s.delayAfter(1));
        assertEquals(Duration.ofMillis(100), s.delayAfter(2));
        assertEquals(Duration.ofMillis(400), s.delayAfter(4));
        MailSettings slow = new MailSettings("localhost", 25, "", "", false, "a@b.se", Duration.ofSeconds(5), 20, 8,
                Duration.ofSeconds(60), Duration.ofSeconds(30), Duration.ofDays(30));
        assertEquals(Duration.ofMinutes(2), slow.delayAfter(2));
        assertEquals(MailSettings.MAX_DELAY, slow.delayAfter(60));
        assertEquals("samverkan.test", s.heloName(), "EHLO with the From address's domain");
        assertTrue(s.endpointUri().contains("mail.smtp.localhost=samverkan.test"), s.endpointUri());
        assertFalse(new MailSettings("localhost", 25, "u", "p&w=rd", true, "a@b.se", Duration.ofSeconds(5), 20, 8,
                Duration.ofSeconds(60), Duration.ofSeconds(30), Duration.ofDays(30)).safeUri().contains("p&w=rd"));
    }

    private static OutgoingMail mail(String key) {
        return new OutgoingMail(key, "user-" + key + "@example.se", "Ämne " + key, "Text " + key,
                "<p>HTML " + key + "</p>", "https://samverkan.example/u/" + key, "sv");
    }

    private MailSettings settings(int maxAttempts) {
        return settings(maxAttempts, Duration.ofDays(30));
    }

    private MailSettings settings(int maxAttempts, Duration keepSent) {
        return new MailSettings("127.0.0.1", port, "", "", false, "Samverkan <noreply@samverkan.test>",
                Duration.ofMillis(50), 4, maxAttempts, Duration.ofMillis(50), Duration.ofSeconds(5), keepSent);
    }

    private void startSender(int maxAttempts) throws Exception {
        startSender(settings(maxAttempts));
    }

    private void startSender(MailSettings settings) throws Exception {
        camel = new DefaultCamelContext();
        camel.start();
        camel.addRoutes(new MailSender(settings, queue, Clock.systemUTC()));
    }

    private void startSmtp() {
        smtp = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
    }

    private void stopSmtp() {
        if (smtp != null) {
            received.addAll(List.of(smtp.getReceivedMessages()));
            smtp.stop();
            smtp = null;
        }
    }

    /** What all servers received so far. */
    private List<MimeMessage> collect() {
        List<MimeMessage> all = new ArrayList<>(received);
        if (smtp != null) {
            all.addAll(List.of(smtp.getReceivedMessages()));
        }
        return all;
    }

    static void await(BooleanSupplier condition, String what) throws InterruptedException {
        long end = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) {
                throw new AssertionError("timed out waiting until " + what);
            }
            Thread.sleep(20);
        }
    }

    static int freePort() {
        try (ServerSocket s = new ServerSocket(0)) {
            s.setReuseAddress(true);
            return s.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
