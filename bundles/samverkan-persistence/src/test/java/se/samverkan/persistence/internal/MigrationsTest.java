package se.samverkan.persistence.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Each owner's scripts, recorded with their owner; a database from before the split keeps what it had. */
class MigrationsTest {

    private final DerbyDatabase db = new DerbyDatabase();

    MigrationsTest() throws Exception {
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void ownersHaveTheirOwnHistoriesAndAScriptRunsOnce() throws Exception {
        db.schema.migrate("notes", MigrationsTest.class, List.of("V1__notes.sql"));
        db.schema.migrate("notes", MigrationsTest.class, List.of("V1__notes.sql", "V2__note_text.sql"));
        db.schema.migrate("notes", MigrationsTest.class, List.of("V1__notes.sql", "V2__note_text.sql"));
        assertEquals(List.of("notes 1", "notes 2", "records 1", "records 2", "records 7", "records 10"),
                rows("SELECT owner || ' ' || TRIM(CAST(version AS CHAR(4))) FROM schema_migration ORDER BY owner, version"));
        assertEquals(List.of("0"), rows("SELECT TRIM(CAST(COUNT(text) AS CHAR(4))) FROM note"));
    }

    @Test
    void aFailedScriptIsRolledBackWhole() throws Exception {
        SQLException failed = assertThrows(SQLException.class,
                () -> db.schema.migrate("broken", MigrationsTest.class, List.of("V1__broken.sql")));
        assertTrue(failed.getMessage().startsWith("Schema migration broken/V1__broken.sql failed and was rolled back"),
                failed.getMessage());
        assertEquals(List.of("0"), rows("SELECT TRIM(CAST(COUNT(*) AS CHAR(4))) FROM schema_migration "
                + "WHERE owner = 'broken'"));
        SQLException missing = assertThrows(SQLException.class, () -> db.schema.migrate("half", MigrationsTest.class,
                List.of("V1__broken.sql")));
        assertTrue(missing.getMessage().contains("/db/half/V1__broken.sql is missing"), missing.getMessage());
        // The script's first table went with the failure: a fixed script can run.
        try (Connection c = db.dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE half (id INTEGER)");
        }
    }

    @Test
    void aDatabaseNewerThanTheOwnerKnowsIsRefusedWithTheReason() throws Exception {
        SQLException newer = assertThrows(SQLException.class,
                () -> db.schema.migrate("records", Schema.class, List.of("V1__initial_schema.sql")));
        assertEquals("The database has records schema version 10 but this Samverkan knows only up to 1; "
                + "use a newer Samverkan", newer.getMessage());
    }

    @Test
    void scriptsOutOfOrderOrMisnamedAreTheDevelopersError() {
        assertThrows(IllegalArgumentException.class,
                () -> db.schema.migrate("x", Schema.class, List.of("V2__plugins.sql", "V1__initial_schema.sql")));
        assertThrows(IllegalArgumentException.class, () -> db.schema.migrate("x", Schema.class, List.of("plugins.sql")));
    }

    @Test
    void anOwnerOnADatabaseFromBeforeTheSplitRecordsWhatTheOldHistoryNamesAndRunsTheRest() throws Exception {
        try (Connection c = db.dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute("DELETE FROM schema_migration WHERE owner = 'records' AND version = 10");
            s.execute("ALTER TABLE municipality DROP COLUMN version");
            s.execute("ALTER TABLE organisation DROP COLUMN version");
            s.execute("ALTER TABLE agreement DROP COLUMN version");
            s.execute("ALTER TABLE programme DROP COLUMN version");
            s.execute("ALTER TABLE venue DROP COLUMN version");
            s.execute("ALTER TABLE activity DROP COLUMN version");
        }
        LegacySchema.rewind(db.dataSource);

        assertEquals(10, new Schema(db.dataSource).version());
        assertEquals(List.of("1 V1__initial_schema.sql", "2 V2__plugins.sql", "7 V7__sessions_in_activity.sql",
                "10 V10__record_versions.sql"), rows("SELECT CAST(version AS CHAR(4)) || ' ' || script "
                + "FROM schema_migration WHERE owner = 'records' ORDER BY version").stream().map(String::strip)
                .map(r -> r.replaceAll("\\s+", " ")).toList());
        assertEquals(List.of("0"), rows("SELECT CAST(COUNT(version) AS CHAR(4)) FROM activity").stream()
                .map(String::strip).toList(), "V10 ran: the version column is back");
    }

    private List<String> rows(String sql) throws SQLException {
        try (Connection c = db.dataSource.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery(sql)) {
            List<String> rows = new java.util.ArrayList<>();
            while (rs.next()) {
                rows.add(rs.getString(1).strip());
            }
            return rows;
        }
    }
}
