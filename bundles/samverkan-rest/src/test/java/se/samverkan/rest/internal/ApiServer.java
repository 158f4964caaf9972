package se.samverkan.rest.internal;

import java.lang.reflect.Proxy;
import java.net.InetAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import javax.security.auth.login.AppConfigurationEntry;
import javax.security.auth.login.Configuration;

import org.apache.cxf.Bus;
import org.apache.cxf.BusFactory;
import org.apache.cxf.transport.servlet.CXFNonSpringServlet;
import org.apache.karaf.jaas.modules.properties.PropertiesLoginModule;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.servlet.ServletContextHandler;
import org.eclipse.jetty.servlet.ServletHolder;

import se.samverkan.api.testing.MovableClock;

/**
 * The API as the container runs it: CXF's servlet in Jetty on a loopback port with the servers {@link RestServer}
 * makes (the API with the providers of {@link WebSecurity}, Swagger UI, the root's fallback), and Karaf's
 * properties login module as the realm "karaf" over a users file of the test. The test publishes the resources
 * that the whiteboard would have found.
 */
final class ApiServer implements AutoCloseable {

    /** A SecurityConfig as Declarative Services makes it from a configuration: the given values, else the defaults. */
    static SecurityConfig config(Map<String, Object> values) {
        return (SecurityConfig) Proxy.newProxyInstance(SecurityConfig.class.getClassLoader(),
                new Class<?>[] {SecurityConfig.class}, (proxy, method, args) -> {
                    if (method.getName().equals("annotationType")) {
                        return SecurityConfig.class;
                    }
                    String key = method.getName().replace('_', '.');
                    return values.containsKey(key) ? values.get(key) : method.getDefaultValue();
                });
    }

    private final Server jetty;
    private final Bus bus;
    final ApiEndpoint api;
    final URI base;
    final MovableClock clock = new MovableClock(Instant.parse("2026-03-01T10:00:00Z"));

    /** Users: admin (role admin), coordinator (coordinator, municipality:1487), all with password "right". */
    ApiServer(Path dir, Map<String, Object> settings, Function<WebSecurity, List<Object>> resources) throws Exception {
        Path users = Files.writeString(dir.resolve("users.properties"),
                "admin = right,admin\ncoordinator = right,coordinator,municipality:1487\n");
        Configuration.setConfiguration(new Configuration() {
            @Override
            public AppConfigurationEntry[] getAppConfigurationEntry(String name) {
                return name.equals("karaf") ? new AppConfigurationEntry[] {new AppConfigurationEntry(
                        PropertiesLoginModule.class.getName(), AppConfigurationEntry.LoginModuleControlFlag.REQUIRED,
                        Map.of("users", users.toString()))} : null;
            }
        });
        WebSecurity security = new WebSecurity(config(settings), clock);
        bus = BusFactory.newInstance().createBus();
        CXFNonSpringServlet servlet = new CXFNonSpringServlet();
        servlet.setBus(bus);
        jetty = new Server();
        ServerConnector connector = new ServerConnector(jetty);
        connector.setHost("127.0.0.1");
        jetty.addConnector(connector);
        ServletContextHandler context = new ServletContextHandler();
        context.setContextPath("/api");
        context.addServlet(new ServletHolder(servlet), "/*");
        jetty.setHandler(context);
        jetty.start();
        List<Object> beans = new ArrayList<>(resources.apply(security));
        beans.add(new HealthResource(List::of));
        api = new ApiEndpoint(bus, "/v1", () -> RestServer.providers(1_048_576, security, "karaf"));
        api.publish(beans, List.of());
        RestServer.docs(bus, "/v1", security);
        RestServer.fallback(bus);
        base = URI.create("http://" + InetAddress.getLoopbackAddress().getHostAddress() + ":"
                + connector.getLocalPort() + "/api/v1/");
    }

    @Override
    public void close() throws Exception {
        jetty.stop();
        bus.shutdown(true);
    }
}
