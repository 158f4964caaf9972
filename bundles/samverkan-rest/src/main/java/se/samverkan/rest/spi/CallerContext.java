package se.samverkan.rest.spi;

import java.security.Principal;

import javax.ws.rs.core.SecurityContext;

import se.samverkan.api.security.Caller;

/**
 * The authenticated {@link Caller} as JAX-RS sees it: the API's authentication sets it as the request's security
 * context, and a resource gets it back with {@link #callerOf(SecurityContext)} from {@code @Context SecurityContext}
 * to hand to the services' access checks.
 */
public record CallerContext(Caller caller, boolean secure) implements SecurityContext {

    /** A principal that carries the caller. */
    record CallerPrincipal(Caller caller) implements Principal {
        @Override
        public String getName() {
            return caller.user();
        }
    }

    /** The caller of the request, or null when it sent no credentials (an anonymous read). */
    public static Caller callerOf(SecurityContext context) {
        return context != null && context.getUserPrincipal() instanceof CallerPrincipal p ? p.caller() : null;
    }

    @Override
    public Principal getUserPrincipal() {
        return new CallerPrincipal(caller);
    }

    @Override
    public boolean isUserInRole(String role) {
        return caller.roles().stream().anyMatch(r -> r.roleName().equals(role));
    }

    @Override
    public boolean isSecure() {
        return secure;
    }

    @Override
    public String getAuthenticationScheme() {
        return BASIC_AUTH;
    }
}
