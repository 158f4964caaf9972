package se.samverkan.api.plugin;

import java.util.List;
import java.util.Optional;

/** The plugins the platform has seen since it started, for the console and monitoring. */
public interface PluginRegistry {

    /** Every plugin, ordered by name. */
    List<PluginReport> plugins();

    Optional<PluginReport> plugin(String name);
}
