package se.samverkan.rest.internal;

import java.security.Principal;

import javax.ws.rs.core.SecurityContext;

import se.samverkan.api.security.Caller;

/** The authenticated {@link Caller} as JAX-RS sees it, so resources get it through {@code @Context SecurityContext}. */
record CallerContext(Caller caller, boolean secure) implements SecurityContext {

    /** A principal that carries the caller. */
    record CallerPrincipal(Caller caller) implements Principal {
        @Override
        public String getName() {
            return caller.user();
        }
    }

    static Caller callerOf(SecurityContext context) {
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
