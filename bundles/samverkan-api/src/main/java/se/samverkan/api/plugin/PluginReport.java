package se.samverkan.api.plugin;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What became of one plugin.
 *
 * @param counts   per record kind, how many records were created, updated and already as contributed
 * @param problems the records (or the whole plugin) that could not be applied, each with its reason
 */
public record PluginReport(String name, String bundle, String version, State state, Instant appliedAt,
                           Map<String, Counts> counts, List<String> problems) {

    public enum State {
        /** Everything it contributes is in. */
        APPLIED,
        /** Applied, but some records were refused (see problems). */
        PARTLY_APPLIED,
        /** Nothing could be applied (e.g. its file is not valid JSON, or it threw). */
        FAILED,
        /** Its bundle is gone; the records it contributed are kept. */
        REMOVED
    }

    public record Counts(int created, int updated, int unchanged) {
    }
}
