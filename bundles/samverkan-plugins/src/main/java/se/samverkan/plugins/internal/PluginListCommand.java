package se.samverkan.plugins.internal;

import java.io.PrintStream;

import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;

import se.samverkan.api.plugin.PluginRegistry;
import se.samverkan.shell.SamverkanCommand;

@Service
@Command(scope = "samverkan", name = "plugin-list",
        description = "Lists the municipality and partner plugins, their state and what they contributed.")
public class PluginListCommand extends SamverkanCommand {

    @Reference
    PluginRegistry registry;

    @Override
    protected void print(PrintStream out) {
        PluginTables.plugins(registry.plugins()).print(out);
    }
}
