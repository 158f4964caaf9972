package se.samverkan.registries.internal;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentSkipListMap;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

import se.samverkan.api.quarantine.Quarantined;
import se.samverkan.api.quarantine.Replayer;
import se.samverkan.api.registry.RegistryService;
import se.samverkan.api.registry.RegistryStatus;
import se.samverkan.api.service.NotFoundException;

/** The configured registries (one {@link Registry} component each), for the console and REST, and their replays. */
@Component(service = {RegistryService.class, Replayer.class})
public class Registries implements RegistryService, Replayer {

    private final Map<String, Registry> registries = new ConcurrentSkipListMap<>();

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void addRegistry(Registry registry) {
        registries.put(registry.id(), registry);
    }

    void removeRegistry(Registry registry) {
        registries.remove(registry.id(), registry);
    }

    @Override
    public List<RegistryStatus> registries() {
        return registries.values().stream().map(Registry::status).toList();
    }

    @Override
    public Optional<RegistryStatus> registry(String id) {
        return Optional.ofNullable(registries.get(id)).map(Registry::status);
    }

    /** Runs once, without the route's retries, reading the source even if it seems unchanged. */
    @Override
    public RegistryStatus run(String id) {
        Registry registry = registries.get(id);
        if (registry == null) {
            throw new NotFoundException("registry", id);
        }
        registry.forget();
        try {
            registry.run();
        } catch (Registry.UnavailableException e) {
            // Recorded as the run's error, which the status shows.
        }
        return registry.status();
    }

    @Override
    public boolean accepts(String source) {
        return registries.values().stream().anyMatch(r -> source.equals(r.quarantineSource()));
    }

    @Override
    public String replay(Quarantined item) {
        return registries.values().stream().filter(r -> item.source().equals(r.quarantineSource())).findFirst()
                .map(r -> r.replay(item.raw()))
                .orElse("the registry of " + item.source() + " is no longer configured");
    }
}
