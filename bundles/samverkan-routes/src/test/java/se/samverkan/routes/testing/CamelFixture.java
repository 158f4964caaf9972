package se.samverkan.routes.testing;

import org.apache.camel.CamelContext;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.impl.DefaultCamelContext;

import se.samverkan.api.service.ActivityService;
import se.samverkan.routes.internal.RoutesHost;

/**
 * A started CamelContext as the platform runs it, with the real {@code samverkan:} endpoint writing to the
 * given service (for example {@code se.samverkan.api.testing.InMemoryServices}' activities), for plugins
 * that test their routes without a container. Shipped in this bundle's test-jar.
 */
public final class CamelFixture implements AutoCloseable {

    private final RoutesHost host;

    private CamelFixture(ActivityService activities) {
        host = new RoutesHost(new DefaultCamelContext(), () -> activities);
        host.start();
    }

    public static CamelFixture start(ActivityService activities) {
        return new CamelFixture(activities);
    }

    /** Adds and starts a plugin's routes, as the platform does when the plugin registers them. */
    public CamelFixture add(RoutesBuilder routes) throws Exception {
        host.add(routes, routes);
        return this;
    }

    public CamelContext context() {
        return host.context();
    }

    @Override
    public void close() {
        host.stop();
    }
}
