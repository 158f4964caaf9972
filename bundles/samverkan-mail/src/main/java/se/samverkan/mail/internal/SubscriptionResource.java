package se.samverkan.mail.internal;

import java.util.List;
import java.util.Map;
import java.util.Set;
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

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import se.samverkan.api.model.ActivityCategory;
import se.samverkan.api.subscription.SubscriptionFilter;
import se.samverkan.api.subscription.SubscriptionService;
import se.samverkan.api.subscription.SubscriptionService.Landing;
import se.samverkan.rest.spi.Params;
import se.samverkan.rest.spi.RestResource;
import se.samverkan.rest.spi.RestSecurity;

/**
 * Subscriptions by e-mail, open to anyone (no login), served while samverkan-mail is installed: a request answers
 * 202 whether or not the address was subscribed already, so the answer tells nothing about it; the links in the
 * mails lead to pages in the subscriber's language. Confirming and unsubscribing are POSTs (a button, or for
 * unsubscribing a mail client's RFC 8058 one-click request); the GET behind each link only shows the button, since
 * mail scanners follow links. Requests are limited per client and per e-mail address (429), so nobody can flood an
 * address with confirmation mails. Consent is recorded with the client's address as {@link RestSecurity}
 * determines it: the peer, or what a trusted proxy forwards, never a header the client wrote itself.
 */
@Component(service = SubscriptionResource.class)
@RestResource
@Path("subscriptions")
@Tag(name = "Subscriptions", description = "Subscribing by e-mail to new and changed activities (no login)")
public class SubscriptionResource {

    private static final String HTML = MediaType.TEXT_HTML + "; charset=utf-8";
    private static final String TOKEN = "The token from the link in the mail";

    /** What a subscriber sends. Empty filter lists mean any. */
    public record SubscriptionRequest(String email, String language, List<String> municipalities,
                                      List<String> languages, List<String> categories) {
    }

    private final SubscriptionService service;
    private final RestSecurity security;
    @Context
    private HttpServletRequest http;

    @Activate
    public SubscriptionResource(@Reference SubscriptionService service, @Reference RestSecurity security) {
        this.service = service;
        this.security = security;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Subscribe by e-mail to new and changed activities (double opt-in; no login)",
            description = "Answers 202 whether or not the address was subscribed already. A confirmation mail with "
                    + "a link is queued once per address and filter while it is pending; nothing else is sent before "
                    + "the subscriber confirms on the page behind the link.")
    @ApiResponse(responseCode = "202", description = "Pending until confirmed", content = @Content(schema = @Schema(
            example = "{\"status\": \"pending\", \"detail\": \"If the address can receive mail, ...\"}")))
    @ApiResponse(responseCode = "400", description = "The request is not valid: errors name each field")
    @ApiResponse(responseCode = "429", description = "Too many requests from this client or for this address",
            headers = @Header(name = "Retry-After", description = "Seconds to wait"))
    public Response subscribe(SubscriptionRequest request, @HeaderParam(HttpHeaders.USER_AGENT) String agent) {
        SubscriptionRequest r = request == null ? new SubscriptionRequest(null, null, null, null, null) : request;
        String client = security.client(http);
        Response refused = security.refuseSubscriptionRequest(client, r.email());
        if (refused != null) {
            return refused;
        }
        Set<ActivityCategory> categories = r.categories() == null ? Set.of() : r.categories().stream()
                .map(c -> Params.enumValue(ActivityCategory.class, "categories", c)).collect(Collectors.toSet());
        service.subscribe(r.email(), r.language(), new SubscriptionFilter(set(r.municipalities()), set(r.languages()),
                categories), from(client, agent));
        return Response.accepted(Map.of("status", "pending", "detail", "If the address can receive mail, a "
                + "confirmation link is on its way; nothing else is sent before the subscription is confirmed.")).build();
    }

    @GET
    @Path("confirm")
    @Produces(HTML)
    @Operation(summary = "The page behind the confirmation link, in the subscriber's language: a button that posts; "
            + "confirms nothing (mail scanners follow links)")
    @ApiResponse(responseCode = "200", description = "The page")
    @ApiResponse(responseCode = "404", description = "A page saying the link is not valid (any more)",
            content = @Content(mediaType = MediaType.TEXT_HTML))
    public Response confirmPage(@Parameter(description = TOKEN) @QueryParam("token") String token) {
        return page(service.confirmPage(token));
    }

    @POST
    @Path("confirm")
    @Produces(HTML)
    @Operation(summary = "Confirm a subscription (the button on the page behind the link); records when and from "
            + "where consent was given")
    @ApiResponse(responseCode = "200", description = "A page saying it is confirmed")
    @ApiResponse(responseCode = "404", description = "A page saying the link is not valid (any more)",
            content = @Content(mediaType = MediaType.TEXT_HTML))
    public Response confirm(@Parameter(description = TOKEN) @QueryParam("token") String token,
                            @HeaderParam(HttpHeaders.USER_AGENT) String agent) {
        return page(service.confirm(token, from(security.client(http), agent)));
    }

    @GET
    @Path("unsubscribe")
    @Produces(HTML)
    @Operation(summary = "The page behind the unsubscribe link: a button that posts; changes nothing (mail scanners "
            + "follow links)")
    @ApiResponse(responseCode = "200", description = "The page")
    @ApiResponse(responseCode = "404", description = "A page saying the link is not valid (any more)",
            content = @Content(mediaType = MediaType.TEXT_HTML))
    public Response unsubscribePage(@Parameter(description = TOKEN) @QueryParam("token") String token) {
        return page(service.unsubscribePage(token));
    }

    @POST
    @Path("unsubscribe")
    @Produces(HTML)
    @Operation(summary = "Unsubscribe at once: the button, or a mail client's one-click request (RFC 8058, "
            + "List-Unsubscribe-Post)")
    @ApiResponse(responseCode = "200", description = "A page saying it is done")
    @ApiResponse(responseCode = "404", description = "A page saying the link is not valid (any more)",
            content = @Content(mediaType = MediaType.TEXT_HTML))
    public Response unsubscribe(@Parameter(description = TOKEN) @QueryParam("token") String token,
                                @HeaderParam(HttpHeaders.USER_AGENT) String agent) {
        return page(service.unsubscribe(token, from(security.client(http), agent)));
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
