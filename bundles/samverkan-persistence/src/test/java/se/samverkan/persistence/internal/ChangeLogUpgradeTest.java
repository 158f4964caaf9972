package se.samverkan.persistence.internal;

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

import se.samverkan.api.subscription.ActivityChange;

/** Schema V9 takes new activities' change rows written before it as needing no notice. */
class ChangeLogUpgradeTest {

    @Test
    void createdRowsOfAV8DatabaseLeaveTheNoticesWaitingAndOnlyThem() throws Exception {
        EmbeddedDataSource v8 = new EmbeddedDataSource();
        v8.setDatabaseName("memory:" + UUID.randomUUID());
        v8.setCreateDatabase("create");
        assertEquals(8, SchemaMigrations.migrate(v8, 8));
        try (Connection c = v8.getConnection(); Statement s = c.createStatement()) {
            s.execute("INSERT INTO activity_change (activity_id, kind, changed_at) VALUES "
                    + "('ny', 'CREATED', '2026-11-30 10:00:00'), ('flyttad', 'MOVED', '2026-11-30 11:00:00')");
        }

        assertEquals(SchemaMigrations.SCRIPTS.size(), SchemaMigrations.migrate(v8));

        try (Connection c = v8.getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                "SELECT kind, changed_at, notices_queued_at FROM activity_change ORDER BY id")) {
            assertTrue(rs.next());
            assertEquals(rs.getTimestamp(2), rs.getTimestamp(3), "a new activity needs no notice");
            assertTrue(rs.next());
            assertNull(rs.getTimestamp(3), "a moved session still waits for its notices");
            assertFalse(rs.next());
        }
        Schema schema = new Schema(v8);
        assertEquals(List.of(ActivityChange.Kind.MOVED),
                new ActivityChangeLogImpl(schema).awaitingNotices(10).stream().map(ActivityChange::kind).toList());
    }
}
