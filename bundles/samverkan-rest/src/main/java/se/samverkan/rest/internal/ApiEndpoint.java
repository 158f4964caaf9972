package se.samverkan.rest.internal;

import java.io.Closeable;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

import org.apache.cxf.Bus;
import org.apache.cxf.endpoint.Server;
import org.apache.cxf.endpoint.ServerLifeCycleManager;
import org.apache.cxf.endpoint.ServerRegistry;
import org.apache.cxf.jaxrs.JAXRSServerFactoryBean;
import org.apache.cxf.transport.ChainInitiationObserver;

/**
 * The API at one address on CXF's servlet, built anew for each set of resources and extensions: the platform's
 * providers (body limit, JSON, errors, request rules, security) first, so they apply to every resource however it
 * came, then the contributed ones; and the OpenAPI description of exactly those resources.
 * <p>
 * CXF keeps one destination per address, which each new server shares with the one before. Its own start()
 * refuses a destination that is in use, and stop() or destroy() would leave it without a server for a moment (or
 * take it away): so the servers here are switched by handing the destination's requests from the old server to
 * the new in one step, and no request finds the address unserved while the API is rebuilt.
 */
final class ApiEndpoint implements AutoCloseable {

    private final Bus bus;
    private final String address;
    private final Supplier<List<Object>> platformProviders;
    private Server server;
    /** The ids of the OpenAPI descriptions built for {@link #server}, dropped when it is retired. */
    private Set<String> descriptions = Set.of();

    /** @param platformProviders fresh instances for each build (filters hold per-server context) */
    ApiEndpoint(Bus bus, String address, Supplier<List<Object>> platformProviders) {
        this.bus = bus;
        this.address = address;
        this.platformProviders = platformProviders;
    }

    /**
     * Serves these resources from now on; requests in flight on the previous build finish there.
     *
     * @throws RuntimeException if CXF refuses the set (a class that is no resource): the previous set stays served
     */
    synchronized void publish(List<Object> resources, List<Object> extensions) {
        if (resources.isEmpty()) {
            close();
            return;
        }
        JAXRSServerFactoryBean factory = new JAXRSServerFactoryBean();
        factory.setBus(bus);
        factory.setAddress(address);
        factory.setServiceBeans(new ArrayList<>(resources));
        List<Object> providers = new ArrayList<>(platformProviders.get());
        providers.addAll(extensions);
        factory.setProviders(providers);
        factory.getFeatures().add(ApiDescription.feature());
        factory.setStart(false);
        Set<String> before = ApiDescription.contextIds();
        Server next = RestServer.create(factory);
        Set<String> built = new HashSet<>(ApiDescription.contextIds());
        built.removeAll(before);
        // What Server.start() does, with the destination's observer replaced rather than set on an empty one.
        next.getDestination().setMessageObserver(new ChainInitiationObserver(next.getEndpoint(), bus));
        ServerRegistry registry = bus.getExtension(ServerRegistry.class);
        if (registry != null) {
            registry.register(next);
        }
        ServerLifeCycleManager lifeCycle = bus.getExtension(ServerLifeCycleManager.class);
        if (lifeCycle != null) {
            lifeCycle.startServer(next);
        }
        if (server != null) {
            retire(server);
        }
        server = next;
        ApiDescription.forget(descriptions);
        descriptions = built;
    }

    /** What Server.stop() does, but for the destination, which the next server holds (or close() shuts). */
    private void retire(Server previous) {
        for (Closeable hook : previous.getEndpoint().getCleanupHooks()) {
            try {
                hook.close();
            } catch (IOException e) {
                // CXF's own stop() ignores these too: nothing is left to do for a server no request reaches.
            }
        }
        ServerLifeCycleManager lifeCycle = bus.getExtension(ServerLifeCycleManager.class);
        if (lifeCycle != null) {
            lifeCycle.stopServer(previous);
        }
        ServerRegistry registry = bus.getExtension(ServerRegistry.class);
        if (registry != null) {
            registry.unregister(previous);
        }
    }

    @Override
    public synchronized void close() {
        if (server != null) {
            retire(server);
            server.getDestination().shutdown();
            server = null;
            ApiDescription.forget(descriptions);
            descriptions = Set.of();
        }
    }
}
