package se.samverkan.registries.internal;

import java.util.Collection;

import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;

import se.samverkan.api.registry.RegistryService;
import se.samverkan.api.registry.RegistryStatus;
import se.samverkan.shell.Completers;

/** Completes a registry's id from the configured registries. */
@Service
public class RegistryIds extends Completers.ValuesCompleter {

    @Reference
    RegistryService registries;

    @Override
    protected Collection<String> values(String typed) {
        return registries.registries().stream().map(RegistryStatus::id).toList();
    }
}
