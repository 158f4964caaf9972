package se.samverkan.mail.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import se.samverkan.api.mail.OutgoingMail;
import se.samverkan.api.mail.QueuedMail;
import se.samverkan.api.mail.QueuedMail.State;
import se.samverkan.api.security.Caller;
import se.samverkan.api.service.AccessDeniedException;
import se.samverkan.api.service.ConflictException;
import se.samverkan.api.service.NotFoundException;
import se.samverkan.mail.internal.MailOutbox.Claimed;
import se.samverkan.persistence.internal.DerbyDatabase;

class MailQueueTest {

    private final DerbyDatabase db = new DerbyDatabase();
    private final MailQueueImpl queue = new MailQueueImpl(db.schema);

    MailQueueTest() throws Exception {
    }

    @AfterEach
    void close() {
        db.close();
    }

    private static OutgoingMail mail(String key) {
        return new OutgoingMail(key, "anna@example.se", "Veckans aktiviteter – " + key, "Hej Anna! Å Ä Ö",
                "<p dir=\"rtl\">مرحبا</p>", "https://samverkan.example/unsubscribe/abc", "ar");
    }

    @Test
    void theSameKeyIsOneMessageAndTheContentSurvives() throws Exception {
        QueuedMail first = queue.queue(mail("digest-1"));
        QueuedMail again = queue.queue(new OutgoingMail("digest-1", "other@example.se", "x", "y", "z", null, null));
        assertEquals(first, again, "the same idempotency key is the same message");
        assertEquals(State.QUEUED, first.state());
        assertEquals(0, first.attempts());
        assertEquals(1, queue.list(null).size());

        List<Claimed> claimed = queue.claimDue(10, Instant.now().plusSeconds(1));
        assertEquals(1, claimed.size());
        assertEquals(mail("digest-1"), claimed.get(0).mail(), "CLOB content, UTF-8 and Arabic intact");
        assertEquals(State.SENDING, queue.find(first.id()).orElseThrow().state());
        assertEquals(List.of(), queue.claimDue(10, Instant.now().plusSeconds(1)), "a claimed row is not claimed again");

        Instant sent = Instant.parse("2026-11-24T08:00:00Z");
        queue.markSent(first.id(), sent);
        QueuedMail done = queue.find(first.id()).orElseThrow();
        assertEquals(State.SENT, done.state());
        assertEquals(1, done.attempts());
        assertEquals(sent, done.sentAt());
        assertEquals(done, queue.queue(mail("digest-1")), "queuing a sent key again sends nothing");
        assertEquals(List.of(), queue.claimDue(10, Instant.now().plusSeconds(1)));
    }

    @Test
    void aWithdrawnFamilyIsNeverSentAndNeighboursAndSentMailAreLeftAlone() throws Exception {
        QueuedMail sent = queue.queue(mail("notice-12-1"));
        queue.markSent(queue.claimDue(1, Instant.now()).get(0).id(), Instant.now());
        QueuedMail sending = queue.queue(mail("notice-12-2"));
        QueuedMail waiting = queue.queue(mail("notice-12-3"));
        QueuedMail stem = queue.queue(mail("confirm-12"));
        QueuedMail neighbour = queue.queue(mail("notice-123-1"));
        QueuedMail wildcard = queue.queue(mail("digest-12-1"));
        assertEquals(sending.id(), queue.claimDue(1, Instant.now()).get(0).id());

        assertEquals(2, queue.withdraw("confirm-12", "notice-12"));
        assertEquals(0, queue.withdraw("digest-1_"), "a LIKE wildcard in a stem is taken literally");

        assertEquals(State.SENT, queue.find(sent.id()).orElseThrow().state());
        assertEquals(State.SENDING, queue.find(sending.id()).orElseThrow().state(), "too late to stop");
        assertEquals(State.WITHDRAWN, queue.find(waiting.id()).orElseThrow().state());
        assertEquals(State.WITHDRAWN, queue.find(stem.id()).orElseThrow().state());
        assertEquals(State.QUEUED, queue.find(neighbour.id()).orElseThrow().state());
        assertEquals(State.QUEUED, queue.find(wildcard.id()).orElseThrow().state());
        assertEquals(List.of(neighbour.id(), wildcard.id()), queue.claimDue(10, Instant.now()).stream()
                .map(Claimed::id).sorted().toList(), "a withdrawn mail is never claimed");
    }

    @Test
    void theTextOfOldSentAndWithdrawnMailIsClearedAndItsKeyStillSendsNothing() throws Exception {
        Instant now = Instant.now();
        QueuedMail old = queue.queue(mail("digest-1"));
        queue.markSent(queue.claimDue(1, Instant.now()).get(0).id(), now.minusSeconds(3600));
        QueuedMail later = queue.queue(mail("digest-2"));
        queue.markSent(queue.claimDue(1, Instant.now()).get(0).id(), now.plusSeconds(3600));
        QueuedMail withdrawn = queue.queue(mail("notice-3-1"));
        queue.withdraw("notice-3");
        QueuedMail waiting = queue.queue(mail("digest-4"));

        Instant cutoff = now.plusSeconds(60);
        assertEquals(2, queue.forget(cutoff), "the mail sent before the cut-off and the withdrawn one");
        assertEquals(0, queue.forget(cutoff), "cleared once");

        assertEquals(List.of(old.id(), withdrawn.id()), clearedIds());
        assertEquals(State.SENT, queue.queue(mail("digest-1")).state(), "the row stays, so its key sends nothing");
        List<Claimed> due = queue.claimDue(10, Instant.now());
        assertEquals(List.of(waiting.id()), due.stream().map(Claimed::id).toList());
        assertEquals(mail("digest-4"), due.get(0).mail(), "mail not sent yet keeps its text");
        assertEquals(State.SENT, queue.find(later.id()).orElseThrow().state());
    }

    private List<Long> clearedIds() throws Exception {
        List<Long> ids = new ArrayList<>();
        try (Connection c = db.dataSource.getConnection(); ResultSet rs = c.createStatement().executeQuery(
                "SELECT id FROM mail_outbox WHERE LENGTH(body_html) = 0 AND LENGTH(body_text) = 0 "
                        + "AND unsubscribe_url IS NULL ORDER BY id")) {
            while (rs.next()) {
                ids.add(rs.getLong(1));
            }
        }
        return ids;
    }

    @Test
    void failuresBackOffThenDieAndReplayQueuesAgain() throws Exception {
        QueuedMail q = queue.queue(mail("k1"));
        Instant later = Instant.now().plusSeconds(600);
        queue.claimDue(5, Instant.now().plusSeconds(1));
        queue.markFailed(q.id(), "Connection refused", later);
        QueuedMail failed = queue.find(q.id()).orElseThrow();
        assertEquals(State.QUEUED, failed.state());
        assertEquals(1, failed.attempts());
        assertEquals("Connection refused", failed.lastError());
        assertEquals(List.of(), queue.claimDue(5, Instant.now()), "not due before its next attempt");
        assertEquals(1, queue.claimDue(5, later).size());

        assertThrows(ConflictException.class, () -> queue.replay(Caller.SYSTEM, q.id()), "only dead mail is replayed");
        queue.markFailed(q.id(), "still refused", null);
        QueuedMail dead = queue.find(q.id()).orElseThrow();
        assertEquals(State.DEAD, dead.state());
        assertEquals(2, dead.attempts());
        assertEquals(List.of(dead), queue.list(State.DEAD));
        assertEquals(List.of(), queue.claimDue(5, later.plusSeconds(3600)));

        Caller coordinator = Caller.fromRoleNames("anna", List.of("coordinator", "municipality:1487"));
        assertEquals("only an administrator may replay outgoing mail",
                assertThrows(AccessDeniedException.class, () -> queue.replay(coordinator, q.id())).getMessage());
        assertEquals(State.DEAD, queue.find(q.id()).orElseThrow().state(), "refused: still dead");
        QueuedMail replayed = queue.replay(Caller.fromRoleNames("bo", List.of("admin")), q.id());
        assertEquals(State.QUEUED, replayed.state());
        assertEquals(List.of("bo REPLAY mail " + q.id()), db.auditLog());
        assertEquals(0, replayed.attempts());
        assertEquals(1, queue.claimDue(5, Instant.now().plusSeconds(1)).size());
        assertThrows(NotFoundException.class, () -> queue.replay(Caller.SYSTEM, 999));
    }

    /** REST answers a conflict with 409 and anything else with 500: a failed statement must not look like one. */
    @Test
    void aReplayTheDatabaseFailsIsNoConflictAndChangesNothing() throws Exception {
        QueuedMail q = queue.queue(mail("k1"));
        queue.claimDue(5, Instant.now().plusSeconds(1));
        queue.markFailed(q.id(), "refused", null);
        try (Connection c = db.dataSource.getConnection()) {
            c.createStatement().execute("DROP TABLE audit_log");
        }
        RuntimeException failed = assertThrows(RuntimeException.class,
                () -> queue.replay(Caller.fromRoleNames("bo", List.of("admin")), q.id()));
        assertFalse(failed instanceof ConflictException, failed.toString());
        assertEquals(State.DEAD, queue.find(q.id()).orElseThrow().state(), "rolled back: still dead");
    }

    @Test
    void rowsLeftSendingByACrashAreQueuedAgainAtActivation() throws Exception {
        QueuedMail q = queue.queue(mail("crash-1"));
        queue.claimDue(5, Instant.now().plusSeconds(1));
        assertEquals(State.SENDING, queue.find(q.id()).orElseThrow().state());
        MailQueueImpl restarted = new MailQueueImpl(db.schema);
        assertEquals(State.QUEUED, restarted.find(q.id()).orElseThrow().state());
        assertNull(restarted.find(q.id()).orElseThrow().sentAt());
        assertNotNull(restarted.find(q.id()).orElseThrow().nextAttemptAt());
    }

    @Test
    void concurrentSendersNeverClaimTheSameRow() throws Exception {
        for (int i = 0; i < 40; i++) {
            queue.queue(mail("c" + i));
        }
        MailQueueImpl other = new MailQueueImpl(db.schema);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Long> all = Collections.synchronizedList(new ArrayList<>());
            List<Future<?>> runs = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                MailQueueImpl sender = t % 2 == 0 ? queue : other;
                runs.add(pool.submit(() -> {
                    List<Claimed> got;
                    while (!(got = sender.claimDue(3, Instant.now().plusSeconds(1))).isEmpty()) {
                        got.forEach(c -> all.add(c.id()));
                    }
                }));
            }
            for (Future<?> run : runs) {
                run.get();
            }
            Set<Long> unique = new HashSet<>(all);
            assertEquals(40, all.size(), "each row claimed exactly once: " + all);
            assertEquals(40, unique.size());
            assertTrue(queue.list(State.QUEUED).isEmpty());
        } finally {
            pool.shutdownNow();
        }
    }
}
