package se.samverkan.api.plugin;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What became of one plugin.
 *
 * @param counts    per record kind, how many records were created, updated and already as contributed
 * @param problems  the records (or the whole plugin) that could not be applied, each with its reason
 * @param conflicts the records the plugin changed or brings back but that were edited or deleted through the API
 *                  since it last applied them: the API's version is kept, each named with what happened
 */
public record PluginReport(String name, String bundle, String version, State state, Instant appliedAt,
                           Map<String, Counts> counts, List<String> problems, List<String> conflicts) {

    public PluginReport {
        counts = Map.copyOf(counts);
        problems = List.copyOf(problems);
        conflicts = List.copyOf(conflicts);
    }

    public enum State {
        /** Everything it contributes is in, except any conflicts. */
        APPLIED,
        /** Applied, but some records were refused (see problems). */
        PARTLY_APPLIED,
        /** Nothing could be applied (e.g. its file is not valid JSON, or it threw). */
        FAILED,
        /** It is gone (uninstalled or stopped): the records it contributed are kept but inactive. */
        REMOVED
    }

    public record Counts(int created, int updated, int unchanged) {
    }
}
