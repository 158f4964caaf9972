package se.samverkan.api.plugin;

import java.util.List;
import java.util.Optional;

/** The plugins the platform has seen since it started, for the console and monitoring. */
public interface PluginRegistry {

    /** Every plugin, ordered by name. */
    List<PluginReport> plugins();

    Optional<PluginReport> plugin(String name);

    /**
     * Applies an installed plugin's contribution again.
     *
     * @param takePluginVersion settle conflicts for the plugin: its version replaces records edited through the
     *                          API and brings back records deleted through it
     * @throws se.samverkan.api.service.NotFoundException if no installed plugin has that name
     */
    PluginReport reapply(String name, boolean takePluginVersion);
}
