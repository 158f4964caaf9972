package se.samverkan.rest.internal;

import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

import org.apache.cxf.Bus;
import org.apache.cxf.BusFactory;
import org.apache.cxf.endpoint.Server;
import org.apache.cxf.jaxrs.JAXRSServerFactoryBean;
import org.osgi.framework.BundleContext;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.util.tracker.ServiceTracker;
import org.osgi.util.tracker.ServiceTrackerCustomizer;

import com.fasterxml.jackson.jaxrs.json.JacksonJsonProvider;

import se.samverkan.api.json.Json;
import se.samverkan.rest.spi.RestExtension;
import se.samverkan.rest.spi.RestResource;

/**
 * The REST whiteboard: every service marked {@link RestResource} is served under the API's address (/api/v1) while
 * it is registered, with every {@link RestExtension} and the platform's own providers; the API is rebuilt when one
 * comes or goes (the registrations of a bundle starting are taken in one rebuild). Beside it on CXF's servlet:
 * Swagger UI at /api/docs/, and at the root an answer for every other path, so that it too is problem+json.
 */
@Component(service = RestServer.class, immediate = true, configurationPid = "se.samverkan.rest")
@Designate(ocd = RestConfig.class)
public class RestServer {

    /** Changes within this time of the first are served by one rebuild. */
    static final long SETTLE_MILLIS = 200;
    /** How long stopping waits for a rebuild under way. */
    private static final long STOP_SECONDS = 10;

    private static final System.Logger LOG = System.getLogger(RestServer.class.getName());

    private final BundleContext context;
    private final ApiEndpoint api;
    private final Server docs;
    private final Server fallback;
    private final ScheduledExecutorService rebuilds = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "samverkan-rest-whiteboard");
        thread.setDaemon(true);
        return thread;
    });
    private final AtomicBoolean rebuildPending = new AtomicBoolean();
    /** Counts the comings and goings of contributions, and how many of them the served API includes. */
    private final AtomicLong changes = new AtomicLong();
    private volatile long served;
    private final ServiceTracker<Object, Object> tracker;

    @Activate
    public RestServer(RestConfig config, BundleContext context, @Reference WebSecurity security)
            throws InvalidSyntaxException {
        this.context = context;
        Bus bus = BusFactory.getDefaultBus();
        api = new ApiEndpoint(bus, config.address(), () -> providers(config.maxBodyBytes(), security, config.realm()));
        docs = docs(bus, config.address(), security);
        fallback = fallback(bus);
        tracker = new ServiceTracker<>(context, context.createFilter("(|(" + RestResource.PROPERTY + "=true)("
                + RestExtension.PROPERTY + "=true))"), new Contributions());
        // Not in this constructor: taking a resource that refers to the whiteboard (health) while the whiteboard is
        // being activated would be a cycle.
        rebuilds.execute(() -> tracker.open(true));
    }

    @Deactivate
    void stop() throws InterruptedException {
        // No rebuild starts from now on, and one under way ends first: it must not publish after api.close().
        rebuilds.shutdownNow();
        if (!rebuilds.awaitTermination(STOP_SECONDS, TimeUnit.SECONDS)) {
            LOG.log(Level.WARNING, "A rebuild of the REST API did not end within " + STOP_SECONDS + " s of stopping");
        }
        tracker.close();
        api.close();
        docs.destroy();
        fallback.destroy();
    }

    /** Takes a contribution as it comes and goes; the API is rebuilt on the whiteboard's own thread. */
    private final class Contributions implements ServiceTrackerCustomizer<Object, Object> {

        @Override
        public Object addingService(ServiceReference<Object> reference) {
            Object service = context.getService(reference);
            if (service != null) {
                changed();
            }
            return service;
        }

        @Override
        public void modifiedService(ServiceReference<Object> reference, Object service) {
            changed();
        }

        @Override
        public void removedService(ServiceReference<Object> reference, Object service) {
            context.ungetService(reference);
            changed();
        }
    }

    /**
     * Empty while the API serves every registered contribution; else why not, for the health check: a client
     * that finds the platform healthy finds every registered resource served.
     */
    List<String> problems() {
        return served == changes.get() ? List.of()
                : List.of("The REST API does not serve the resources registered now yet (see the log if this lasts)");
    }

    private void changed() {
        changes.incrementAndGet();
        if (!rebuilds.isShutdown() && rebuildPending.compareAndSet(false, true)) {
            try {
                rebuilds.schedule(this::rebuild, SETTLE_MILLIS, TimeUnit.MILLISECONDS);
            } catch (RejectedExecutionException stopping) {
                // The whiteboard is stopping: its tracker is closing and lets the services go; nothing to serve.
            }
        }
    }

    private void rebuild() {
        rebuildPending.set(false);
        long seen = changes.get();
        // In service order (ranking, then age), so each build serves the same set the same way.
        Map<ServiceReference<Object>, Object> tracked = new TreeMap<>(tracker.getTracked());
        List<Object> resources = new ArrayList<>();
        List<Object> extensions = new ArrayList<>();
        tracked.forEach((reference, service) -> {
            if (marked(reference, RestResource.PROPERTY)) {
                resources.add(service);
            }
            if (marked(reference, RestExtension.PROPERTY)) {
                extensions.add(service);
            }
        });
        try {
            api.publish(resources, extensions);
            served = seen;
            LOG.log(Level.INFO, "Serving {0} REST resources and {1} extensions", resources.size(), extensions.size());
        } catch (RuntimeException e) {
            LOG.log(Level.ERROR, "The REST API could not be rebuilt with " + resources + " and " + extensions
                    + "; the previous set is still served", e);
        }
    }

    private static boolean marked(ServiceReference<?> reference, String property) {
        Object value = reference.getProperty(property);
        return Boolean.TRUE.equals(value) || "true".equals(value);
    }

    /** Swagger UI at /api/docs/ on the description of the API at {@code apiAddress}. */
    static Server docs(Bus bus, String apiAddress, WebSecurity security) {
        return create(server(bus, "/docs", new ApiDocs(".." + apiAddress + "/openapi.json"), new SecurityHeaders(security)));
    }

    /** At the servlet's root: every path no other server takes answers 404 as problem+json. */
    static Server fallback(Bus bus) {
        return create(server(bus, "/", new NoSuchResource()));
    }

    private static JAXRSServerFactoryBean server(Bus bus, String address, Object resource, Object... providers) {
        JAXRSServerFactoryBean factory = new JAXRSServerFactoryBean();
        factory.setBus(bus);
        factory.setAddress(address);
        factory.setServiceBeans(List.of(resource));
        factory.setProviders(Stream.concat(Stream.of(new JacksonJsonProvider(Json.mapper()), new ProblemMapper()),
                Stream.of(providers)).toList());
        return factory;
    }

    static Server create(JAXRSServerFactoryBean factory) {
        // CXF looks up its extensions through the context class loader.
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(RestServer.class.getClassLoader());
        try {
            return factory.create();
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    /** The API's providers: body limit, JSON, errors, request rules, and the filters of {@link WebSecurity}. */
    static List<Object> providers(long maxBodyBytes, WebSecurity security, String realm) {
        return Stream.concat(Stream.of(new BodyLimit(maxBodyBytes), new JacksonJsonProvider(Json.mapper()),
                new ProblemMapper(), new RequestRules()), security.providers(realm).stream()).toList();
    }
}
