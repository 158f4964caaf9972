package se.samverkan.routes.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.apache.camel.ServiceStatus;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Routes come and go with the builder that brought them, and one broken builder harms no other route. */
class RoutesHostTest {

    private final RoutesHost host = new RoutesHost(new DefaultCamelContext(), () -> null);

    @AfterEach
    void stop() {
        host.stop();
    }

    @Test
    void removesExactlyTheRoutesOfTheBuilderThatWent() throws Exception {
        host.start();
        assertEquals(List.of("catalogue-import", "catalogue-report"), host.add("plugin-a", routes("catalogue-import",
                "catalogue-report")).stream().sorted().toList());
        assertEquals(List.of("feed-import"), host.add("plugin-b", routes("feed-import")));
        assertEquals(ServiceStatus.Started, host.context().getRouteController().getRouteStatus("catalogue-import"));

        assertEquals(2, host.remove("plugin-a").size());
        assertEquals(List.of("feed-import"), host.context().getRoutes().stream().map(r -> r.getRouteId()).toList());
        assertEquals(ServiceStatus.Started, host.context().getRouteController().getRouteStatus("feed-import"));
        assertTrue(host.remove("plugin-a").isEmpty(), "nothing left to remove");
        assertEquals("dispatched", host.context().createProducerTemplate().requestBody("direct:feed-import", "x"));
    }

    @Test
    void aBuilderWhoseRoutesCannotBeAddedLeavesTheOthersRunning() throws Exception {
        host.start();
        host.add("plugin-a", routes("catalogue-import"));
        assertThrows(Exception.class, () -> host.add("plugin-b", routes("catalogue-import")));
        assertEquals(ServiceStatus.Started, host.context().getRouteController().getRouteStatus("catalogue-import"));
        assertTrue(host.remove("plugin-b").isEmpty());
        assertEquals(1, host.context().getRoutes().size());
    }

    private static RouteBuilder routes(String... ids) {
        return new RouteBuilder() {
            @Override
            public void configure() {
                for (String id : ids) {
                    from("direct:" + id).routeId(id).setBody(constant("dispatched"));
                }
            }
        };
    }
}
