package se.samverkan.persistence.internal;

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

import se.samverkan.api.feed.FeedStatus.RunCounts;
import se.samverkan.api.feed.FeedStore.State;
import se.samverkan.api.feed.FeedStore.StoredEvent;
import se.samverkan.api.quarantine.Quarantined;
import se.samverkan.api.quarantine.Replayer;
import se.samverkan.api.service.ConflictException;
import se.samverkan.api.service.NotFoundException;

class FeedStoreAndQuarantineTest {

    private final DerbyDatabase db = new DerbyDatabase();
    private final FeedStoreImpl feeds = new FeedStoreImpl(db.schema);
    private final QuarantineImpl quarantine = new QuarantineImpl(db.schema);

    FeedStoreAndQuarantineTest() throws Exception {
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void feedStateAndEventsSurviveAsWritten() {
        Instant t = Instant.parse("2026-11-24T08:00:00Z");
        State first = new State("sv-kurser", "\"v1\"", "Tue, 24 Nov 2026 07:00:00 GMT", t, t, null,
                new RunCounts(3, 0, 0, 0, 1), t, "m:b", List.of("the feed's text: read as Windows-1252"), null);
        feeds.saveState(first);
        assertEquals(first, feeds.state("sv-kurser").orElseThrow());
        State running = first.running(t.plusSeconds(30));
        feeds.saveState(running);
        assertEquals(running, feeds.state("sv-kurser").orElseThrow());
        State failed = new State("sv-kurser", "\"v1\"", first.lastModified(), t.plusSeconds(60), t,
                "HTTP 503 from the source", first.lastRun(), t, "m:b", List.of(), null);
        feeds.saveState(failed);
        assertEquals(failed, new FeedStoreImpl(db.schema).state("sv-kurser").orElseThrow());
        assertTrue(feeds.state("annan").isEmpty());

        feeds.saveEvents("sv-kurser", List.of(new StoredEvent("abc@google.com", "sv-kurser-abc", "f1", false)));
        feeds.saveEvents("sv-kurser", List.of(new StoredEvent("abc@google.com", "sv-kurser-abc", "f2", true)));
        assertEquals(Map.of("abc@google.com", new StoredEvent("abc@google.com", "sv-kurser-abc", "f2", true)),
                feeds.events("sv-kurser"));
        assertEquals(Map.of(), feeds.events("annan"));
        feeds.saveEvents("sv-kurser", List.of(new StoredEvent("def@google.com", "sv-kurser-def", "f3", false),
                new StoredEvent("ghi@google.com", "sv-kurser-ghi", "f4", false),
                new StoredEvent("abc@google.com", "sv-kurser-abc", "f5", true)));
        assertEquals("f5", feeds.events("sv-kurser").get("abc@google.com").fingerprint(), "new and stored in one call");
        assertEquals(2, feeds.countEvents("sv-kurser"), "removed events are not counted");
        assertEquals(0, feeds.countEvents("annan"));
        feeds.saveEvents("annan", List.of(new StoredEvent("abc@google.com", "annan-abc", "a1", false),
                new StoredEvent("abc@google.com", "annan-abc", "a2", false)));
        assertEquals("a2", feeds.events("annan").get("abc@google.com").fingerprint(),
                "a UID given twice in one call is written once, as given last");
        assertEquals("f5", feeds.events("sv-kurser").get("abc@google.com").fingerprint(),
                "another feed's event with the same UID is its own");
    }

    @Test
    void aBadItemIsKeptOnceWhileWaitingAndCanBeResolved() {
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
    void replayGoesToTheReplayerOfTheSource() {
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
    void anItemNothingCanReplayIsDiscardedAndKept() {
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
