package se.samverkan.api.plugin;

import java.util.List;
import java.util.Optional;

import se.samverkan.api.security.Caller;

/** The plugins the platform has seen since it started, for the console and monitoring. */
public interface PluginRegistry {

    /** Every plugin, ordered by name. */
    List<PluginReport> plugins();

    Optional<PluginReport> plugin(String name);

    /**
     * Applies an installed plugin's contribution again, as the caller: an administrator's, and its writes are in the
     * audit log under the caller's name.
     *
     * @param takePluginVersion settle conflicts for the plugin: its version replaces records edited through the
     *                          API and brings back records deleted through it
     * @throws se.samverkan.api.service.NotFoundException if no installed plugin has that name
     * @throws se.samverkan.api.service.AccessDeniedException if the caller is not an administrator
     */
    PluginReport reapply(Caller caller, String name, boolean takePluginVersion);
}
