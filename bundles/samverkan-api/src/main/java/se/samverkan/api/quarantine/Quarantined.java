package se.samverkan.api.quarantine;

import java.time.Instant;

/**
 * An item an import could not take (a calendar event, a register row), kept with its reason and raw text so
 * that nothing is lost and an administrator can replay it after a fix.
 *
 * @param source     who quarantined it, e.g. {@code feed:sv-orebro-kurser}
 * @param key        the item's own key in its source, e.g. a calendar event's UID
 * @param resolvedAt when it was replayed or discarded, else null
 */
public record Quarantined(long id, String source, String key, String reason, String raw, Instant quarantinedAt,
                          State state, Instant resolvedAt) {

    public enum State {
        /** Not taken yet. */
        WAITING,
        /** Replayed and taken. */
        REPLAYED,
        /** Its source took a newer version of it, or an administrator dropped it. */
        DISCARDED
    }

    /** How an administrator drops this item, for answers about an item nothing can replay. */
    public String discardHint() {
        return "if it is not wanted, discard it (samverkan:quarantine-discard " + id
                + ", or DELETE /api/v1/admin/quarantine/" + id + ")";
    }
}
