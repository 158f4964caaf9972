package se.samverkan.rest.internal;

import javax.ws.rs.NotFoundException;
import javax.ws.rs.Path;

/**
 * Served at the root of the CXF servlet beside the API, so a path that names no endpoint, such as one whose
 * encoded {@code ..} segments lead out of {@code /api/v1}, is answered as problem+json rather than by CXF's own
 * HTML page.
 */
@Path("/")
public class NoSuchResource {

    /** A locator for every path and method; it finds nothing. */
    @Path("{path: .*}")
    public Object anything() {
        throw new NotFoundException();
    }
}
