package se.samverkan.rest.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.lang.reflect.Method;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

import javax.ws.rs.HttpMethod;
import javax.ws.rs.Path;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/** The hand-kept OpenAPI document must describe exactly the operations the resource classes serve. */
class OpenApiDocumentTest {

    private static final List<Class<?>> RESOURCES = List.of(Resources.Municipalities.class,
            Resources.Organisations.class, Resources.Agreements.class, Resources.Programmes.class,
            Resources.Venues.class, ActivityResource.class, CalendarResource.class, AdminResource.class,
            RegistryAdminResource.class, JobResource.class, RegisterResource.class, KpiResource.class, DraftResource.class,
            SubscriptionResource.class, HealthResource.class, OpenApiResource.class);

    @Test
    void documentsEveryOperationAndNoOther() throws Exception {
        JsonNode doc = RestServer.objectMapper().readTree(OpenApiResource.class.getResourceAsStream(OpenApiResource.DOCUMENT));
        Set<String> documented = new TreeSet<>();
        for (Iterator<String> paths = doc.get("paths").fieldNames(); paths.hasNext(); ) {
            String path = paths.next();
            doc.get("paths").get(path).fieldNames().forEachRemaining(method -> {
                if (!method.equals("parameters")) {
                    documented.add(method.toUpperCase(Locale.ROOT) + " " + path);
                }
            });
        }
        assertEquals(served(), documented);
        assertEquals("3.0.3", doc.get("openapi").asText());
    }

    private static Set<String> served() {
        Set<String> operations = new TreeSet<>();
        for (Class<?> resource : RESOURCES) {
            String base = "/" + resource.getAnnotation(Path.class).value();
            for (Method m : resource.getMethods()) {
                String verb = verb(m);
                if (verb != null) {
                    Path sub = m.getAnnotation(Path.class);
                    operations.add(verb + " " + base + (sub == null ? "" : "/" + sub.value()));
                }
            }
        }
        return operations;
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
