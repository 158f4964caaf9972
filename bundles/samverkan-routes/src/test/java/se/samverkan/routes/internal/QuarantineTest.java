package se.samverkan.routes.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.osgi.framework.ServiceReference;
import org.osgi.service.component.ComponentServiceObjects;

import se.samverkan.api.quarantine.Quarantined;
import se.samverkan.api.quarantine.Replayer;
import se.samverkan.api.service.ConflictException;
import se.samverkan.api.service.NotFoundException;
import se.samverkan.persistence.internal.DerbyDatabase;

class QuarantineTest {

    private final DerbyDatabase db = new DerbyDatabase();
    private final QuarantineImpl quarantine = new QuarantineImpl(db.schema);

    QuarantineTest() throws Exception {
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void aBadItemIsKeptOnceWhileWaitingAndCanBeResolved() throws Exception {
        Quarantined first = quarantine.add("feed:sv", "uid-1", "DTSTART: not a date", "BEGIN:VEVENT\r\nUID:uid-1\r\n");
        Quarantined again = quarantine.add("feed:sv", "uid-1", "DTSTART: still not a date", "BEGIN:VEVENT\r\nX\r\n");
        assertEquals(first.id(), again.id(), "the same item is kept once");
        assertEquals("DTSTART: still not a date", again.reason());
        quarantine.add("feed:other", "uid-9", "bad", "raw");
        assertEquals(List.of(again.id()), quarantine.list("feed:sv", true).stream().map(Quarantined::id).toList());
        assertEquals(2, quarantine.list(null, true).size());

        quarantine.resolve(again.id(), Quarantined.State.REPLAYED);
        Quarantined replayed = quarantine.find(again.id()).orElseThrow();
        assertEquals(Quarantined.State.REPLAYED, replayed.state());
        assertTrue(replayed.resolvedAt() != null);
        assertEquals(List.of(), quarantine.list("feed:sv", true));
        assertEquals(1, quarantine.list("feed:sv", false).size());

        Quarantined other = quarantine.list("feed:other", true).get(0);
        assertNull(other.resolvedAt());
        quarantine.discard("feed:other", List.of("uid-9"));
        assertEquals(Quarantined.State.DISCARDED, quarantine.find(other.id()).orElseThrow().state());
    }

    @Test
    void replayGoesToTheReplayerOfTheSource() throws Exception {
        Quarantined bad = quarantine.add("feed:sv", "uid-1", "category: unknown", "BEGIN:VEVENT");
        Quarantined worse = quarantine.add("feed:sv", "uid-2", "no DTSTART", "BEGIN:VEVENT");
        Quarantined register = quarantine.add("register:ideella", "802002-8711", "bad check digit", "row");
        Replayer feeds = new Replayer() {
            @Override
            public boolean accepts(String source) {
                return source.startsWith("feed:");
            }

            @Override
            public String replay(Quarantined item) {
                return item.key().equals("uid-1") ? null : "DTSTART is still missing";
            }
        };
        List<Replayer> gotten = new ArrayList<>();
        quarantine.replayers.add(new ComponentServiceObjects<>() {
            @Override
            public Replayer getService() {
                gotten.add(feeds);
                return feeds;
            }

            @Override
            public void ungetService(Replayer service) {
                assertTrue(gotten.remove(service), "only what was got is given back");
            }

            @Override
            public ServiceReference<Replayer> getServiceReference() {
                throw new UnsupportedOperationException();
            }
        });
        assertNull(quarantine.replay(bad.id()));
        assertEquals(Quarantined.State.REPLAYED, quarantine.find(bad.id()).orElseThrow().state());
        assertEquals("DTSTART is still missing", quarantine.replay(worse.id()));
        assertEquals(Quarantined.State.WAITING, quarantine.find(worse.id()).orElseThrow().state());
        assertEquals("no installed import takes items of register:ideella; if it is not wanted, discard it "
                + "(samverkan:quarantine-discard " + register.id() + ", or DELETE /api/v1/admin/quarantine/"
                + register.id() + ")", quarantine.replay(register.id()));
        assertEquals("item " + bad.id() + " is replayed, not waiting", quarantine.replay(bad.id()));
        assertThrows(NotFoundException.class, () -> quarantine.replay(9999));
        assertTrue(gotten.isEmpty(), "every replayer got for a replay is given back");
    }

    @Test
    void anItemNothingCanReplayIsDiscardedAndKept() throws Exception {
        Quarantined orphan = quarantine.add("feed:no-longer-configured", "uid-1", "category: unknown", "BEGIN:VEVENT");
        Quarantined discarded = quarantine.discard(orphan.id());
        assertEquals(Quarantined.State.DISCARDED, discarded.state());
        assertEquals(orphan.raw(), discarded.raw(), "kept, with its text");
        assertTrue(quarantine.list("feed:no-longer-configured", true).isEmpty(), "no longer waiting");
        assertEquals("item " + orphan.id() + " is discarded, not waiting",
                assertThrows(ConflictException.class, () -> quarantine.discard(orphan.id())).getMessage());
        assertThrows(NotFoundException.class, () -> quarantine.discard(9999));
    }
}
