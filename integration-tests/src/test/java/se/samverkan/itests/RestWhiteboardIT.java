package se.samverkan.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

import org.junit.Test;
import org.osgi.framework.Bundle;
import org.osgi.framework.Constants;

import se.samverkan.itests.Http.Text;
import se.samverkan.itests.plugin.EchoPlugin;
import se.samverkan.itests.plugin.EchoResource;

/**
 * A plugin contributes an endpoint: a bundle installed into the running platform registers a JAX-RS resource as a
 * service with the whiteboard property; it is served under /api/v1 with the platform's authentication and is in the
 * OpenAPI description, and once the bundle is uninstalled its path answers 404 as problem+json. The platform's own
 * endpoints answer throughout. Also: Swagger UI is served from the distribution, with nothing from elsewhere.
 */
public class RestWhiteboardIT extends PlatformTestSupport {

    @Test
    public void aPluginBundleContributesAnEndpointThatGoesWithIt() throws Exception {
        assertNotServed();
        Bundle plugin = bundleContext.installBundle("itest:echo-plugin", new ByteArrayInputStream(pluginBundle()));
        try {
            plugin.start();
            Text read = await("the plugin's endpoint served", () -> http.text("/plugin-echo"), t -> t.status() == 200);
            assertEquals("echo", read.body());
            assertEquals("nosniff", read.headers().firstValue("X-Content-Type-Options").orElse(null));
            assertEquals("writes need credentials, as everywhere", 401, http.textOf("POST", "/plugin-echo").status());
            Text written = http.textOf("POST", "/plugin-echo", "Authorization", basic(ADMIN, ADMIN_PASSWORD));
            assertEquals(written.body(), 200, written.status());
            assertEquals("written by " + ADMIN, written.body());
            assertTrue("the description has the plugin's path",
                    http.get("/openapi.json").body().get("paths").has("/plugin-echo"));
            assertPlatformAnswers();
        } finally {
            plugin.uninstall();
        }
        await("the plugin's endpoint gone", () -> http.text("/plugin-echo"), t -> t.status() == 404);
        assertNotServed();
    }

    @Test
    public void swaggerUiIsServedFromTheDistribution() {
        String docs = http.base().replace("/v1", "/docs/");
        Text page = http.textAt(docs);
        assertEquals(200, page.status());
        assertTrue(page.body(), page.body().contains("swagger-ui-bundle.js"));
        for (String file : List.of("swagger-ui-bundle.js", "swagger-ui.css", "docs.js")) {
            assertEquals(file, 200, http.textAt(docs + file).status());
        }
        assertTrue(http.textAt(docs + "docs.js").body().contains("../v1/openapi.json"));
    }

    /** The plugin as a bundle of its own: its two classes and a manifest importing the SPI, JAX-RS and OSGi. */
    private static byte[] pluginBundle() throws IOException {
        Manifest manifest = new Manifest();
        Attributes headers = manifest.getMainAttributes();
        headers.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        headers.putValue(Constants.BUNDLE_MANIFESTVERSION, "2");
        headers.putValue(Constants.BUNDLE_SYMBOLICNAME, "itest-echo-plugin");
        headers.putValue(Constants.BUNDLE_ACTIVATOR, EchoPlugin.class.getName());
        headers.putValue(Constants.IMPORT_PACKAGE, "javax.ws.rs,javax.ws.rs.core,org.osgi.framework,"
                + "se.samverkan.api.security,se.samverkan.rest.spi");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (JarOutputStream jar = new JarOutputStream(bytes, manifest)) {
            for (Class<?> type : List.of(EchoPlugin.class, EchoResource.class)) {
                jar.putNextEntry(new JarEntry(type.getName().replace('.', '/') + ".class"));
                try (InputStream in = type.getResourceAsStream(type.getSimpleName() + ".class")) {
                    in.transferTo(jar);
                }
                jar.closeEntry();
            }
        }
        return bytes.toByteArray();
    }

    private void assertNotServed() {
        Text gone = http.text("/plugin-echo");
        assertEquals(404, gone.status());
        assertEquals("application/problem+json", gone.headers().firstValue("Content-Type").orElse(null));
        assertFalse(http.get("/openapi.json").body().get("paths").has("/plugin-echo"));
        assertPlatformAnswers();
    }

    private void assertPlatformAnswers() {
        for (String path : List.of("/health", "/municipalities/1487", "/activities?limit=1", "/openapi.json")) {
            assertEquals(path, 200, http.get(path).status());
        }
        assertEquals(401, http.get("/admin/feeds").status());
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }
}
