package se.samverkan.api.registry;

import java.time.Instant;

/**
 * One run of a registry import, as recorded in table {@code registry_run}.
 *
 * @param counts what the run did; {@link ImportCounts#NONE} for a failed run, which changes nothing
 * @param error  why it failed, else null
 */
public record RegistryRun(String registryId, Instant started, Instant finished, Outcome outcome, ImportCounts counts,
                          String error) {

    public enum Outcome {
        /** The source was read and what it brought stored. */
        OK,
        /** The source could not be read or was unusable as a whole; the data of the last good run is kept. */
        FAILED
    }
}
