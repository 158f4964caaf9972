package se.samverkan.plugins.internal;

import java.io.PrintStream;
import java.util.List;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.CommandException;

import se.samverkan.api.plugin.PluginRegistry;
import se.samverkan.api.plugin.PluginReport;
import se.samverkan.shell.SamverkanCommand;

@Service
@Command(scope = "samverkan", name = "plugin-show",
        description = "Shows one plugin: its bundle, state, what it contributed and every problem and conflict with its reason.")
public class PluginShowCommand extends SamverkanCommand {

    @Argument(index = 0, name = "name", required = true, description = "The plugin's name, as in plugin-list")
    @Completion(PluginNames.class)
    String name;

    @Reference
    PluginRegistry registry;

    @Override
    protected void print(PrintStream out) throws CommandException {
        PluginReport p = registry.plugin(name)
                .orElseThrow(() -> new CommandException("No plugin named '" + name + "'; see samverkan:plugin-list"));
        PluginTables.plugins(List.of(p)).print(out);
        out.println("Bundle: " + p.bundle());
        PluginTables.counts(p.counts()).print(out);
        p.problems().forEach(problem -> out.println("Problem: " + problem));
        p.conflicts().forEach(conflict -> out.println("Conflict: " + conflict));
        if (!p.conflicts().isEmpty()) {
            out.println("To take the plugin's version of these records: samverkan:plugin-apply --take-plugin-version "
                    + p.name());
        }
    }
}
