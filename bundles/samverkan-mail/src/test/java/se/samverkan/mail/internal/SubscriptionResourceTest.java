package se.samverkan.mail.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import javax.servlet.http.HttpServletRequest;
import javax.ws.rs.core.Response;

import org.junit.jupiter.api.Test;

import se.samverkan.api.service.ValidationException;
import se.samverkan.api.subscription.Subscription;
import se.samverkan.api.subscription.SubscriptionFilter;
import se.samverkan.api.subscription.SubscriptionService;
import se.samverkan.mail.internal.SubscriptionResource.SubscriptionRequest;
import se.samverkan.rest.spi.RestSecurity;

/**
 * The subscription endpoint's own part: what it hands the service (the filter, and where consent came from) and
 * that the API's limits answer before the service is asked. Over HTTP, with the API's security: MailIT; the limits
 * themselves: the REST bundle's WebSecurityTest.
 */
class SubscriptionResourceTest {

    private final List<String> asked = new ArrayList<>();
    private final SubscriptionService service = new SubscriptionService() {
        @Override
        public void subscribe(String email, String language, SubscriptionFilter filter, String from) {
            asked.add(email + " " + language + " " + filter.municipalityCodes() + " " + filter.categories()
                    + " from " + from);
        }

        @Override
        public Landing confirmPage(String token) {
            return new Landing(200, "ar", "<p>" + token + "</p>");
        }

        @Override
        public Landing confirm(String token, String from) {
            asked.add("confirm " + token + " from " + from);
            return new Landing(404, "sv", "<p>gone</p>");
        }

        @Override
        public Landing unsubscribePage(String token) {
            return confirmPage(token);
        }

        @Override
        public Landing unsubscribe(String token, String from) {
            asked.add("unsubscribe " + token + " from " + from);
            return new Landing(200, "sv", "<p>bye</p>");
        }

        @Override
        public List<Subscription> list(Subscription.State state) {
            return List.of();
        }
    };
    /** The client as the API's security sees it; an address with "limit" in it is over the limits. */
    private final RestSecurity security = new RestSecurity() {
        @Override
        public String client(HttpServletRequest request) {
            return "203.0.113.9";
        }

        @Override
        public Response refuseSubscriptionRequest(String client, String email) {
            return email != null && email.contains("limit") ? Response.status(429).build() : null;
        }
    };
    private final SubscriptionResource resource = new SubscriptionResource(service, security);

    @Test
    void consentRecordsTheApiTheClientAndItsProgram() {
        Response accepted = resource.subscribe(new SubscriptionRequest("anna@example.se", "ar", List.of("1487"), null,
                List.of("swimming")), " Thunderbird/128 ");
        assertEquals(202, accepted.getStatus());
        assertEquals(List.of("anna@example.se ar [1487] [SWIMMING] from rest 203.0.113.9 (Thunderbird/128)"), asked);

        Response gone = resource.confirm("t1", null);
        assertEquals(404, gone.getStatus(), "the service's page and status, as they are");
        assertEquals(200, resource.unsubscribe("t2", null).getStatus());
        assertEquals(List.of("confirm t1 from rest 203.0.113.9", "unsubscribe t2 from rest 203.0.113.9"),
                asked.subList(1, 3), "no program named: none in the record");
        Response page = resource.confirmPage("t3");
        assertEquals("ar", page.getLanguage().getLanguage());
        assertTrue(page.getMediaType().toString().startsWith("text/html"), page.getMediaType().toString());
    }

    @Test
    void theLimitsAnswerFirstAndABadCategoryIsNamed() {
        assertEquals(429, resource.subscribe(new SubscriptionRequest("limit@example.se", null, null, null, null), null)
                .getStatus());
        ValidationException bad = assertThrows(ValidationException.class, () -> resource.subscribe(
                new SubscriptionRequest("bo@example.se", null, null, null, List.of("dans")), null));
        assertTrue(bad.getMessage().startsWith("categories"), bad.getMessage());
        assertEquals(List.of(), asked, "neither reached the service");
    }
}
