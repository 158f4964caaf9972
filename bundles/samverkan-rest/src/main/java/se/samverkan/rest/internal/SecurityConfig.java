package se.samverkan.rest.internal;

/**
 * etc/se.samverkan.rest.security.cfg: login throttling, HTTPS, trusted proxies, cross-site requests and the rate
 * of subscription requests. Every entry is optional.
 */
public @interface SecurityConfig {

    String PID = "se.samverkan.rest.security";

    /**
     * Proxies in front of the platform whose X-Forwarded-For and X-Forwarded-Proto are believed: addresses or
     * CIDR ranges, comma-separated. Empty: the client is the connection's peer and forwarded headers are ignored.
     */
    String trustedProxies() default "";

    /**
     * Refuse credentials that reach the API over plain HTTP (for a TLS proxy in front). They are refused anyway
     * when Pax Web's own HTTPS connector is on.
     */
    boolean requireHttps() default false;

    /** Pax Web's HTTPS connector (etc/org.ops4j.pax.web.cfg, merged into this configuration). */
    boolean org_osgi_service_http_secure_enabled() default false;

    /** Strict-Transport-Security max-age on HTTPS responses, in seconds; 0 sends none. */
    long hstsSeconds() default 31_536_000;

    /**
     * Origins besides the API's own from which browsers may send state-changing requests, comma-separated
     * ({@code https://intranet.example.se}).
     */
    String allowedOrigins() default "";

    /** Failed logins in a row, per user and per client address, before each further attempt must wait. */
    int loginFreeFailures() default 5;

    /** The first wait, in seconds; it doubles with each further failure. */
    long loginFirstDelaySeconds() default 1;

    /** The longest wait, in seconds. */
    long loginMaxDelaySeconds() default 900;

    /** Failures older than this many seconds are forgotten. */
    long loginForgetSeconds() default 3600;

    /** Subscription requests (each may mail a confirmation) per e-mail address and hour. */
    int subscriptionsPerAddressPerHour() default 5;

    /** Subscription requests per client address and hour. */
    int subscriptionsPerClientPerHour() default 30;
}
