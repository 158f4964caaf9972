package se.samverkan.registries.internal;

import java.io.PrintStream;
import java.util.List;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;

import se.samverkan.api.registry.RegistryService;
import se.samverkan.shell.SamverkanCommand;

@Service
@Command(scope = "samverkan", name = "registry-run",
        description = "Runs a registry now, once (no retries), and shows the outcome.")
public class RegistryRunCommand extends SamverkanCommand {

    @Argument(index = 0, name = "id", required = true, description = "The registry's id, as in registry-list")
    @Completion(RegistryIds.class)
    String id;

    @Reference
    RegistryService registries;

    @Override
    protected void print(PrintStream out) {
        RegistryTables.registries(List.of(registries.run(consoleCaller(), id))).print(out);
    }
}
