package se.samverkan.rest.internal;

import javax.servlet.http.HttpServletRequest;
import javax.ws.rs.container.ContainerRequestContext;
import javax.ws.rs.container.ContainerResponseContext;
import javax.ws.rs.container.ContainerResponseFilter;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.MultivaluedMap;

/**
 * Headers that make browsers treat every answer of the API safely: no guessing of content types, no Referer (the
 * subscription pages carry a token in their address), never inside another site's frame (clickjacking of the
 * confirm and unsubscribe buttons), nothing loaded or run by a page but its own inline style, forms posted only
 * to this origin, and over HTTPS, Strict-Transport-Security. Also on errors, including refused requests.
 */
public class SecurityHeaders implements ContainerResponseFilter {

    static final String CONTENT_SECURITY_POLICY = "Content-Security-Policy";
    static final String API_POLICY = "default-src 'none'; frame-ancestors 'none'";
    static final String PAGE_POLICY = "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; "
            + "base-uri 'none'; frame-ancestors 'none'";

    private final WebSecurity security;
    @Context
    private HttpServletRequest http;

    SecurityHeaders(WebSecurity security) {
        this.security = security;
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        MultivaluedMap<String, Object> headers = response.getHeaders();
        headers.putSingle("X-Content-Type-Options", "nosniff");
        headers.putSingle("Referrer-Policy", "no-referrer");
        headers.putSingle("X-Frame-Options", "DENY");
        MediaType type = response.getMediaType();
        // A page that loads its own scripts (the API's documentation) brings its own policy.
        if (!headers.containsKey(CONTENT_SECURITY_POLICY)) {
            headers.putSingle(CONTENT_SECURITY_POLICY,
                    type != null && type.isCompatible(MediaType.TEXT_HTML_TYPE) ? PAGE_POLICY : API_POLICY);
        }
        if (security.hstsSeconds > 0 && security.secure(http)) {
            headers.putSingle("Strict-Transport-Security", "max-age=" + security.hstsSeconds);
        }
    }
}
