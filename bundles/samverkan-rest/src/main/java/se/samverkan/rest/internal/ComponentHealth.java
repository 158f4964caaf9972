package se.samverkan.rest.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;
import org.osgi.service.component.runtime.ServiceComponentRuntime;
import org.osgi.service.component.runtime.dto.ComponentConfigurationDTO;
import org.osgi.service.component.runtime.dto.ComponentDescriptionDTO;
import org.osgi.service.component.runtime.dto.ReferenceDTO;
import org.osgi.service.component.runtime.dto.SatisfiedReferenceDTO;
import org.osgi.service.component.runtime.dto.UnsatisfiedReferenceDTO;

/**
 * Whether every component of the started Samverkan bundles is up, from the component runtime's own view: one
 * line per component that waits for a service, failed to start, or runs without a service that is registered
 * for it (a component that could not be got while it was being bound, as a cycle of references once did after
 * a restart, leaving registries out while everything looked active).
 */
final class ComponentHealth {

    /** Where a component's registered services are looked up: its own bundle's view, which it binds from. */
    interface Services {
        Set<Long> registered(ComponentDescriptionDTO component, ReferenceDTO reference);
    }

    private final ServiceComponentRuntime runtime;
    private final Function<ServiceComponentRuntime, Collection<ComponentDescriptionDTO>> components;
    private final Services services;

    ComponentHealth(ServiceComponentRuntime runtime,
                    Function<ServiceComponentRuntime, Collection<ComponentDescriptionDTO>> components,
                    Services services) {
        this.runtime = runtime;
        this.components = components;
        this.services = services;
    }

    /**
     * The components of the started and starting bundles whose symbolic names start with {@code samverkan-}: a
     * bundle is starting while its immediate components activate (the first administrator is created so).
     */
    static ComponentHealth of(BundleContext context, ServiceComponentRuntime runtime) {
        return new ComponentHealth(runtime, scr -> scr.getComponentDescriptionDTOs(Arrays.stream(context.getBundles())
                        .filter(b -> (b.getState() & (Bundle.ACTIVE | Bundle.STARTING)) != 0
                                && b.getSymbolicName() != null
                                && b.getSymbolicName().startsWith("samverkan-"))
                        .toArray(Bundle[]::new)),
                (component, reference) -> registered(context.getBundle(component.bundle.id), reference));
    }

    /** Empty when all is well. */
    List<String> problems() {
        List<String> problems = new ArrayList<>();
        for (ComponentDescriptionDTO component : components.apply(runtime)) {
            if (!runtime.isComponentEnabled(component)) {
                continue;
            }
            for (ComponentConfigurationDTO configuration : runtime.getComponentConfigurationDTOs(component)) {
                problem(component, configuration).ifPresent(problems::add);
            }
        }
        return problems;
    }

    private Optional<String> problem(ComponentDescriptionDTO component, ComponentConfigurationDTO c) {
        String name = component.name;
        if (c.state == ComponentConfigurationDTO.UNSATISFIED_REFERENCE) {
            return Optional.of(name + " waits for " + String.join(", ", Arrays.stream(c.unsatisfiedReferences)
                    .map((UnsatisfiedReferenceDTO r) -> r.name).toList()));
        }
        if (c.state == ComponentConfigurationDTO.FAILED_ACTIVATION) {
            return Optional.of(name + " failed to start: " + firstLine(c.failure));
        }
        if (c.state == ComponentConfigurationDTO.SATISFIED && component.immediate) {
            // An immediate component is activated as soon as it is satisfied: until then what it does is not done.
            return Optional.of(name + " is starting");
        }
        if (c.state != ComponentConfigurationDTO.ACTIVE) {
            return Optional.empty();  // satisfied and not yet needed, or configuring
        }
        for (ReferenceDTO reference : component.references) {
            if (!reference.cardinality.endsWith("..n") || !"dynamic".equals(reference.policy)) {
                continue;
            }
            Set<Long> missing = new HashSet<>(services.registered(component, reference));
            Arrays.stream(c.satisfiedReferences).filter((SatisfiedReferenceDTO s) -> s.name.equals(reference.name))
                    .flatMap(s -> Arrays.stream(s.boundServices)).forEach(s -> missing.remove(s.id));
            if (!missing.isEmpty()) {
                return Optional.of(name + " has not taken " + missing.size() + " registered "
                        + reference.interfaceName + " service(s) " + missing.stream().sorted().toList());
            }
        }
        return Optional.empty();
    }

    private static Set<Long> registered(Bundle bundle, ReferenceDTO reference) {
        Set<Long> ids = new HashSet<>();
        BundleContext context = bundle == null ? null : bundle.getBundleContext();
        if (context == null) {
            return ids;
        }
        try {
            ServiceReference<?>[] found = context.getServiceReferences(reference.interfaceName, reference.target);
            if (found != null) {
                for (ServiceReference<?> r : found) {
                    ids.add((Long) r.getProperty(Constants.SERVICE_ID));
                }
            }
        } catch (InvalidSyntaxException | IllegalStateException e) {
            // A target SCR accepted is valid; a bundle stopping meanwhile has nothing to compare.
        }
        return ids;
    }

    private static String firstLine(String failure) {
        if (failure == null) {
            return "no reason given";
        }
        int end = failure.indexOf('\n');
        return (end < 0 ? failure : failure.substring(0, end)).trim();
    }
}
