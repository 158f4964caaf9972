package se.samverkan.persistence.internal;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import se.samverkan.api.plugin.ContributionLedger;
import se.samverkan.persistence.spi.Jdbc;

/**
 * The plugin contribution ledger in table {@code plugin_contribution}, and the set of inactive records derived
 * from it, which the services consult on every list and write and the search index on every query. The set is
 * small (the records of uninstalled plugins) and recomputed only when a plugin comes or goes.
 */
@Component(service = {ContributionLedger.class, Contributions.class})
public class Contributions implements ContributionLedger {

    private final Jdbc jdbc;
    private final SearchIndex index;
    /** kind → ids of inactive records; replaced whole, never changed in place. */
    private volatile Map<String, Set<String>> inactive = Map.of();

    /** Taking the schema keeps this (and the services that take this) off an old schema. */
    @Activate
    public Contributions(@Reference Schema schema, @Reference SearchIndex index) {
        this.jdbc = new Jdbc(schema.dataSource(), "the plugin contributions");
        this.index = index;
        reload();
    }

    @Override
    public Map<String, Map<String, Applied>> applied(String plugin) {
        Map<String, Map<String, Applied>> result = new HashMap<>();
        jdbc.query("SELECT kind, record_id, contributed_hash, stored_hash, owner FROM plugin_contribution "
                + "WHERE plugin = ?", rs -> result.computeIfAbsent(rs.getString(1), k -> new HashMap<>())
                .put(rs.getString(2), new Applied(rs.getString(3), rs.getString(4), rs.getBoolean(5))), plugin);
        return result;
    }

    @Override
    public void record(String plugin, String kind, String id, Applied applied) {
        int updated = jdbc.update("UPDATE plugin_contribution SET contributed_hash = ?, stored_hash = ?, owner = ?, "
                + "active = TRUE WHERE plugin = ? AND kind = ? AND record_id = ?", applied.contributed(), applied.stored(),
                applied.owner(), plugin, kind, id);
        if (updated == 0) {
            jdbc.update("INSERT INTO plugin_contribution (plugin, kind, record_id, contributed_hash, stored_hash, owner, "
                    + "active) VALUES (?, ?, ?, ?, ?, ?, TRUE)", plugin, kind, id, applied.contributed(), applied.stored(),
                    applied.owner());
        }
        if (inactive(kind, id)) {
            // An installed plugin now brings it too.
            reload();
        }
    }

    @Override
    public void restamp(String kind, String id, String before, String after) {
        jdbc.update("UPDATE plugin_contribution SET stored_hash = ? WHERE kind = ? AND record_id = ? AND stored_hash = ?",
                after, kind, id, before);
    }

    @Override
    public void setActive(String plugin, boolean active) {
        jdbc.update("UPDATE plugin_contribution SET active = ? WHERE plugin = ?", active, plugin);
        reload();
    }

    @Override
    public boolean inactive(String kind, String id) {
        return inactive.getOrDefault(kind, Set.of()).contains(id);
    }

    private void reload() {
        Map<String, Set<String>> found = new HashMap<>();
        jdbc.query("SELECT kind, record_id FROM plugin_contribution GROUP BY kind, record_id "
                + "HAVING MAX(CASE WHEN owner THEN 1 ELSE 0 END) = 1 AND MAX(CASE WHEN active THEN 1 ELSE 0 END) = 0",
                rs -> found.computeIfAbsent(rs.getString(1), k -> new HashSet<>()).add(rs.getString(2)));
        inactive = Map.copyOf(found);
        index.suspend(found.getOrDefault("activity", Set.of()));
    }
}
