package se.samverkan.plugins.internal;

import java.util.Collection;

import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;

import se.samverkan.api.plugin.PluginRegistry;
import se.samverkan.api.plugin.PluginReport;
import se.samverkan.shell.Completers;

/** Completes a plugin's name from the installed plugins. */
@Service
public class PluginNames extends Completers.ValuesCompleter {

    @Reference
    PluginRegistry registry;

    @Override
    protected Collection<String> values(String typed) {
        return registry.plugins().stream().map(PluginReport::name).toList();
    }
}
