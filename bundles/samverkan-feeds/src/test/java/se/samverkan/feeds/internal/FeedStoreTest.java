package se.samverkan.feeds.internal;

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

import se.samverkan.api.feed.FeedStatus.RunCounts;
import se.samverkan.feeds.internal.FeedStore.State;
import se.samverkan.persistence.internal.DerbyDatabase;
import se.samverkan.routes.ActivityUpsert.Known;

class FeedStoreTest {

    private final DerbyDatabase db = new DerbyDatabase();
    private final FeedStoreImpl feeds = new FeedStoreImpl(db.schema);

    FeedStoreTest() throws Exception {
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void feedStateAndEventsSurviveAsWritten() throws Exception {
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

        feeds.saveEvents("sv-kurser", List.of(new Known("abc@google.com", "sv-kurser-abc", "f1", false)));
        feeds.saveEvents("sv-kurser", List.of(new Known("abc@google.com", "sv-kurser-abc", "f2", true)));
        assertEquals(Map.of("abc@google.com", new Known("abc@google.com", "sv-kurser-abc", "f2", true)),
                feeds.events("sv-kurser"));
        assertEquals(Map.of(), feeds.events("annan"));
        feeds.saveEvents("sv-kurser", List.of(new Known("def@google.com", "sv-kurser-def", "f3", false),
                new Known("ghi@google.com", "sv-kurser-ghi", "f4", false),
                new Known("abc@google.com", "sv-kurser-abc", "f5", true)));
        assertEquals("f5", feeds.events("sv-kurser").get("abc@google.com").fingerprint(), "new and stored in one call");
        assertEquals(2, feeds.countEvents("sv-kurser"), "removed events are not counted");
        assertEquals(0, feeds.countEvents("annan"));
        feeds.saveEvents("annan", List.of(new Known("abc@google.com", "annan-abc", "a1", false),
                new Known("abc@google.com", "annan-abc", "a2", false)));
        assertEquals("a2", feeds.events("annan").get("abc@google.com").fingerprint(),
                "a UID given twice in one call is written once, as given last");
        assertEquals("f5", feeds.events("sv-kurser").get("abc@google.com").fingerprint(),
                "another feed's event with the same UID is its own");
    }
}
