package se.samverkan.registries.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import se.samverkan.api.registry.ImportCounts;
import se.samverkan.api.registry.OrganisationRegister;
import se.samverkan.api.registry.RegisterOrganisation;
import se.samverkan.api.util.Sha256;
import se.samverkan.persistence.spi.Jdbc;
import se.samverkan.persistence.spi.Storage;

/**
 * The organisation register in table {@code register_organisation}. An import reads the stored fingerprints
 * once, then writes only new and changed records, as JDBC batches of {@link Jdbc#BATCH} rows per commit.
 */
@Component(service = OrganisationRegister.class)
public class OrganisationRegisterImpl implements OrganisationRegister {

    private final Jdbc jdbc;

    @Activate
    public OrganisationRegisterImpl(@Reference Storage storage) throws SQLException {
        storage.migrate("registries", RegistryStoreImpl.class, RegistryStoreImpl.SCRIPTS);
        this.jdbc = new Jdbc(storage.dataSource(), "the organisation register");
    }

    @Override
    public ImportCounts upsert(Collection<RegisterOrganisation> organisations) {
        Map<String, String> stored = new HashMap<>();
        jdbc.query("SELECT organisation_number, fingerprint FROM register_organisation",
                rs -> stored.put(rs.getString(1), rs.getString(2)));
        List<Object[]> inserts = new ArrayList<>();
        List<Object[]> updates = new ArrayList<>();
        int unchanged = 0;
        Timestamp now = Jdbc.timestamp(Instant.now());
        for (RegisterOrganisation o : organisations) {
            String fingerprint = Sha256.hex(o.toString());
            String before = stored.get(o.organisationNumber());
            if (fingerprint.equals(before)) {
                unchanged++;
                continue;
            }
            Object[] row = {o.name(), o.name().toLowerCase(Locale.ROOT), o.municipalityCode(),
                    String.join("\n", o.areasOfWork()), o.contactAddress(), o.registerId(), fingerprint, now,
                    o.organisationNumber()};
            (before == null ? inserts : updates).add(row);
        }
        jdbc.batch("INSERT INTO register_organisation (name, name_key, municipality_code, areas_of_work, "
                + "contact_address, register_id, fingerprint, updated_at, organisation_number) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", inserts);
        jdbc.batch("UPDATE register_organisation SET name = ?, name_key = ?, municipality_code = ?, areas_of_work = ?, "
                + "contact_address = ?, register_id = ?, fingerprint = ?, updated_at = ? WHERE organisation_number = ?",
                updates);
        return new ImportCounts(inserts.size(), updates.size(), unchanged, 0);
    }

    @Override
    public Optional<RegisterOrganisation> find(String organisationNumber) {
        return jdbc.query("SELECT * FROM register_organisation WHERE organisation_number = ?",
                OrganisationRegisterImpl::organisation, organisationNumber).stream().findFirst();
    }

    @Override
    public List<RegisterOrganisation> search(String text, String municipality, int offset, int limit) {
        StringBuilder where = new StringBuilder("1 = 1");
        List<Object> parameters = new ArrayList<>();
        if (municipality != null) {
            where.append(" AND municipality_code = ?");
            parameters.add(municipality);
        }
        if (text != null) {
            for (String word : text.toLowerCase(Locale.ROOT).split("\\s+")) {
                if (!word.isEmpty()) {
                    where.append(" AND name_key LIKE ? ESCAPE '\\'");
                    parameters.add("%" + Jdbc.likeLiteral(word) + "%");
                }
            }
        }
        return jdbc.query("SELECT * FROM register_organisation WHERE " + where + " ORDER BY name_key, "
                + "organisation_number OFFSET " + Math.max(0, offset) + " ROWS FETCH NEXT " + Math.max(1, limit)
                + " ROWS ONLY", OrganisationRegisterImpl::organisation, parameters.toArray());
    }

    @Override
    public int count() {
        return jdbc.query("SELECT COUNT(*) FROM register_organisation", rs -> rs.getInt(1)).get(0);
    }

    private static RegisterOrganisation organisation(ResultSet rs) throws SQLException {
        String areas = rs.getString("areas_of_work");
        return new RegisterOrganisation(rs.getString("organisation_number"), rs.getString("name"),
                rs.getString("municipality_code"), areas.isEmpty() ? List.of() : Arrays.asList(areas.split("\n")),
                rs.getString("contact_address"), rs.getString("register_id"));
    }
}
