package se.samverkan.rest.internal;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import javax.servlet.http.HttpServletRequest;
import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.HeaderParam;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;

import se.samverkan.api.model.ActivityCategory;
import se.samverkan.api.service.NotFoundException;
import se.samverkan.api.subscription.SubscriptionFilter;
import se.samverkan.api.subscription.SubscriptionService;
import se.samverkan.api.subscription.SubscriptionService.Landing;

/**
 * Subscriptions by e-mail, open to anyone (no login): a request answers 202 whether or not the address was
 * subscribed already, so the answer tells nothing about it; the links in the mails lead to pages in the
 * subscriber's language. Confirming and unsubscribing are POSTs (a button, or for unsubscribing a mail client's
 * RFC 8058 one-click request); the GET behind each link only shows the button, since mail scanners follow links.
 * Requests are limited per client and per e-mail address (429), so nobody can flood an address with confirmation
 * mails. Consent is recorded with the client's address as {@link WebSecurity} determines it: the peer, or what a
 * trusted proxy forwards, never a header the client wrote itself.
 */
@Path("subscriptions")
public class SubscriptionResource {

    private static final String HTML = MediaType.TEXT_HTML + "; charset=utf-8";

    /** What a subscriber sends. Empty filter lists mean any. */
    public record SubscriptionRequest(String email, String language, List<String> municipalities,
                                      List<String> languages, List<String> categories) {
    }

    private final Supplier<SubscriptionService> service;
    private final WebSecurity security;
    @Context
    private HttpServletRequest http;

    /** @param service the subscription service, or null while the mail feature is not installed */
    SubscriptionResource(Supplier<SubscriptionService> service, WebSecurity security) {
        this.service = service;
        this.security = security;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Response subscribe(SubscriptionRequest request, @HeaderParam(HttpHeaders.USER_AGENT) String agent) {
        SubscriptionRequest r = request == null ? new SubscriptionRequest(null, null, null, null, null) : request;
        String client = security.client(http);
        Duration wait = security.subscriptionsPerClient.take(client);
        if (!wait.isZero()) {
            return WebSecurity.tooManyRequests(wait, "Too many subscription requests from this client");
        }
        if (r.email() != null) {
            wait = security.subscriptionsPerAddress.take(r.email().strip().toLowerCase(Locale.ROOT));
            if (!wait.isZero()) {
                return WebSecurity.tooManyRequests(wait, "Too many subscription requests for this e-mail address");
            }
        }
        Set<ActivityCategory> categories = r.categories() == null ? Set.of() : r.categories().stream()
                .map(c -> Params.enumValue(ActivityCategory.class, "categories", c)).collect(Collectors.toSet());
        service().subscribe(r.email(), r.language(), new SubscriptionFilter(set(r.municipalities()), set(r.languages()),
                categories), from(client, agent));
        return Response.accepted(Map.of("status", "pending", "detail", "If the address can receive mail, a "
                + "confirmation link is on its way; nothing else is sent before the subscription is confirmed.")).build();
    }

    @GET
    @Path("confirm")
    @Produces(HTML)
    public Response confirmPage(@QueryParam("token") String token) {
        return page(service().confirmPage(token));
    }

    @POST
    @Path("confirm")
    @Produces(HTML)
    public Response confirm(@QueryParam("token") String token, @HeaderParam(HttpHeaders.USER_AGENT) String agent) {
        return page(service().confirm(token, from(security.client(http), agent)));
    }

    @GET
    @Path("unsubscribe")
    @Produces(HTML)
    public Response unsubscribePage(@QueryParam("token") String token) {
        return page(service().unsubscribePage(token));
    }

    @POST
    @Path("unsubscribe")
    @Produces(HTML)
    public Response unsubscribe(@QueryParam("token") String token, @HeaderParam(HttpHeaders.USER_AGENT) String agent) {
        return page(service().unsubscribe(token, from(security.client(http), agent)));
    }

    private SubscriptionService service() {
        SubscriptionService s = service.get();
        if (s == null) {
            throw new NotFoundException("installed feature", "samverkan-mail");
        }
        return s;
    }

    private static Response page(Landing landing) {
        return Response.status(landing.status()).type(HTML).language(landing.language()).entity(landing.html()).build();
    }

    /** Where consent came from: the API, the client's address and its program. */
    private static String from(String client, String agent) {
        return "rest " + client + (agent == null ? "" : " (" + agent.strip() + ")");
    }

    private static Set<String> set(List<String> values) {
        return values == null ? Set.of() : Set.copyOf(values.stream().filter(v -> v != null).toList());
    }
}
