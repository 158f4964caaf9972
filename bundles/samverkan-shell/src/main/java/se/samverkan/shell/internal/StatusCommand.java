package se.samverkan.shell.internal;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.Comparator;

import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;

import se.samverkan.api.service.StatusService;
import se.samverkan.api.service.StatusService.DatabaseStatus;
import se.samverkan.shell.Details;
import se.samverkan.shell.SamverkanCommand;
import se.samverkan.shell.Tables;

@Service
@Command(scope = "samverkan", name = "status",
        description = "Shows the Samverkan bundles, the database and how many records of each kind it holds.")
public class StatusCommand extends SamverkanCommand {

    /** Every Samverkan bundle, plugins included, has a symbolic name (= artifactId) starting with this. */
    static final String BUNDLE_PREFIX = "samverkan-";

    @Reference
    BundleContext bundleContext;

    /** Optional, so the bundle list still shows when the storage bundle is missing or failed to start. */
    @Reference(optional = true)
    StatusService status;

    @Override
    protected void print(PrintStream out) {
        out.println("Bundles");
        Tables.bundles(Arrays.stream(bundleContext.getBundles())
                .filter(b -> b.getSymbolicName() != null && b.getSymbolicName().startsWith(BUNDLE_PREFIX))
                .map(b -> new Tables.BundleRow(b.getSymbolicName(), b.getVersion().toString(), state(b.getState())))
                .sorted(Comparator.comparing(Tables.BundleRow::symbolicName))
                .toList()).print(out);
        out.println();
        out.println("Database");
        if (status == null) {
            out.println("Not available: no bundle offers a StatusService.");
            return;
        }
        DatabaseStatus database;
        try {
            database = status.database();
        } catch (RuntimeException e) {
            // A database that cannot be reached is what this command is there to report, not a failure of it.
            out.println("Not available: " + e.getMessage());
            return;
        }
        new Details().add("Product", database.product()).add("URL", database.url())
                .add("Schema version", database.schemaVersion()).print(out);
        out.println();
        out.println("Records");
        Tables.counts(database.counts()).print(out);
    }

    static String state(int state) {
        return switch (state) {
            case Bundle.UNINSTALLED -> "Uninstalled";
            case Bundle.INSTALLED -> "Installed";
            case Bundle.RESOLVED -> "Resolved";
            case Bundle.STARTING -> "Starting";
            case Bundle.STOPPING -> "Stopping";
            case Bundle.ACTIVE -> "Active";
            default -> "Unknown (" + state + ")";
        };
    }
}
