package se.samverkan.mail.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.UUID;

import org.apache.derby.jdbc.EmbeddedDataSource;
import org.junit.jupiter.api.Test;

import se.samverkan.persistence.internal.LegacySchema;
import se.samverkan.persistence.internal.Schema;


/** Schema V9 takes new activities' change rows written before it as needing no notice. */
class ChangeLogUpgradeTest {

    @Test
    void createdRowsOfAV8DatabaseLeaveTheNoticesWaitingAndOnlyThem() throws Exception {
        EmbeddedDataSource v8 = new EmbeddedDataSource();
        v8.setDatabaseName("memory:" + UUID.randomUUID());
        v8.setCreateDatabase("create");
        LegacySchema.migrate(v8, "subscriptions", SubscriptionStoreImpl.class, "V6__subscriptions.sql");
        LegacySchema.rewind(v8);
        try (Connection c = v8.getConnection(); Statement s = c.createStatement()) {
            s.execute("INSERT INTO activity_change (activity_id, kind, changed_at) VALUES "
                    + "('ny', 'CREATED', '2026-11-30 10:00:00'), ('flyttad', 'MOVED', '2026-11-30 11:00:00')");
        }

        Schema schema = new Schema(v8);
        ActivityChangeLogImpl changes = new ActivityChangeLogImpl(schema);

        try (Connection c = v8.getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                "SELECT kind, changed_at, notices_queued_at FROM activity_change ORDER BY id")) {
            assertTrue(rs.next());
            assertEquals(rs.getTimestamp(2), rs.getTimestamp(3), "a new activity needs no notice");
            assertTrue(rs.next());
            assertNull(rs.getTimestamp(3), "a moved occurrence still waits for its notices");
            assertFalse(rs.next());
        }
        assertEquals(List.of(ActivityChange.Kind.MOVED),
                changes.awaitingNotices(10).stream().map(ActivityChange::kind).toList());
    }
}
