package se.samverkan.registries.internal;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import se.samverkan.api.registry.ImportCounts;
import se.samverkan.api.registry.MunicipalityList;
import se.samverkan.api.registry.RegistryRun;

/** What the registries keep between runs: the record of each run, and the municipality list last refreshed. */
public interface RegistryStore {

    void record(RegistryRun run);

    /** Newest first. */
    List<RegistryRun> runs(String registryId, int limit);

    Optional<Instant> lastSuccess(String registryId);

    /** The list of the last successful refresh, or empty if the shipped one was never replaced. */
    Optional<MunicipalityList> municipalityList();

    /**
     * Replaces the stored list whole, in one transaction.
     *
     * @return counties and municipalities new, changed (renamed) and unchanged against the stored (or shipped) list
     */
    ImportCounts saveMunicipalityList(MunicipalityList list);
}
