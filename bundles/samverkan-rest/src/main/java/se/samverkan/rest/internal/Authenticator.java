package se.samverkan.rest.internal;

import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.util.Base64;
import java.util.List;
import java.util.Set;

import javax.security.auth.Subject;
import javax.security.auth.callback.Callback;
import javax.security.auth.callback.NameCallback;
import javax.security.auth.callback.PasswordCallback;
import javax.security.auth.callback.UnsupportedCallbackException;
import javax.security.auth.login.LoginContext;
import javax.security.auth.login.LoginException;
import javax.ws.rs.HttpMethod;
import javax.ws.rs.container.ContainerRequestContext;
import javax.ws.rs.container.ContainerRequestFilter;
import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.core.Response;

import org.apache.karaf.jaas.boot.principal.RolePrincipal;

import se.samverkan.api.security.Caller;

/**
 * Reads are open; every write needs HTTP Basic credentials that the JAAS realm accepts and a Samverkan role.
 * The resulting {@link Caller} travels as the request's security context to the services' access checks.
 */
public class Authenticator implements ContainerRequestFilter {

    private static final Set<String> READS = Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS);

    private static final String PUBLIC_WRITES = "subscriptions";

    private final String realm;

    public Authenticator(String realm) {
        this.realm = realm;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        String header = request.getHeaderString(HttpHeaders.AUTHORIZATION);
        String path = request.getUriInfo().getPath();
        // Administration answers no anonymous reads either; subscribing and unsubscribing are for anyone.
        boolean read = (READS.contains(request.getMethod()) && !path.startsWith("admin"))
                || path.startsWith(PUBLIC_WRITES);
        if (header == null) {
            if (!read) {
                request.abortWith(unauthorized("Writing and administration need a user name and password "
                        + "(HTTP Basic authentication)"));
            }
            return;
        }
        Caller caller = login(header);
        if (caller == null) {
            request.abortWith(unauthorized("The user name or password is wrong"));
            return;
        }
        if (!read && caller.roles().isEmpty()) {
            request.abortWith(Problem.of(403, "Forbidden", "User '" + caller.user()
                    + "' has none of the roles admin, coordinator or partner").toResponse());
            return;
        }
        request.setSecurityContext(new CallerContext(caller, request.getSecurityContext().isSecure()));
    }

    private Caller login(String header) {
        if (!header.regionMatches(true, 0, "Basic ", 0, 6)) {
            return null;
        }
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return null;
        }
        int colon = decoded.indexOf(':');
        if (colon < 0) {
            return null;
        }
        String user = decoded.substring(0, colon);
        char[] password = decoded.substring(colon + 1).toCharArray();
        Subject subject = new Subject();
        try {
            new LoginContext(realm, subject, callbacks -> answer(callbacks, user, password)).login();
        } catch (LoginException e) {
            return null;
        }
        List<String> roles = subject.getPrincipals(RolePrincipal.class).stream().map(Principal::getName).toList();
        return Caller.fromRoleNames(user, roles);
    }

    private static void answer(Callback[] callbacks, String user, char[] password) throws UnsupportedCallbackException {
        for (Callback callback : callbacks) {
            if (callback instanceof NameCallback name) {
                name.setName(user);
            } else if (callback instanceof PasswordCallback pass) {
                pass.setPassword(password);
            } else {
                throw new UnsupportedCallbackException(callback);
            }
        }
    }

    private Response unauthorized(String detail) {
        Response problem = Problem.of(401, "Unauthorized", detail).toResponse();
        return Response.fromResponse(problem).header(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"Samverkan\"").build();
    }

}
