package se.samverkan.registries.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import se.samverkan.api.registry.County;
import se.samverkan.api.registry.ImportCounts;
import se.samverkan.api.registry.ListedMunicipality;
import se.samverkan.api.registry.MunicipalityList;
import se.samverkan.api.registry.RegistryRun;
import se.samverkan.persistence.spi.Jdbc;
import se.samverkan.persistence.spi.Storage;

/**
 * Registry runs in table {@code registry_run}, and the refreshed municipality list in {@code registry_county} and
 * {@code registry_municipality} ({@link Schema} puts a stored list back in force at start, so a refresh survives
 * restarts even while the registry import is not installed).
 */
@Component(service = RegistryStore.class)
public class RegistryStoreImpl implements RegistryStore {

    /** The registries tables\' scripts under db/registries, in order. Append, never edit. */
    static final List<String> SCRIPTS = List.of("V5__registries.sql");

    private static final int ERROR_LENGTH = 2000;

    private final Jdbc jdbc;

    @Activate
    public RegistryStoreImpl(@Reference Storage storage) throws SQLException {
        storage.migrate("registries", RegistryStoreImpl.class, SCRIPTS);
        this.jdbc = new Jdbc(storage.dataSource(), "the registries");
    }

    @Override
    public void record(RegistryRun run) {
        String error = run.error() == null || run.error().length() <= ERROR_LENGTH ? run.error()
                : run.error().substring(0, ERROR_LENGTH - 1) + "…";
        ImportCounts c = run.counts();
        jdbc.update("INSERT INTO registry_run (registry_id, started_at, finished_at, outcome, created_count, "
                        + "changed_count, unchanged_count, rejected_count, error) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                run.registryId(), Jdbc.timestamp(run.started()), Jdbc.timestamp(run.finished()), run.outcome().name(),
                c.created(), c.changed(), c.unchanged(), c.rejected(), error);
    }

    @Override
    public List<RegistryRun> runs(String registryId, int limit) {
        return jdbc.query("SELECT * FROM registry_run WHERE registry_id = ? ORDER BY id DESC FETCH FIRST " + limit
                + " ROWS ONLY", RegistryStoreImpl::run, registryId);
    }

    @Override
    public Optional<Instant> lastSuccess(String registryId) {
        return jdbc.query("SELECT MAX(finished_at) FROM registry_run WHERE registry_id = ? AND outcome = 'OK'",
                rs -> Optional.ofNullable(rs.getTimestamp(1)).map(Timestamp::toInstant).orElse(null), registryId).stream().filter(Objects::nonNull).findFirst();
    }

    @Override
    public Optional<MunicipalityList> municipalityList() {
        List<County> counties = jdbc.query("SELECT code, name FROM registry_county ORDER BY code",
                rs -> new County(rs.getString(1), rs.getString(2)));
        List<String> sources = new ArrayList<>();
        List<ListedMunicipality> municipalities = jdbc.query("SELECT code, name, county_code, source "
                + "FROM registry_municipality ORDER BY code", rs -> {
                    sources.add(rs.getString(4));
                    return new ListedMunicipality(rs.getString(1), rs.getString(2), rs.getString(3));
                });
        return municipalities.isEmpty() ? Optional.empty()
                : Optional.of(MunicipalityList.of(sources.get(0), counties, municipalities));
    }

    @Override
    public ImportCounts saveMunicipalityList(MunicipalityList list) {
        Map<String, String> before = entries(municipalityList().orElse(MunicipalityList.shipped()));
        int created = 0;
        int changed = 0;
        int unchanged = 0;
        for (Map.Entry<String, String> e : entries(list).entrySet()) {
            String was = before.get(e.getKey());
            if (was == null) {
                created++;
            } else if (was.equals(e.getValue())) {
                unchanged++;
            } else {
                changed++;
            }
        }
        jdbc.transaction(c -> {
            try (Statement s = c.createStatement()) {
                s.executeUpdate("DELETE FROM registry_municipality");
                s.executeUpdate("DELETE FROM registry_county");
            }
            Jdbc.batch(c, "INSERT INTO registry_county (code, name) VALUES (?, ?)",
                    list.counties().stream().map(k -> new Object[]{k.code(), k.name()}).toList());
            Jdbc.batch(c, "INSERT INTO registry_municipality (code, name, county_code, source) VALUES (?, ?, ?, ?)",
                    list.municipalities().stream().map(m -> new Object[]{m.code(), m.name(), m.countyCode(), list.source()})
                            .toList());
            return null;
        });
        return new ImportCounts(created, changed, unchanged, 0);
    }

    /** Every county and municipality of a list by code, with what a change of it would change. */
    private static Map<String, String> entries(MunicipalityList list) {
        Map<String, String> entries = new HashMap<>();
        list.counties().forEach(c -> entries.put(c.code(), c.name()));
        list.municipalities().forEach(m -> entries.put(m.code(), m.name() + ";" + m.countyCode()));
        return entries;
    }

    private static RegistryRun run(ResultSet rs) throws SQLException {
        return new RegistryRun(rs.getString("registry_id"), Jdbc.instant(rs, "started_at"),
                Jdbc.instant(rs, "finished_at"), RegistryRun.Outcome.valueOf(rs.getString("outcome")),
                new ImportCounts(rs.getInt("created_count"), rs.getInt("changed_count"), rs.getInt("unchanged_count"),
                        rs.getInt("rejected_count")), rs.getString("error"));
    }
}
