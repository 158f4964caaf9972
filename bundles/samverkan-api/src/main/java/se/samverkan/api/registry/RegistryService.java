package se.samverkan.api.registry;

import java.util.List;
import java.util.Optional;

/** The configured registry imports (municipality list, organisation registers, KPIs): their state, and a run now. */
public interface RegistryService {

    /** Ordered by id. */
    List<RegistryStatus> registries();

    Optional<RegistryStatus> registry(String id);

    /**
     * Runs the registry now, once (no retries, so the caller sees the outcome at once), and waits for it.
     *
     * @throws se.samverkan.api.service.NotFoundException if no registry has that id
     */
    RegistryStatus run(String id);
}
