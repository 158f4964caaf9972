package se.samverkan.rest.internal;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import javax.servlet.http.HttpServletRequest;
import javax.ws.rs.core.Response;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;

import se.samverkan.rest.spi.Problem;
import se.samverkan.rest.spi.RestSecurity;

/**
 * The API's defences in one place, built from {@link SecurityConfig}: who the client is (peer or trusted proxy),
 * whether it came over TLS, which origins may send state-changing requests, the login throttle and the rate of
 * subscription requests. {@link #providers(String)} are the JAX-RS filters that apply them to every request.
 * Pax Web's configuration is merged in: it tells whether the HTTPS connector is on.
 */
@Component(service = {WebSecurity.class, RestSecurity.class},
        configurationPid = {SecurityConfig.PID, "org.ops4j.pax.web"})
public final class WebSecurity implements RestSecurity {

    final Proxies proxies;
    final LoginThrottle logins;
    private final RateLimit subscriptionsPerAddress;
    private final RateLimit subscriptionsPerClient;
    /** Whether credentials must come over TLS. */
    final boolean httpsOnly;
    final long hstsSeconds;
    private final Set<String> allowedOrigins;

    @Activate
    public WebSecurity(SecurityConfig config) {
        this(config, Clock.systemUTC());
    }

    WebSecurity(SecurityConfig config, Clock clock) {
        this.proxies = Proxies.parse(config.trustedProxies());
        this.logins = new LoginThrottle(config.loginFreeFailures(), Duration.ofSeconds(config.loginFirstDelaySeconds()),
                Duration.ofSeconds(config.loginMaxDelaySeconds()), Duration.ofSeconds(config.loginForgetSeconds()), clock);
        this.subscriptionsPerAddress = new RateLimit(config.subscriptionsPerAddressPerHour(), Duration.ofHours(1), clock);
        this.subscriptionsPerClient = new RateLimit(config.subscriptionsPerClientPerHour(), Duration.ofHours(1), clock);
        this.httpsOnly = config.requireHttps() || config.org_osgi_service_http_secure_enabled();
        this.hstsSeconds = config.hstsSeconds();
        this.allowedOrigins = Arrays.stream(config.allowedOrigins().split(",")).map(String::strip)
                .filter(o -> !o.isEmpty()).map(WebSecurity::origin).collect(Collectors.toUnmodifiableSet());
    }

    /** The request filters (cross-site and transport checks, then authentication) and the security headers. */
    List<Object> providers(String realm) {
        return List.of(new RequestGuard(this), new Authenticator(realm, this), new SecurityHeaders(this));
    }

    @Override
    public String client(HttpServletRequest request) {
        return proxies.client(request.getRemoteAddr(), request.getHeader("X-Forwarded-For"));
    }

    @Override
    public Response refuseSubscriptionRequest(String client, String email) {
        Duration wait = subscriptionsPerClient.take(client);
        if (!wait.isZero()) {
            return tooManyRequests(wait, "Too many subscription requests from this client");
        }
        if (email != null) {
            wait = subscriptionsPerAddress.take(email.strip().toLowerCase(Locale.ROOT));
            if (!wait.isZero()) {
                return tooManyRequests(wait, "Too many subscription requests for this e-mail address");
            }
        }
        return null;
    }

    boolean secure(HttpServletRequest request) {
        return proxies.secure(request.isSecure(), request.getRemoteAddr(), request.getHeader("X-Forwarded-Proto"));
    }

    /** Whether a browser origin ({@code https://host[:port]}) is the API's own as this request reached it, or allowed. */
    boolean sameOrAllowedOrigin(String origin, HttpServletRequest request) {
        String o = origin(origin);
        if (o == null) {
            return false;
        }
        if (allowedOrigins.contains(o)) {
            return true;
        }
        String scheme = request.isSecure() ? "https" : "http";
        if (o.equals(origin(scheme + "://" + request.getHeader("Host")))) {
            return true;
        }
        String forwardedHost = request.getHeader("X-Forwarded-Host");
        return proxies.trusts(request.getRemoteAddr()) && o.equals(origin(
                (secure(request) ? "https" : "http") + "://" + (forwardedHost != null
                        ? forwardedHost.split(",")[0].strip() : request.getHeader("Host"))));
    }

    /** {@code scheme://host[:port]} in lower case without the scheme's default port, or null if it is none. */
    static String origin(String url) {
        if (url == null) {
            return null;
        }
        try {
            URI uri = new URI(url.strip());
            String scheme = uri.getScheme() == null ? null : uri.getScheme().toLowerCase(Locale.ROOT);
            if (uri.getHost() == null || !("http".equals(scheme) || "https".equals(scheme))) {
                return null;
            }
            int port = uri.getPort() == ("http".equals(scheme) ? 80 : 443) ? -1 : uri.getPort();
            return scheme + "://" + uri.getHost().toLowerCase(Locale.ROOT) + (port < 0 ? "" : ":" + port);
        } catch (URISyntaxException e) {
            return null;
        }
    }

    /** 429 with the seconds to wait, as problem+json. */
    static Response tooManyRequests(Duration retryAfter, String detail) {
        long seconds = Math.max(1, (retryAfter.toMillis() + 999) / 1000);
        return Response.fromResponse(Problem.of(429, "Too Many Requests", detail + "; try again in " + seconds + " s")
                .toResponse()).header("Retry-After", seconds).build();
    }
}
