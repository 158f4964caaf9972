package se.samverkan.registries.internal;

import static se.samverkan.shell.Tables.row;
import static se.samverkan.shell.Tables.table;

import java.util.Collection;

import org.apache.karaf.shell.support.table.ShellTable;

import se.samverkan.api.registry.ImportCounts;
import se.samverkan.api.registry.RegistryStatus;
import se.samverkan.shell.Formats;

/** The table the registry commands print. */
final class RegistryTables {

    private RegistryTables() {
    }

    static ShellTable registries(Collection<RegistryStatus> registries) {
        return table(registries, "No registries are configured.", r -> row(r.id(), r.source(), r.schedule(),
                        r.lastRun() == null ? "never" : Formats.instant(r.lastRun().finished()),
                        r.lastRun() == null ? "" : Formats.label(r.lastRun().outcome()),
                        r.lastRun() == null ? "" : importCounts(r.lastRun().counts()),
                        r.lastRun() == null || r.lastRun().error() == null ? "" : r.lastRun().error()),
                "Registry", "Source", "Schedule", "Last run", "Outcome", "What it did", "Last error");
    }

    /** What one registry run did. */
    static String importCounts(ImportCounts c) {
        return c.created() + " new, " + c.changed() + " changed, " + c.unchanged() + " unchanged, " + c.rejected()
                + " rejected";
    }
}
