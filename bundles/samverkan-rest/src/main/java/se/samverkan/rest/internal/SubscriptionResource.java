package se.samverkan.rest.internal;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.HeaderParam;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
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
 */
@Path("subscriptions")
public class SubscriptionResource {

    private static final String HTML = MediaType.TEXT_HTML + "; charset=utf-8";

    /** What a subscriber sends. Empty filter lists mean any. */
    public record SubscriptionRequest(String email, String language, List<String> municipalities,
                                      List<String> languages, List<String> categories) {
    }

    private final Supplier<SubscriptionService> service;

    /** @param service the subscription service, or null while the mail feature is not installed */
    public SubscriptionResource(Supplier<SubscriptionService> service) {
        this.service = service;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Response subscribe(SubscriptionRequest request, @HeaderParam("X-Forwarded-For") String forwardedFor,
                              @HeaderParam(HttpHeaders.USER_AGENT) String agent) {
        SubscriptionRequest r = request == null ? new SubscriptionRequest(null, null, null, null, null) : request;
        Set<ActivityCategory> categories = r.categories() == null ? Set.of() : r.categories().stream()
                .map(c -> Params.enumValue(ActivityCategory.class, "categories", c)).collect(Collectors.toSet());
        service().subscribe(r.email(), r.language(), new SubscriptionFilter(set(r.municipalities()), set(r.languages()),
                categories), from(forwardedFor, agent));
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
    public Response confirm(@QueryParam("token") String token, @HeaderParam("X-Forwarded-For") String forwardedFor,
                            @HeaderParam(HttpHeaders.USER_AGENT) String agent) {
        return page(service().confirm(token, from(forwardedFor, agent)));
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
    public Response unsubscribe(@QueryParam("token") String token, @HeaderParam("X-Forwarded-For") String forwardedFor,
                                @HeaderParam(HttpHeaders.USER_AGENT) String agent) {
        return page(service().unsubscribe(token, from(forwardedFor, agent)));
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

    /** Where consent came from: the API, the client's address as the proxy saw it, and its program. */
    private static String from(String forwardedFor, String agent) {
        return "rest" + (forwardedFor == null ? "" : " " + forwardedFor.split(",")[0].strip())
                + (agent == null ? "" : " (" + agent.strip() + ")");
    }

    private static Set<String> set(List<String> values) {
        return values == null ? Set.of() : Set.copyOf(values.stream().filter(v -> v != null).toList());
    }
}
