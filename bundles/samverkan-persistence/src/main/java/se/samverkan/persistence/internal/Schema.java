package se.samverkan.persistence.internal;

import java.sql.SQLException;
import java.util.logging.Level;
import java.util.logging.Logger;

import javax.sql.DataSource;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import se.samverkan.api.registry.MunicipalityList;

/**
 * Brings the database schema up to date before anything reads or writes it: the services depend on this
 * component, so they only appear once the migrations have run. If a migration fails, activation fails with
 * the reason and no service comes up on a half-migrated schema. A municipality list refreshed by the registry
 * is put back in force here, for the same reason.
 */
@Component(service = Schema.class, immediate = true)
public class Schema {

    private final DataSource dataSource;
    private final int version;

    @Activate
    public Schema(@Reference(target = "(osgi.jndi.service.name=jdbc/samverkan)") DataSource dataSource)
            throws SQLException {
        this.dataSource = dataSource;
        this.version = SchemaMigrations.migrate(dataSource);
        // A refreshed municipality list is in force before any service validates a record against it. One that
        // cannot be read back must not take the platform down: the shipped list stays in force.
        try {
            new RegistryStoreImpl(this).municipalityList().ifPresent(MunicipalityList::use);
        } catch (RuntimeException e) {
            Logger.getLogger(Schema.class.getName()).log(Level.SEVERE,
                    "The stored municipality list cannot be used; the shipped list is in force", e);
        }
    }

    public int version() {
        return version;
    }

    DataSource dataSource() {
        return dataSource;
    }
}
