package se.samverkan.rest.spi;

import javax.servlet.http.HttpServletRequest;
import javax.ws.rs.core.Response;

/**
 * The API's view of who sends a request, for resources that record or limit it (etc/se.samverkan.rest.security.cfg):
 * a service of the REST bundle.
 */
public interface RestSecurity {

    /**
     * The client's address: the connection's peer, or what a trusted proxy forwarded ({@code trustedProxies}),
     * never a header the client wrote itself.
     */
    String client(HttpServletRequest request);

    /**
     * Counts a subscription request (each may mail a confirmation) against the limits per client and per e-mail
     * address ({@code subscriptionsPerClientPerHour}, {@code subscriptionsPerAddressPerHour}).
     *
     * @param email the address to subscribe, or null if the request names none
     * @return null while within them; else the 429 answer (problem+json with Retry-After)
     */
    Response refuseSubscriptionRequest(String client, String email);
}
