package se.samverkan.api.testing;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import se.samverkan.api.quarantine.QuarantineService;
import se.samverkan.api.quarantine.Quarantined;
import se.samverkan.api.quarantine.Quarantined.State;
import se.samverkan.api.security.AccessPolicy;
import se.samverkan.api.security.Caller;
import se.samverkan.api.service.ConflictException;
import se.samverkan.api.service.NotFoundException;

/**
 * The quarantine as a list, for tests of imports; synchronized, since a feed records what it stored on a second
 * thread.
 */
public final class InMemoryQuarantine implements QuarantineService {

    private final List<Quarantined> items = new ArrayList<>();

    @Override
    public synchronized Quarantined add(String source, String key, String reason, String raw) {
        items.removeIf(q -> q.source().equals(source) && q.key().equals(key) && q.state() == State.WAITING);
        Quarantined item = new Quarantined(items.size() + 1L, source, key, reason, raw, Instant.now(), State.WAITING, null);
        items.add(item);
        return item;
    }

    @Override
    public synchronized List<Quarantined> list(String source, boolean waitingOnly) {
        return items.stream().filter(q -> source == null || q.source().equals(source))
                .filter(q -> !waitingOnly || q.state() == State.WAITING)
                .sorted(Comparator.comparingLong(Quarantined::id).reversed()).toList();
    }

    @Override
    public synchronized Optional<Quarantined> find(long id) {
        return items.stream().filter(q -> q.id() == id).findFirst();
    }

    @Override
    public synchronized void discard(String source, Collection<String> keys) {
        items.replaceAll(q -> q.source().equals(source) && keys.contains(q.key()) && q.state() == State.WAITING
                ? with(q, State.DISCARDED) : q);
    }

    @Override
    public synchronized void resolve(long id, State state) {
        items.replaceAll(q -> q.id() == id ? with(q, state) : q);
    }

    @Override
    public synchronized Quarantined discard(Caller caller, long id) {
        AccessPolicy.checkAdmin(caller, "discard quarantined items");
        Quarantined item = find(id).orElseThrow(() -> new NotFoundException("quarantined item", String.valueOf(id)));
        if (item.state() != State.WAITING) {
            throw new ConflictException("item " + id + " is " + item.state().name().toLowerCase() + ", not waiting");
        }
        resolve(id, State.DISCARDED);
        return find(id).orElseThrow();
    }

    private static Quarantined with(Quarantined q, State state) {
        return new Quarantined(q.id(), q.source(), q.key(), q.reason(), q.raw(), q.quarantinedAt(), state, Instant.now());
    }
}
