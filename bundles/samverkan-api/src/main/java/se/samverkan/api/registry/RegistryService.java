package se.samverkan.api.registry;

import java.util.List;
import java.util.Optional;

import se.samverkan.api.security.Caller;

/** The configured registry imports (municipality list, organisation registers, KPIs): their state, and a run now. */
public interface RegistryService {

    /** Ordered by id. */
    List<RegistryStatus> registries();

    Optional<RegistryStatus> registry(String id);

    /**
     * Runs the registry now, once (no retries, so the caller sees the outcome at once), and waits for it: a run of
     * its import job {@code registry:ID}, checked and audited as every job's run.
     *
     * @throws se.samverkan.api.service.AccessDeniedException if the caller is not an administrator
     * @throws se.samverkan.api.service.NotFoundException if no registry has that id
     */
    RegistryStatus run(Caller caller, String id);
}
