package se.samverkan.registries.internal;

import java.io.PrintStream;

import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;

import se.samverkan.api.registry.RegistryService;
import se.samverkan.shell.SamverkanCommand;

@Service
@Command(scope = "samverkan", name = "registry-list",
        description = "Lists the registries: source, schedule, last run (when, outcome, new/changed/unchanged/rejected), last error.")
public class RegistryListCommand extends SamverkanCommand {

    @Reference
    RegistryService registries;

    @Override
    protected void print(PrintStream out) {
        RegistryTables.registries(registries.registries()).print(out);
    }
}
