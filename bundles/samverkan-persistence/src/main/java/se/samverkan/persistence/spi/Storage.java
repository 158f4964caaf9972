package se.samverkan.persistence.spi;

import java.sql.SQLException;
import java.util.List;

import javax.sql.DataSource;

/**
 * The platform's database for a bundle that keeps tables of its own beside the records. Registered once the
 * records' schema is in force; a bundle's store component takes it and brings its own tables up to date with
 * {@link #migrate} in its activation, so its services only appear on a migrated schema.
 */
public interface Storage {

    DataSource dataSource();

    /**
     * Applies the owner's scripts that are not yet recorded, in order, each in one transaction with its row in
     * {@code schema_migration}; a failed script is rolled back and fails the call with the script's name.
     *
     * @param owner   the owning concern, e.g. {@code "mail"}; its scripts are the resources {@code /db/<owner>/<script>}
     *                of {@code anchor}'s bundle
     * @param anchor  a class of the owning bundle, to read the scripts with
     * @param scripts file names {@code V<n>__<what>.sql} with increasing versions; append, never edit
     */
    void migrate(String owner, Class<?> anchor, List<String> scripts) throws SQLException;
}
