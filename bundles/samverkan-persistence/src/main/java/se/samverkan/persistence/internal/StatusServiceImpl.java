package se.samverkan.persistence.internal;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import se.samverkan.api.service.StatusService;

@Component(service = StatusService.class)
public class StatusServiceImpl implements StatusService {

    /** Record kinds and their tables, in the order a person reads them. */
    private static final List<String> TABLES = List.of("municipality", "organisation", "agreement", "programme",
            "venue", "activity", "audit_log");

    private final Schema schema;

    @Activate
    public StatusServiceImpl(@Reference Schema schema) {
        this.schema = schema;
    }

    @Override
    public DatabaseStatus database() {
        try (Connection c = schema.dataSource().getConnection(); Statement s = c.createStatement()) {
            Map<String, Long> counts = new LinkedHashMap<>();
            for (String table : TABLES) {
                try (ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM " + table)) {
                    rs.next();
                    counts.put(table, rs.getLong(1));
                }
            }
            return new DatabaseStatus(Migrations.product(c), Migrations.safeUrl(c),
                    Migrations.highestVersion(c), counts);
        } catch (SQLException e) {
            throw new IllegalStateException("The database cannot be read: " + e.getMessage(), e);
        }
    }
}
