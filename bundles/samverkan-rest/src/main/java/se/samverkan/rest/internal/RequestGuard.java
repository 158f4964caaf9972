package se.samverkan.rest.internal;

import java.util.Locale;
import java.util.Set;

import javax.annotation.Priority;
import javax.servlet.http.HttpServletRequest;
import javax.ws.rs.HttpMethod;
import javax.ws.rs.Priorities;
import javax.ws.rs.container.ContainerRequestContext;
import javax.ws.rs.container.ContainerRequestFilter;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.HttpHeaders;

import se.samverkan.rest.spi.Problem;

/**
 * Checks made before any password is looked at.
 * <ul>
 * <li>With HTTPS on, credentials sent over plain HTTP are refused (403), so a client set up wrongly fails at once
 * instead of sending the password in clear on every request.</li>
 * <li>Cross-site request forgery: a browser adds stored Basic credentials to a form another site submits. A
 * state-changing request (POST, PUT, PATCH, DELETE) is refused when its {@code Origin} (or, without one, its
 * {@code Referer}) is another site, or when it carries credentials and has a content type an HTML form can send
 * (form-urlencoded, multipart, text/plain: the API takes JSON). The subscription pages are exempt: they need no
 * login, their token is the authority, and mail providers' one-click unsubscribe (RFC 8058) posts a form without
 * an Origin.</li>
 * </ul>
 */
@Priority(Priorities.AUTHENTICATION - 100)
public class RequestGuard implements ContainerRequestFilter {

    private static final Set<String> READS = Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS);
    private static final Set<String> FORM_TYPES = Set.of("application/x-www-form-urlencoded", "multipart/form-data",
            "text/plain");

    private final WebSecurity security;
    @Context
    private HttpServletRequest http;

    RequestGuard(WebSecurity security) {
        this.security = security;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        boolean credentials = request.getHeaderString(HttpHeaders.AUTHORIZATION) != null;
        if (credentials && security.httpsOnly && !security.secure(http)) {
            request.abortWith(Problem.of(403, "HTTPS Required", "This server takes user names and passwords over "
                    + "HTTPS only; send the request to its https:// address (and change the password if it "
                    + "crossed a network)").toResponse());
            return;
        }
        if (READS.contains(request.getMethod()) || request.getUriInfo().getPath().startsWith("subscriptions")) {
            return;
        }
        String origin = request.getHeaderString("Origin");
        String referer = request.getHeaderString("Referer");
        String from = origin != null ? origin : referer;
        if (from != null && !security.sameOrAllowedOrigin(from, http)) {
            request.abortWith(Problem.of(403, "Cross-Site Request Refused", "A request from "
                    + (origin != null ? "origin '" + origin + "'" : "a page of another site")
                    + " may not change anything here").toResponse());
            return;
        }
        String type = request.getHeaderString(HttpHeaders.CONTENT_TYPE);
        if (credentials && type != null
                && FORM_TYPES.contains(type.split(";")[0].strip().toLowerCase(Locale.ROOT))) {
            request.abortWith(Problem.of(403, "Cross-Site Request Refused", "Requests with credentials may not have "
                    + "the content type '" + type.split(";")[0].strip() + "', which any web page's form can send; "
                    + "send JSON (application/json), or no body").toResponse());
        }
    }
}
