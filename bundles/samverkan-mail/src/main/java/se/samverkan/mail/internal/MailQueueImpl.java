package se.samverkan.mail.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import se.samverkan.api.mail.MailQueue;
import se.samverkan.api.mail.OutgoingMail;
import se.samverkan.api.mail.QueuedMail;
import se.samverkan.api.mail.QueuedMail.State;
import se.samverkan.api.security.AccessPolicy;
import se.samverkan.api.security.Caller;
import se.samverkan.api.service.ConflictException;
import se.samverkan.api.service.NotFoundException;
import se.samverkan.persistence.spi.Jdbc;
import se.samverkan.persistence.spi.Storage;

/**
 * The outgoing mail queue in table {@code mail_outbox}.
 * <p>
 * Exactly once: a message is one row per idempotency key (a UNIQUE column), and a sender takes a row only by
 * the conditional update QUEUED → SENDING, so no two senders (threads, or nodes on one database) send the same
 * row. The window that remains is at-least-once: if the platform stops after the SMTP server took a message
 * but before its row was marked SENT, the row is still SENDING; at the next activation such rows go back to
 * QUEUED and are sent again. The copy carries the same Message-ID ({@code <key@samverkan>}), which receivers
 * and their mail servers use to recognise and drop the duplicate, so the recipient still sees one message.
 */
@Component(service = {MailQueue.class, MailOutbox.class})
public class MailQueueImpl implements MailQueue, MailOutbox {

    /** The mail tables\' scripts under db/mail, in order. Append, never edit. */
    static final List<String> SCRIPTS = List.of("V4__mail.sql");

    private static final int ERROR_LENGTH = 2000;
    private static final String COLUMNS = "id, idempotency_key, recipient, subject, state, attempts, next_attempt_at, "
            + "last_error, queued_at, sent_at";

    private final Jdbc jdbc;

    @Activate
    public MailQueueImpl(@Reference Storage storage) throws SQLException {
        storage.migrate("mail", MailQueueImpl.class, SCRIPTS);
        this.jdbc = new Jdbc(storage.dataSource(), "the outgoing mail queue");
        // Left SENDING by a stop or crash mid-send: maybe sent, maybe not. Send again (same Message-ID).
        jdbc.update("UPDATE mail_outbox SET state = ?, next_attempt_at = ? WHERE state = ?", State.QUEUED.name(),
                Jdbc.timestamp(Instant.now()), State.SENDING.name());
    }

    @Override
    public synchronized QueuedMail queue(OutgoingMail mail) {
        Optional<QueuedMail> existing = byKey(mail.idempotencyKey());
        if (existing.isPresent()) {
            return existing.get();
        }
        Instant now = Instant.now();
        try {
            long id = jdbc.insert("INSERT INTO mail_outbox (idempotency_key, recipient, subject, body_text, body_html, "
                            + "unsubscribe_url, language, state, attempts, next_attempt_at, queued_at) "
                            + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?)",
                    mail.idempotencyKey(), mail.to(), mail.subject(), mail.text(), mail.html(), mail.unsubscribeUrl(),
                    mail.language(), State.QUEUED.name(), Jdbc.timestamp(now), Jdbc.timestamp(now));
            return find(id).orElseThrow();
        } catch (IllegalStateException e) {
            // Another node on the same database queued the same key in between: that one is the message.
            if (e.getCause() instanceof SQLException s && "23505".equals(s.getSQLState())) {
                return byKey(mail.idempotencyKey()).orElseThrow(() -> e);
            }
            throw e;
        }
    }

    @Override
    public List<QueuedMail> list(State state) {
        return state == null
                ? jdbc.query("SELECT " + COLUMNS + " FROM mail_outbox ORDER BY id DESC", MailQueueImpl::queued)
                : jdbc.query("SELECT " + COLUMNS + " FROM mail_outbox WHERE state = ? ORDER BY id DESC",
                        MailQueueImpl::queued, state.name());
    }

    @Override
    public Optional<QueuedMail> find(long id) {
        return jdbc.query("SELECT " + COLUMNS + " FROM mail_outbox WHERE id = ?", MailQueueImpl::queued, id)
                .stream().findFirst();
    }

    @Override
    public QueuedMail replay(Caller caller, long id) {
        AccessPolicy.checkAdmin(caller, "replay outgoing mail");
        QueuedMail mail = find(id).orElseThrow(() -> new NotFoundException("queued mail", String.valueOf(id)));
        Instant now = Instant.now();
        boolean replayed = jdbc.transaction(c -> {
            if (Jdbc.execute(c, "UPDATE mail_outbox SET state = ?, attempts = 0, next_attempt_at = ? WHERE id = ? "
                    + "AND state = ?", State.QUEUED.name(), Jdbc.timestamp(now), id, State.DEAD.name()) == 0) {
                return false;
            }
            Jdbc.audit(c, now, caller.user(), "REPLAY", "mail", String.valueOf(id));
            return true;
        });
        if (!replayed) {
            // A conflict of its own: an IllegalStateException is also what a failed statement throws.
            throw new ConflictException("mail " + id + " is " + mail.state() + ", not DEAD: only dead mail is replayed");
        }
        return find(id).orElseThrow();
    }

    @Override
    public int forget(Instant before) {
        // LENGTH skips rows cleared already: Derby cannot compare CLOBs.
        return jdbc.update("UPDATE mail_outbox SET body_text = '', body_html = '', unsubscribe_url = NULL "
                + "WHERE state IN (?, ?) AND COALESCE(sent_at, queued_at) < ? AND LENGTH(body_html) > 0",
                State.SENT.name(), State.WITHDRAWN.name(), Jdbc.timestamp(before));
    }

    @Override
    public int withdraw(String... stems) {
        int withdrawn = 0;
        for (String stem : stems) {
            withdrawn += jdbc.update("UPDATE mail_outbox SET state = ?, next_attempt_at = NULL WHERE state IN (?, ?) "
                    + "AND (idempotency_key = ? OR idempotency_key LIKE ? ESCAPE '\\')", State.WITHDRAWN.name(),
                    State.QUEUED.name(), State.DEAD.name(), stem, Jdbc.likeLiteral(stem) + "-%");
        }
        return withdrawn;
    }

    @Override
    public List<Claimed> claimDue(int max, Instant now) {
        List<Claimed> candidates = jdbc.query("SELECT id, attempts, idempotency_key, recipient, subject, body_text, "
                        + "body_html, unsubscribe_url, language FROM mail_outbox WHERE state = ? AND next_attempt_at <= ? "
                        + "ORDER BY next_attempt_at, id FETCH FIRST " + Math.max(1, max) + " ROWS ONLY",
                rs -> new Claimed(rs.getLong("id"), rs.getInt("attempts"), new OutgoingMail(
                        rs.getString("idempotency_key"), rs.getString("recipient"), rs.getString("subject"),
                        rs.getString("body_text"), rs.getString("body_html"), rs.getString("unsubscribe_url"),
                        rs.getString("language"))),
                State.QUEUED.name(), Jdbc.timestamp(now));
        List<Claimed> claimed = new ArrayList<>();
        for (Claimed c : candidates) {
            // The claim: only one sender's update finds the row still QUEUED.
            if (jdbc.update("UPDATE mail_outbox SET state = ? WHERE id = ? AND state = ?", State.SENDING.name(),
                    c.id(), State.QUEUED.name()) == 1) {
                claimed.add(c);
            }
        }
        return claimed;
    }

    @Override
    public void markSent(long id, Instant sentAt) {
        jdbc.update("UPDATE mail_outbox SET state = ?, attempts = attempts + 1, sent_at = ?, next_attempt_at = NULL "
                + "WHERE id = ? AND state = ?", State.SENT.name(), Jdbc.timestamp(sentAt), id, State.SENDING.name());
    }

    @Override
    public void markFailed(long id, String error, Instant nextAttemptAt) {
        String e = error == null ? "unknown error" : error.length() > ERROR_LENGTH
                ? error.substring(0, ERROR_LENGTH - 1) + "…" : error;
        jdbc.update("UPDATE mail_outbox SET state = ?, attempts = attempts + 1, last_error = ?, next_attempt_at = ? "
                        + "WHERE id = ? AND state = ?", nextAttemptAt == null ? State.DEAD.name() : State.QUEUED.name(), e,
                Jdbc.timestamp(nextAttemptAt), id, State.SENDING.name());
    }

    private Optional<QueuedMail> byKey(String key) {
        return jdbc.query("SELECT " + COLUMNS + " FROM mail_outbox WHERE idempotency_key = ?", MailQueueImpl::queued, key)
                .stream().findFirst();
    }

    private static QueuedMail queued(ResultSet rs) throws SQLException {
        return new QueuedMail(rs.getLong("id"), rs.getString("idempotency_key"), rs.getString("recipient"),
                rs.getString("subject"), State.valueOf(rs.getString("state")), rs.getInt("attempts"),
                Jdbc.instant(rs, "next_attempt_at"), rs.getString("last_error"), Jdbc.instant(rs, "queued_at"),
                Jdbc.instant(rs, "sent_at"));
    }
}
