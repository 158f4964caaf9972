package se.samverkan.rest.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import javax.ws.rs.HttpMethod;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.SwaggerParseResult;

import se.samverkan.api.json.Json;

/**
 * The OpenAPI description as the API serves it, generated from the resources' annotations: every operation of every
 * resource class of this bundle is in it and nothing else, and a validator finds nothing wrong with it. The whole
 * description, with every bundle's resources and every operation of the last hand-kept one: PlatformIT.
 */
class OpenApiDocumentTest {

    @TempDir
    static Path dir;

    private static ApiServer server;
    private static String text;
    private static JsonNode doc;

    @BeforeAll
    static void serve() throws Exception {
        List<Object> resources = new ArrayList<>();
        for (Class<?> type : resourceClasses()) {
            resources.add(instance(type));
        }
        server = new ApiServer(dir, Map.of(), security -> resources);
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                server.base.resolve("openapi.json")).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), response.body());
        text = response.body();
        doc = Json.mapper().readTree(text);
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
    }

    @Test
    void describesEveryOperationOfEveryResourceAndNoOther() throws Exception {
        Set<String> served = new TreeSet<>(Set.of("GET /openapi.json", "GET /openapi.yaml"));
        for (Class<?> resource : resourceClasses()) {
            String base = "/" + resource.getAnnotation(javax.ws.rs.Path.class).value();
            for (Method m : resource.getMethods()) {
                String verb = verb(m);
                if (verb != null) {
                    javax.ws.rs.Path sub = m.getAnnotation(javax.ws.rs.Path.class);
                    served.add(verb + " " + base + (sub == null ? "" : "/" + sub.value()));
                }
            }
        }
        assertEquals(served, documented());
    }

    @Test
    void isValidOpenApi() {
        SwaggerParseResult result = new OpenAPIV3Parser().readContents(text, null, null);
        assertNotNull(result.getOpenAPI(), String.valueOf(result.getMessages()));
        assertEquals(List.of(), result.getMessages());
        assertTrue(doc.get("openapi").asText().startsWith("3.0"), doc.get("openapi").asText());
    }

    @Test
    void saysWhatEachOperationNeedsAndAnswers() {
        JsonNode paths = doc.get("paths");
        assertEquals("basic", doc.at("/components/securitySchemes/basic/scheme").asText());
        // Writes need credentials, reads do not (administration and subscribing: PlatformIT, with every bundle's).
        assertEquals("[{\"basic\":[]}]", paths.at("/~1venues/post/security").toString());
        assertTrue(paths.at("/~1venues/get/security").isMissingNode());
        assertTrue(paths.at("/~1venues/post/responses/401").isObject());
        // Errors are problem+json (the subscription pages, HTML also when the link is bad: PlatformIT).
        assertEquals("#/components/schemas/Problem", paths.at("/~1venues~1{id}/put/responses/412/content/"
                + "application~1problem+json/schema/$ref").asText());
        assertEquals("#/components/schemas/Problem", paths.at("/~1health/get/responses/default/content/"
                + "application~1problem+json/schema/$ref").asText());
        assertTrue(doc.at("/components/schemas/Problem/properties/errors").isObject());
        // The generic record endpoints answer with their kind's record.
        assertEquals("#/components/schemas/Municipality", paths.at("/~1municipalities~1{id}/get/responses/200/"
                + "content/application~1json/schema/$ref").asText());
        assertEquals("#/components/schemas/Activity", paths.at("/~1activities/post/requestBody/content/"
                + "application~1json/schema/$ref").asText());
        assertEquals("#/components/schemas/Venue", paths.at("/~1venues/get/responses/200/content/"
                + "application~1json/schema/items/$ref").asText());
        assertEquals("If-Match", paths.at("/~1agreements~1{id}/delete/parameters/1/name").asText());
        assertTrue(doc.at("/servers/0/url").asText().endsWith("/api/v1"), doc.at("/servers").toString());
    }

    private static Set<String> documented() {
        Set<String> operations = new TreeSet<>();
        for (Iterator<String> paths = doc.get("paths").fieldNames(); paths.hasNext(); ) {
            String path = paths.next();
            doc.get("paths").get(path).fieldNames().forEachRemaining(method -> {
                if (!method.equals("parameters")) {
                    operations.add(method.toUpperCase(Locale.ROOT) + " " + path);
                }
            });
        }
        return operations;
    }

    /** The classes of this bundle the whiteboard serves under /api/v1: every concrete one with a {@code @Path}. */
    static List<Class<?>> resourceClasses() throws IOException, URISyntaxException {
        Path classes = Path.of(RestServer.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        List<Class<?>> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(classes)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
                String name = classes.relativize(file).toString().replace(".class", "").replace('/', '.');
                Class<?> type;
                try {
                    type = Class.forName(name);
                } catch (ClassNotFoundException e) {
                    throw new IllegalStateException(e);
                }
                if (type.isAnnotationPresent(javax.ws.rs.Path.class) && !Modifier.isAbstract(type.getModifiers())
                        && type != NoSuchResource.class && type != ApiDocs.class) {
                    found.add(type);
                }
            }
        }
        found.sort(Comparator.comparing(Class::getName));
        assertEquals(8, found.size(), "the records' resources: " + found);
        return found;
    }

    /** A resource built with no services: describing it calls none. */
    private static Object instance(Class<?> type) throws ReflectiveOperationException {
        Constructor<?> constructor = Stream.of(type.getConstructors())
                .max(Comparator.comparingInt(Constructor::getParameterCount)).orElseThrow();
        return constructor.newInstance(new Object[constructor.getParameterCount()]);
    }

    private static String verb(Method m) {
        for (var a : m.getAnnotations()) {
            HttpMethod http = a.annotationType().getAnnotation(HttpMethod.class);
            if (http != null) {
                return http.value();
            }
        }
        return null;
    }
}
