package se.samverkan.registries.internal;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentSkipListMap;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

import se.samverkan.api.registry.RegistryService;
import se.samverkan.api.registry.RegistryStatus;
import se.samverkan.api.security.Caller;
import se.samverkan.api.service.NotFoundException;
import se.samverkan.routes.ImportJobs;

/**
 * The configured registries (one {@link Registry} component each) as the console and REST have long seen them: an
 * alias of their import jobs ({@code registry:ID}), whose runs and replays go through {@link ImportJobs}.
 */
@Component(service = RegistryService.class)
public class Registries implements RegistryService {

    private final Map<String, Registry> registries = new ConcurrentSkipListMap<>();
    private final ImportJobs jobs;

    @Activate
    public Registries(@Reference ImportJobs jobs) {
        this.jobs = jobs;
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void addRegistry(Registry registry) {
        registries.put(registry.registryId(), registry);
    }

    void removeRegistry(Registry registry) {
        registries.remove(registry.registryId(), registry);
    }

    @Override
    public List<RegistryStatus> registries() {
        return registries.values().stream().map(Registry::registryStatus).toList();
    }

    @Override
    public Optional<RegistryStatus> registry(String id) {
        return Optional.ofNullable(registries.get(id)).map(Registry::registryStatus);
    }

    /** The registry's job's run: once, without the route's retries, reading the source even if it seems unchanged. */
    @Override
    public RegistryStatus run(Caller caller, String id) {
        jobs.run(caller, Registry.jobId(id));
        return registry(id).orElseThrow(() -> new NotFoundException("registry", id));
    }
}
