package se.samverkan.mail.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import se.samverkan.api.mail.MailQueue;
import se.samverkan.api.mail.OutgoingMail;
import se.samverkan.api.mail.QueuedMail;
import se.samverkan.api.mail.QueuedMail.State;
import se.samverkan.api.security.AccessPolicy;
import se.samverkan.api.security.Caller;
import se.samverkan.api.service.ConflictException;
import se.samverkan.api.service.NotFoundException;

/** The outgoing mail queue in memory, with the same rules as the stored one. */
public class InMemoryMailQueue implements MailQueue, MailOutbox {

    private record Row(QueuedMail queued, OutgoingMail mail) {
    }

    private final Map<Long, Row> rows = new TreeMap<>();
    private long nextId = 1;

    @Override
    public synchronized QueuedMail queue(OutgoingMail mail) {
        Optional<Row> existing = rows.values().stream()
                .filter(r -> r.queued().idempotencyKey().equals(mail.idempotencyKey())).findFirst();
        if (existing.isPresent()) {
            return existing.get().queued();
        }
        Instant now = Instant.now();
        QueuedMail queued = new QueuedMail(nextId++, mail.idempotencyKey(), mail.to(), mail.subject(), State.QUEUED, 0,
                now, null, now, null);
        rows.put(queued.id(), new Row(queued, mail));
        return queued;
    }

    @Override
    public synchronized List<QueuedMail> list(State state) {
        return rows.values().stream().map(Row::queued).filter(q -> state == null || q.state() == state)
                .sorted(Comparator.comparingLong(QueuedMail::id).reversed()).toList();
    }

    @Override
    public synchronized Optional<QueuedMail> find(long id) {
        return Optional.ofNullable(rows.get(id)).map(Row::queued);
    }

    @Override
    public synchronized QueuedMail replay(Caller caller, long id) {
        AccessPolicy.checkAdmin(caller, "replay outgoing mail");
        QueuedMail q = find(id).orElseThrow(() -> new NotFoundException("queued mail", String.valueOf(id)));
        if (q.state() != State.DEAD) {
            throw new ConflictException("mail " + id + " is " + q.state() + ", not DEAD");
        }
        return put(id, new QueuedMail(id, q.idempotencyKey(), q.to(), q.subject(), State.QUEUED, 0, Instant.now(),
                q.lastError(), q.queuedAt(), null));
    }

    @Override
    public synchronized int forget(Instant before) {
        int cleared = 0;
        for (Row r : List.copyOf(rows.values())) {
            QueuedMail q = r.queued();
            Instant at = q.sentAt() != null ? q.sentAt() : q.queuedAt();
            if ((q.state() == State.SENT || q.state() == State.WITHDRAWN) && at.isBefore(before)
                    && !r.mail().html().isEmpty()) {
                OutgoingMail m = r.mail();
                rows.put(q.id(), new Row(q, new OutgoingMail(m.idempotencyKey(), m.to(), m.subject(), "", "", null,
                        m.language())));
                cleared++;
            }
        }
        return cleared;
    }

    /** What is kept of a message's content (for tests of {@link #forget}). */
    public synchronized OutgoingMail content(long id) {
        return rows.get(id).mail();
    }

    @Override
    public synchronized int withdraw(String... stems) {
        int withdrawn = 0;
        for (Row r : List.copyOf(rows.values())) {
            QueuedMail q = r.queued();
            boolean inFamily = Arrays.stream(stems)
                    .anyMatch(stem -> q.idempotencyKey().equals(stem) || q.idempotencyKey().startsWith(stem + "-"));
            if (inFamily && (q.state() == State.QUEUED || q.state() == State.DEAD)) {
                put(q.id(), with(q, State.WITHDRAWN, q.attempts(), null, q.lastError(), null));
                withdrawn++;
            }
        }
        return withdrawn;
    }

    @Override
    public synchronized List<Claimed> claimDue(int max, Instant now) {
        List<Claimed> claimed = new ArrayList<>();
        for (Row r : rows.values()) {
            QueuedMail q = r.queued();
            if (claimed.size() < max && q.state() == State.QUEUED && !q.nextAttemptAt().isAfter(now)) {
                put(q.id(), with(q, State.SENDING, q.attempts(), q.nextAttemptAt(), q.lastError(), null));
                claimed.add(new Claimed(q.id(), q.attempts(), r.mail()));
            }
        }
        return claimed;
    }

    @Override
    public synchronized void markSent(long id, Instant sentAt) {
        QueuedMail q = rows.get(id).queued();
        put(id, with(q, State.SENT, q.attempts() + 1, null, q.lastError(), sentAt));
    }

    @Override
    public synchronized void markFailed(long id, String error, Instant nextAttemptAt) {
        QueuedMail q = rows.get(id).queued();
        put(id, with(q, nextAttemptAt == null ? State.DEAD : State.QUEUED, q.attempts() + 1, nextAttemptAt, error, null));
    }

    private static QueuedMail with(QueuedMail q, State state, int attempts, Instant next, String error, Instant sentAt) {
        return new QueuedMail(q.id(), q.idempotencyKey(), q.to(), q.subject(), state, attempts, next, error,
                q.queuedAt(), sentAt);
    }

    private QueuedMail put(long id, QueuedMail q) {
        rows.put(id, new Row(q, rows.get(id).mail()));
        return q;
    }
}
