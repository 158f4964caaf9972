package se.samverkan.routes.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import se.samverkan.api.quarantine.Quarantined;
import se.samverkan.api.security.Caller;
import se.samverkan.api.service.AccessDeniedException;
import se.samverkan.api.service.ConflictException;
import se.samverkan.api.service.NotFoundException;
import se.samverkan.persistence.internal.DerbyDatabase;

class QuarantineTest {

    private final DerbyDatabase db = new DerbyDatabase();
    private final QuarantineImpl quarantine = new QuarantineImpl(db.schema);
    private static final Caller ANNA = Caller.fromRoleNames("anna", List.of("admin"));

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
    void anItemNothingCanReplayIsDiscardedByAnAdministratorKeptAndAudited() throws Exception {
        Quarantined orphan = quarantine.add("feed:no-longer-configured", "uid-1", "category: unknown", "BEGIN:VEVENT");
        Caller coordinator = Caller.fromRoleNames("bo", List.of("coordinator", "municipality:1487"));
        assertEquals("only an administrator may discard quarantined items",
                assertThrows(AccessDeniedException.class, () -> quarantine.discard(coordinator, orphan.id())).getMessage());
        assertEquals(Quarantined.State.WAITING, quarantine.find(orphan.id()).orElseThrow().state(), "refused: untouched");

        Quarantined discarded = quarantine.discard(ANNA, orphan.id());
        assertEquals(Quarantined.State.DISCARDED, discarded.state());
        assertEquals(orphan.raw(), discarded.raw(), "kept, with its text");
        assertTrue(quarantine.list("feed:no-longer-configured", true).isEmpty(), "no longer waiting");
        assertEquals(List.of("anna DISCARD quarantine " + orphan.id()), db.auditLog());
        assertEquals("item " + orphan.id() + " is discarded, not waiting",
                assertThrows(ConflictException.class, () -> quarantine.discard(ANNA, orphan.id())).getMessage());
        assertThrows(NotFoundException.class, () -> quarantine.discard(ANNA, 9999));
        assertEquals(1, db.auditLog().size(), "what was refused is not audited");
    }
}
