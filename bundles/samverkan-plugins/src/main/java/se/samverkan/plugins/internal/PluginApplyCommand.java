package se.samverkan.plugins.internal;

import java.io.PrintStream;
import java.util.List;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;

import se.samverkan.api.plugin.PluginRegistry;
import se.samverkan.api.plugin.PluginReport;
import se.samverkan.shell.SamverkanCommand;

@Service
@Command(scope = "samverkan", name = "plugin-apply",
        description = "Applies an installed plugin's contribution again, e.g. after records it brings were fixed.")
public class PluginApplyCommand extends SamverkanCommand {

    @Argument(index = 0, name = "name", required = true, description = "The plugin's name, as in plugin-list")
    @Completion(PluginNames.class)
    String name;

    @Option(name = "--take-plugin-version", description = "Settle its conflicts for the plugin: its version replaces "
            + "records edited through the API and brings back records deleted through it")
    boolean takePluginVersion;

    @Reference
    PluginRegistry registry;

    @Override
    protected void print(PrintStream out) {
        PluginReport report = registry.reapply(consoleCaller(), name, takePluginVersion);
        PluginTables.plugins(List.of(report)).print(out);
        report.problems().forEach(problem -> out.println("Problem: " + problem));
        report.conflicts().forEach(conflict -> out.println("Conflict: " + conflict));
    }
}
