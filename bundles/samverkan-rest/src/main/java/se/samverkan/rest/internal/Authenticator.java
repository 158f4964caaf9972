package se.samverkan.rest.internal;

import java.lang.System.Logger.Level;
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
import javax.servlet.http.HttpServletRequest;
import javax.ws.rs.HttpMethod;
import javax.ws.rs.container.ContainerRequestContext;
import javax.ws.rs.container.ContainerRequestFilter;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.core.Response;

import org.apache.karaf.jaas.boot.principal.ClientPrincipal;
import org.apache.karaf.jaas.boot.principal.RolePrincipal;

import se.samverkan.api.security.Caller;
import se.samverkan.rest.spi.CallerContext;
import se.samverkan.rest.spi.Problem;

/**
 * Reads are open; every write needs HTTP Basic credentials that the JAAS realm accepts and a Samverkan role.
 * The resulting {@link Caller} travels as the request's security context to the services' access checks.
 * Password guessing is held back by the {@link LoginThrottle} (429 with Retry-After, the password not even
 * checked), and every failed login is logged with the user name and the client's address, never the password.
 * The client's address also goes to the realm as a {@link ClientPrincipal}, so Karaf's login audit names it.
 */
public class Authenticator implements ContainerRequestFilter {

    private static final Set<String> READS = Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS);

    private static final String PUBLIC_WRITES = "subscriptions";

    private static final System.Logger LOG = System.getLogger(Authenticator.class.getName());

    private final String realm;
    private final WebSecurity security;
    @Context
    private HttpServletRequest http;

    Authenticator(String realm, WebSecurity security) {
        this.realm = realm;
        this.security = security;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        String header = request.getHeaderString(HttpHeaders.AUTHORIZATION);
        boolean read = anonymous(request.getMethod(), request.getUriInfo().getPath());
        if (header == null) {
            if (!read) {
                request.abortWith(unauthorized("Writing and administration need a user name and password "
                        + "(HTTP Basic authentication)"));
            }
            return;
        }
        Credentials credentials = Credentials.of(header);
        if (credentials == null) {
            request.abortWith(unauthorized("The Authorization header is not HTTP Basic with user:password in Base64"));
            return;
        }
        String client = security.client(http);
        LoginThrottle.Verdict verdict = security.logins.check(credentials.user(), client);
        if (!verdict.allowed()) {
            request.abortWith(WebSecurity.tooManyRequests(verdict.retryAfter(), "Too many failed logins for this "
                    + verdict.heldBack() + "; the password was not checked"));
            return;
        }
        Caller caller = login(credentials, client);
        if (caller == null) {
            LoginThrottle.Failure failure = security.logins.failed(credentials.user(), client);
            LOG.log(Level.WARNING, "Failed login as ''{0}'' from {1} ({2} in a row for the user, {3} from the "
                    + "address{4})", printable(credentials.user()), client, failure.userFailures(),
                    failure.addressFailures(), failure.delay().isZero() ? ""
                            : "; further attempts held back for " + failure.delay().toSeconds() + " s");
            request.abortWith(unauthorized("The user name or password is wrong"));
            return;
        }
        security.logins.succeeded(credentials.user(), client);
        if (!read && caller.roles().isEmpty()) {
            request.abortWith(Problem.of(403, "Forbidden", "User '" + caller.user()
                    + "' has none of the roles admin, coordinator or partner").toResponse());
            return;
        }
        request.setSecurityContext(new CallerContext(caller, request.getSecurityContext().isSecure()));
    }

    /**
     * Whether a request may come without credentials: reads, except of administration, and subscribing and
     * unsubscribing, which are for anyone.
     *
     * @param path below the API's address, with or without a leading slash
     */
    static boolean anonymous(String method, String path) {
        String p = path.startsWith("/") ? path.substring(1) : path;
        return (READS.contains(method) && !p.startsWith("admin")) || p.startsWith(PUBLIC_WRITES);
    }

    /** The user name and password of a Basic Authorization header. */
    private record Credentials(String user, char[] password) {
        static Credentials of(String header) {
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
            return colon < 0 ? null : new Credentials(decoded.substring(0, colon), decoded.substring(colon + 1).toCharArray());
        }
    }

    private Caller login(Credentials credentials, String client) {
        Subject subject = new Subject();
        subject.getPrincipals().add(new ClientPrincipal("http", client));
        try {
            new LoginContext(realm, subject, callbacks -> answer(callbacks, credentials.user(), credentials.password()))
                    .login();
        } catch (LoginException e) {
            return null;
        }
        List<String> roles = subject.getPrincipals(RolePrincipal.class).stream().map(Principal::getName).toList();
        return Caller.fromRoleNames(credentials.user(), roles);
    }

    /** A user name as it may go into the log: no line breaks or other control characters, at most 100 characters. */
    static String printable(String user) {
        String clean = user.replaceAll("\\p{Cntrl}", "?");
        return clean.length() > 100 ? clean.substring(0, 100) + "…" : clean;
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
