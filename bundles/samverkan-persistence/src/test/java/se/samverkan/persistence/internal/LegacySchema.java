package se.samverkan.persistence.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import javax.sql.DataSource;

/**
 * Turns a database whose owners' scripts have run up to some version into one as a release before the concerns
 * owned their tables left it: the same tables, with one history, {@code schema_version}, of the scripts' numbers
 * and names. In the test-jar for the upgrade tests of every concern.
 */
public final class LegacySchema {

    private LegacySchema() {
    }

    public static void rewind(DataSource dataSource) throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE schema_version (version INTEGER NOT NULL PRIMARY KEY, "
                    + "script VARCHAR(200) NOT NULL, applied_at TIMESTAMP NOT NULL)");
            // Two owners cut from one old script (feeds and quarantine, subscriptions and drafts) share its row.
            s.execute("INSERT INTO schema_version SELECT version, MIN(script), MIN(applied_at) FROM schema_migration "
                    + "GROUP BY version");
            s.execute("DROP TABLE schema_migration");
        }
    }

    /** Runs the given scripts of an owner the way a release before the split ran them. */
    public static void migrate(DataSource dataSource, String owner, Class<?> anchor, String... scripts)
            throws SQLException {
        Migrations.migrate(dataSource, owner, anchor, java.util.List.of(scripts), java.util.Map.of());
    }
}
