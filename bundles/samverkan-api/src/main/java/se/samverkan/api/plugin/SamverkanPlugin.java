package se.samverkan.api.plugin;

/**
 * A municipality's or partner's contribution to the platform. A plugin bundle registers it as an OSGi service
 * (a Declarative Services component, or no Java at all: a JSON file named by the bundle header
 * {@value #HEADER}); the platform finds every such service and applies what it contributes.
 */
public interface SamverkanPlugin {

    /** Bundle header naming a contribution file inside the bundle, e.g. {@code Samverkan-Plugin: plugin.json}. */
    String HEADER = "Samverkan-Plugin";

    /** Stable name, shown at the console; by convention the bundle's symbolic name. */
    String name();

    Contribution contribution();
}
