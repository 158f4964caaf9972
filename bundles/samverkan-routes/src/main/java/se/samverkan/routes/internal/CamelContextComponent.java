package se.samverkan.routes.internal;

import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.util.Hashtable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import org.apache.camel.CamelContext;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.core.osgi.OsgiDefaultCamelContext;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

import se.samverkan.api.service.ActivityService;

/**
 * The platform's one CamelContext, "samverkan", registered as an OSGi service (so Karaf's {@code camel:*}
 * commands list it and its routes). Whiteboard: every {@link RoutesBuilder} service any bundle registers has
 * its routes added once the context has started, and removed again when the service goes (its plugin is
 * uninstalled, stopped or updated); there is no list of routes anywhere.
 *
 * <p>The activity service is optional and dynamic: the context and its routes keep running while storage
 * restarts, and {@code samverkan:activities} fails an exchange in that time, for the route's error handler
 * to retry.
 */
@Component(immediate = true, service = {})
public class CamelContextComponent {

    /** The name the context is known by, e.g. in {@code camel:context-list}. */
    public static final String NAME = "samverkan";

    private static final Logger LOG = System.getLogger(CamelContextComponent.class.getName());

    private final AtomicReference<ActivityService> activities = new AtomicReference<>();
    /** Builders bound before the context has started. */
    private final Map<ServiceReference<RoutesBuilder>, RoutesBuilder> waiting = new LinkedHashMap<>();
    private RoutesHost host;
    private ServiceRegistration<CamelContext> registration;

    @Reference(name = "activities", cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void bindActivities(ActivityService service) {
        activities.set(service);
    }

    void unbindActivities(ActivityService service) {
        activities.compareAndSet(service, null);
    }

    @Activate
    void activate(BundleContext bundleContext) {
        OsgiDefaultCamelContext context = new OsgiDefaultCamelContext(bundleContext);
        context.setName(NAME);
        // The pattern took the generated name when the context was built; this names Camel's threads "samverkan".
        context.getExecutorServiceManager().setThreadNamePattern("Camel (#camelId#) thread ##counter# - #name#");
        RoutesHost started = new RoutesHost(context, activities::get);
        started.start();
        Hashtable<String, Object> properties = new Hashtable<>();
        properties.put("camel.context.name", NAME);
        properties.put("camel.context.symbolicname", bundleContext.getBundle().getSymbolicName());
        registration = bundleContext.registerService(CamelContext.class, context, properties);
        synchronized (this) {
            host = started;
            waiting.forEach(this::add);
            waiting.clear();
        }
        LOG.log(Level.INFO, "CamelContext " + NAME + " started with " + context.getRoutesSize() + " routes");
    }

    @Deactivate
    void deactivate() {
        RoutesHost stopping;
        synchronized (this) {
            stopping = host;
            host = null;
        }
        if (registration != null) {
            registration.unregister();
            registration = null;
        }
        if (stopping != null) {
            stopping.stop();
        }
    }

    @Reference(name = "routes", service = RoutesBuilder.class, cardinality = ReferenceCardinality.MULTIPLE,
            policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    synchronized void addRoutes(RoutesBuilder builder, ServiceReference<RoutesBuilder> reference) {
        if (host == null) {
            waiting.put(reference, builder);
        } else {
            add(reference, builder);
        }
    }

    synchronized void removeRoutes(RoutesBuilder builder, ServiceReference<RoutesBuilder> reference) {
        waiting.remove(reference);
        if (host != null) {
            List<String> removed = host.remove(reference);
            LOG.log(Level.INFO, "Routes of " + owner(reference) + " removed: " + removed);
        }
    }

    private void add(ServiceReference<RoutesBuilder> reference, RoutesBuilder builder) {
        try {
            List<String> added = host.add(reference, builder);
            LOG.log(Level.INFO, "Routes of " + owner(reference) + " started: " + added);
        } catch (Exception e) {
            // One plugin's broken route harms no other route.
            LOG.log(Level.ERROR, "Routes of " + owner(reference) + " could not be started: " + e.getMessage(), e);
        }
    }

    private static String owner(ServiceReference<?> reference) {
        return reference.getBundle() == null ? "a bundle that has gone" : reference.getBundle().getSymbolicName();
    }
}
