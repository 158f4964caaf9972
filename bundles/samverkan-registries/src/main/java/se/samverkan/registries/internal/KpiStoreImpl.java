package se.samverkan.registries.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import se.samverkan.api.registry.ImportCounts;
import se.samverkan.api.registry.KpiStore;
import se.samverkan.api.registry.KpiValue;
import se.samverkan.persistence.spi.Jdbc;
import se.samverkan.persistence.spi.Storage;

/** Key figures in table {@code kpi_value}, upserted as batches against what is stored for the same KPIs. */
@Component(service = KpiStore.class)
public class KpiStoreImpl implements KpiStore {

    private final Jdbc jdbc;

    @Activate
    public KpiStoreImpl(@Reference Storage storage) throws SQLException {
        storage.migrate("registries", RegistryStoreImpl.class, RegistryStoreImpl.SCRIPTS);
        this.jdbc = new Jdbc(storage.dataSource(), "the key figures");
    }

    @Override
    public ImportCounts upsert(Collection<KpiValue> values) {
        Map<List<Object>, KpiValue> stored = new HashMap<>();
        for (String kpi : values.stream().map(KpiValue::kpi).distinct().toList()) {
            values(null, kpi).forEach(v -> stored.put(key(v), v));
        }
        List<Object[]> inserts = new ArrayList<>();
        List<Object[]> updates = new ArrayList<>();
        int unchanged = 0;
        Timestamp now = Jdbc.timestamp(Instant.now());
        for (KpiValue v : values) {
            KpiValue before = stored.get(key(v));
            if (v.equals(before)) {
                unchanged++;
                continue;
            }
            Object[] row = {v.value(), v.count(), v.status(), now, v.municipalityCode(), v.kpi(), v.year(), v.gender()};
            (before == null ? inserts : updates).add(row);
        }
        jdbc.batch("INSERT INTO kpi_value (kpi_value, value_count, status, updated_at, municipality_code, kpi, period, "
                + "gender) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", inserts);
        jdbc.batch("UPDATE kpi_value SET kpi_value = ?, value_count = ?, status = ?, updated_at = ? "
                + "WHERE municipality_code = ? AND kpi = ? AND period = ? AND gender = ?", updates);
        return new ImportCounts(inserts.size(), updates.size(), unchanged, 0);
    }

    @Override
    public List<KpiValue> values(String municipality, String kpi) {
        String where = (municipality == null ? "1 = 1" : "municipality_code = ?") + (kpi == null ? "" : " AND kpi = ?");
        List<Object> parameters = new ArrayList<>();
        if (municipality != null) {
            parameters.add(municipality);
        }
        if (kpi != null) {
            parameters.add(kpi);
        }
        return jdbc.query("SELECT * FROM kpi_value WHERE " + where + " ORDER BY municipality_code, kpi, period, gender",
                KpiStoreImpl::value, parameters.toArray());
    }

    private static List<Object> key(KpiValue v) {
        return List.of(v.municipalityCode(), v.kpi(), v.year(), v.gender());
    }

    private static KpiValue value(ResultSet rs) throws SQLException {
        double value = rs.getDouble("kpi_value");
        Double nullable = rs.wasNull() ? null : value;
        int count = rs.getInt("value_count");
        Integer countOrNull = rs.wasNull() ? null : count;
        return new KpiValue(rs.getString("municipality_code"), rs.getString("kpi"), rs.getInt("period"),
                rs.getString("gender"), nullable, countOrNull, rs.getString("status"));
    }
}
