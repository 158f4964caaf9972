package se.samverkan.routes.internal;

import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

import org.apache.camel.CamelContext;
import org.apache.camel.Route;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.model.RouteDefinition;

import se.samverkan.api.service.ActivityService;
import se.samverkan.routes.SamverkanEndpoints;

/**
 * A CamelContext with the {@code samverkan:} component, into which routes come and go by the builder that
 * brought them: {@link #add} remembers which routes a builder added, so {@link #remove} can stop and remove
 * exactly those when the plugin that registered the builder goes. Routes are only added once the context has
 * started (routes added to an OSGi CamelContext before its start were never started). Public only for the
 * test fixture in this bundle's test-jar; the package is not exported.
 */
public final class RoutesHost {

    private static final Logger LOG = System.getLogger(RoutesHost.class.getName());
    /** How long a route that is being removed may take to finish the exchanges in flight. */
    private static final long SHUTDOWN_TIMEOUT_SECONDS = 15;

    private final CamelContext context;
    private final RouteClassResolver classResolver;
    private final Map<Object, List<String>> routeIdsByBuilder = new HashMap<>();

    /** @param activities the activity service now, or null while there is none */
    public RoutesHost(CamelContext context, Supplier<ActivityService> activities) {
        this.context = context;
        classResolver = new RouteClassResolver(context.getClassResolver());
        context.setClassResolver(classResolver);
        context.addComponent(SamverkanEndpoints.SCHEME, new SamverkanComponent(new ActivityImport(activities)));
        context.getShutdownStrategy().setTimeout(SHUTDOWN_TIMEOUT_SECONDS);
    }

    public CamelContext context() {
        return context;
    }

    public void start() {
        context.start();
    }

    public void stop() {
        context.stop();
    }

    /**
     * Adds and starts the routes of one builder.
     *
     * @param key what the builder is known by (its service reference), for {@link #remove}
     * @return the ids of the routes it added
     * @throws Exception if its routes could not be added or started (also if one has the id of a running route);
     *                   those that were added are remembered under key
     */
    public synchronized List<String> add(Object key, RoutesBuilder builder) throws Exception {
        Set<String> before = routeIds();
        classResolver.addRouteLoader(key, builder.getClass().getClassLoader());
        if (builder instanceof RouteBuilder routeBuilder) {
            // Camel replaces a route whose id is taken without a word: refuse, so no plugin stops another's route.
            for (RouteDefinition route : routeBuilder.configureRoutes(context).getRoutes()) {
                if (route.hasCustomIdAssigned() && before.contains(route.getRouteId())) {
                    throw new IllegalStateException("A route with the id '" + route.getRouteId()
                            + "' is already running in the CamelContext " + context.getName());
                }
            }
        }
        try {
            context.addRoutes(builder);
        } finally {
            Set<String> added = routeIds();
            added.removeAll(before);
            routeIdsByBuilder.put(key, List.copyOf(added));
        }
        return routeIdsByBuilder.get(key);
    }

    /**
     * Stops and removes the routes one builder added.
     *
     * @return their ids
     */
    public synchronized List<String> remove(Object key) {
        List<String> ids = routeIdsByBuilder.remove(key);
        if (ids == null) {
            classResolver.removeRouteLoader(key);
            return List.of();
        }
        List<String> removed = new ArrayList<>();
        for (String id : ids) {
            try {
                context.getRouteController().stopRoute(id);
                if (context.removeRoute(id)) {
                    removed.add(id);
                }
            } catch (Exception e) {
                LOG.log(Level.ERROR, "Could not remove route " + id + " from the CamelContext " + context.getName(), e);
            }
        }
        classResolver.removeRouteLoader(key);
        return removed;
    }

    private Set<String> routeIds() {
        Set<String> ids = new LinkedHashSet<>();
        for (Route route : context.getRoutes()) {
            ids.add(route.getRouteId());
        }
        return ids;
    }
}
