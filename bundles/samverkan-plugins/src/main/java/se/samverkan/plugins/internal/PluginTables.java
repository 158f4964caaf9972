package se.samverkan.plugins.internal;

import static se.samverkan.shell.Tables.row;
import static se.samverkan.shell.Tables.table;

import java.util.Collection;
import java.util.Map;
import java.util.stream.Collectors;

import org.apache.karaf.shell.support.table.ShellTable;

import se.samverkan.api.plugin.PluginReport;
import se.samverkan.shell.Formats;

/** The tables the plugin commands print. */
final class PluginTables {

    private PluginTables() {
    }

    static ShellTable plugins(Collection<PluginReport> plugins) {
        return table(plugins, "No plugins.", p -> row(p.name(), p.version(), Formats.label(p.state()),
                        Formats.instant(p.appliedAt()),
                        contributed(p.counts()), p.problems().size(), p.conflicts().size()),
                "Plugin", "Version", "State", "Since", "Contributed", "Problems", "Conflicts");
    }

    /** Per record kind: created / updated / already there. */
    static ShellTable counts(Map<String, PluginReport.Counts> counts) {
        return table(counts.entrySet(), "Nothing contributed.", e -> row(e.getKey(), e.getValue().created(),
                e.getValue().updated(), e.getValue().unchanged()), "Kind", "Created", "Updated", "Unchanged");
    }

    private static String contributed(Map<String, PluginReport.Counts> counts) {
        return counts.entrySet().stream().map(e -> e.getKey() + " " + (e.getValue().created() + e.getValue().updated()
                + e.getValue().unchanged())).collect(Collectors.joining(", "));
    }
}
