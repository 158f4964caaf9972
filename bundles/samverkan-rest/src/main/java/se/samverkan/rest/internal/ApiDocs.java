package se.samverkan.rest.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.Map;

import javax.ws.rs.GET;
import javax.ws.rs.NotFoundException;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.core.CacheControl;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.UriInfo;

import se.samverkan.api.json.Json;

/**
 * Swagger UI on the generated OpenAPI description, at /api/docs/, from files inside this bundle (nothing is loaded
 * from elsewhere). Its page runs its own scripts, so it sends a policy that allows them from this origin only.
 */
@Path("/")
public class ApiDocs {

    static final String POLICY = "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
            + "img-src 'self' data:; connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

    /** Swagger UI's files (from its webjar) and their types; nothing else is served. */
    private static final Map<String, String> FILES = Map.of(
            "swagger-ui-bundle.js", "text/javascript; charset=utf-8",
            "swagger-ui-bundle.js.LICENSE.txt", "text/plain; charset=utf-8",
            "swagger-ui.css", "text/css; charset=utf-8",
            "favicon-32x32.png", "image/png");

    private final byte[] page = read("index.html");
    private final String script;

    /** @param document the description's URL relative to the page, e.g. {@code ../v1/openapi.json} */
    ApiDocs(String document) {
        // The document's URL goes in as a JSON string: no quote in a configured address can break out of it.
        script = "window.ui = SwaggerUIBundle({url: " + Json.mapper().valueToTree(document)
                + ", dom_id: '#swagger-ui', deepLinking: true});\n";
    }

    /** The page; its files are named relative to it, so /api/docs is sent on to /api/docs/. */
    @GET
    public Response page(@Context UriInfo uri) {
        if (!uri.getRequestUri().getPath().endsWith("/")) {
            return Response.status(Response.Status.MOVED_PERMANENTLY)
                    .location(URI.create(uri.getRequestUri().getPath() + "/")).build();
        }
        return Response.ok(page, MediaType.TEXT_HTML + "; charset=utf-8")
                .header(SecurityHeaders.CONTENT_SECURITY_POLICY, POLICY).build();
    }

    @GET
    @Path("docs.js")
    public Response script() {
        return Response.ok(script, "text/javascript; charset=utf-8").build();
    }

    @GET
    @Path("{file}")
    public Response file(@PathParam("file") String file) {
        String type = FILES.get(file);
        if (type == null) {
            throw new NotFoundException();
        }
        CacheControl cache = new CacheControl();
        cache.setMaxAge(86_400);
        return Response.ok(read(file), type).cacheControl(cache).build();
    }

    private static byte[] read(String file) {
        try (InputStream in = ApiDocs.class.getResourceAsStream("docs/" + file)) {
            if (in == null) {
                throw new IllegalStateException("docs/" + file + " is missing from the bundle");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
