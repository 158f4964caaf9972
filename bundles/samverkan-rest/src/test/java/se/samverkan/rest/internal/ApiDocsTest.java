package se.samverkan.rest.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Swagger UI at /api/docs/, served from the bundle with a policy that lets its own scripts run and nothing else. */
class ApiDocsTest {

    @TempDir
    Path dir;

    private final HttpClient client = HttpClient.newHttpClient();
    private ApiServer server;
    private URI docs;

    @BeforeEach
    void start() throws Exception {
        server = new ApiServer(dir, Map.of(), security -> List.of());
        docs = server.base.resolve("../docs/");
    }

    @AfterEach
    void stop() throws Exception {
        server.close();
    }

    @Test
    void servesSwaggerUiOnTheDescription() throws Exception {
        HttpResponse<String> page = get(docs);
        assertEquals(200, page.statusCode());
        assertTrue(page.body().contains("<script src=\"swagger-ui-bundle.js\">"), page.body());
        assertEquals(ApiDocs.POLICY, page.headers().firstValue("Content-Security-Policy").orElse(null));
        assertEquals("DENY", page.headers().firstValue("X-Frame-Options").orElse(null));
        HttpResponse<String> script = get(docs.resolve("docs.js"));
        assertTrue(script.body().contains("url: \"../v1/openapi.json\""), script.body());
        HttpResponse<String> description = get(docs.resolve("../v1/openapi.json"));
        assertEquals(200, description.statusCode(), "and the page's URL of the description is the API's");
        HttpResponse<String> bundle = get(docs.resolve("swagger-ui-bundle.js"));
        assertEquals(200, bundle.statusCode());
        assertTrue(bundle.body().contains("SwaggerUIBundle"));
        assertEquals("text/javascript;charset=utf-8", bundle.headers().firstValue("Content-Type").orElse("")
                .replace(" ", ""));
        assertEquals(200, get(docs.resolve("swagger-ui.css")).statusCode());
    }

    @Test
    void theAddressWithoutSlashLeadsToThePageAndOtherFilesAreProblems() throws Exception {
        HttpResponse<String> bare = get(server.base.resolve("../docs"));
        assertEquals(301, bare.statusCode());
        assertTrue(bare.headers().firstValue("Location").orElse("").endsWith("/api/docs/"));
        HttpResponse<String> other = get(docs.resolve("index.css"));
        assertEquals(404, other.statusCode());
        assertEquals("application/problem+json", other.headers().firstValue("Content-Type").orElse(null));
    }

    private HttpResponse<String> get(URI uri) throws Exception {
        return client.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString());
    }
}
