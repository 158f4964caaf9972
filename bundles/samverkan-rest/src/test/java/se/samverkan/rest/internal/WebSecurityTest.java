package se.samverkan.rest.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import javax.servlet.http.HttpServletRequest;
import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import se.samverkan.rest.spi.RestSecurity;


/** The API's defences over real HTTP: headers, cross-site requests, HTTPS, login throttling, subscriptions. */
class WebSecurityTest {

    /** A body-less administrative POST, like approving a draft or running a sync. */
    @Path("admin/run")
    public static class AdminAction {
        @POST
        public Response run() {
            return Response.noContent().build();
        }
    }

    /**
     * What the subscription endpoint (samverkan-mail) asks of the API's security, at its paths: the client's address
     * for the consent record and the limits on subscription requests; the pages are posted by forms and by mail
     * providers (RFC 8058). Records the client of each request that got through.
     */
    @Path("subscriptions")
    public static class Subscriptions {
        final List<String> clients = new CopyOnWriteArrayList<>();
        private final RestSecurity security;
        @Context
        private HttpServletRequest http;

        Subscriptions(RestSecurity security) {
            this.security = security;
        }

        @POST
        @Consumes(MediaType.APPLICATION_JSON)
        public Response subscribe(Map<String, Object> request) {
            String client = security.client(http);
            Response refused = security.refuseSubscriptionRequest(client, (String) request.get("email"));
            if (refused != null) {
                return refused;
            }
            clients.add(client);
            return Response.accepted().build();
        }

        @GET
        @Path("confirm")
        @Produces(MediaType.TEXT_HTML)
        public String confirmPage(@QueryParam("token") String token) {
            return "<html><body><form method=\"post\"><button>OK</button></form></body></html>";
        }

        @POST
        @Path("{step}")
        @Produces(MediaType.TEXT_HTML)
        public String decide(@PathParam("step") String step, @QueryParam("token") String token) {
            clients.add(security.client(http));
            return "<html><body>" + step + "d</body></html>";
        }
    }

    @TempDir
    java.nio.file.Path dir;

    private final HttpClient client = HttpClient.newHttpClient();
    private Subscriptions subscriptions;
    private ApiServer server;

    @AfterEach
    void stop() throws Exception {
        if (server != null) {
            server.close();
        }
    }

    private void start(Map<String, Object> settings) throws Exception {
        server = new ApiServer(dir, settings, security -> {
            subscriptions = new Subscriptions(security);
            return List.of(new AdminAction(), subscriptions);
        });
    }

    private HttpResponse<String> send(String method, String path, String body, String... headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(server.base.resolve(path)).method(method,
                body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (headers.length > 0) {
            b.headers(headers);
        }
        return client.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    private static String header(HttpResponse<?> r, String name) {
        return r.headers().firstValue(name).orElse(null);
    }

    @Test
    void everyAnswerCarriesSecurityHeadersAndPagesTheirOwnPolicy() throws Exception {
        start(Map.of());
        HttpResponse<String> json = send("GET", "health", null);
        HttpResponse<String> refused = send("POST", "admin/run", null);
        HttpResponse<String> page = send("GET", "subscriptions/confirm?token=t", null);
        assertEquals(List.of(200, 401, 200), List.of(json.statusCode(), refused.statusCode(), page.statusCode()));
        for (HttpResponse<String> r : List.of(json, refused, page)) {
            assertEquals("nosniff", header(r, "X-Content-Type-Options"), r.uri().toString());
            assertEquals("no-referrer", header(r, "Referrer-Policy"));
            assertEquals("DENY", header(r, "X-Frame-Options"));
            assertTrue(header(r, "Content-Security-Policy").contains("frame-ancestors 'none'"));
            assertNull(header(r, "Strict-Transport-Security"), "no HSTS over plain HTTP");
        }
        assertEquals(SecurityHeaders.API_POLICY, header(json, "Content-Security-Policy"));
        assertEquals(SecurityHeaders.PAGE_POLICY, header(page, "Content-Security-Policy"));
    }

    @Test
    void crossSiteStateChangesAreRefusedBeforeAnyPasswordIsChecked() throws Exception {
        start(Map.of("allowedOrigins", "https://intranet.example.se"));
        String own = server.base.getScheme() + "://" + server.base.getAuthority();
        String admin = basic("admin", "right");
        record Case(String what, int status, String... headers) {
        }
        List<Case> cases = List.of(
                new Case("curl: credentials, no body, no origin", 204, "Authorization", admin),
                new Case("JSON from the API's own page", 204, "Authorization", admin, "Origin", own,
                        "Content-Type", "application/json"),
                new Case("an allowed origin", 204, "Authorization", admin, "Origin", "https://intranet.example.se"),
                new Case("a foreign origin", 403, "Authorization", admin, "Origin", "https://evil.example"),
                new Case("a foreign origin without credentials", 403, "Origin", "https://evil.example"),
                new Case("the same host on another port", 403, "Authorization", admin,
                        "Origin", own.replaceAll(":\\d+$", ":1")),
                new Case("a sandboxed page", 403, "Authorization", admin, "Origin", "null"),
                new Case("a foreign referer and no origin", 403, "Authorization", admin,
                        "Referer", "https://evil.example/page.html"),
                new Case("a form without origin", 403, "Authorization", admin,
                        "Content-Type", "application/x-www-form-urlencoded"),
                new Case("a multipart form", 403, "Authorization", admin, "Content-Type", "multipart/form-data; boundary=x"),
                new Case("a text/plain form", 403, "Authorization", admin, "Content-Type", "text/plain;charset=UTF-8"));
        List<String> wrong = new ArrayList<>();
        for (Case c : cases) {
            HttpResponse<String> r = send("POST", "admin/run", null, c.headers());
            if (r.statusCode() != c.status()) {
                wrong.add(c.what() + ": " + r.statusCode() + " " + r.body());
            } else if (c.status() == 403) {
                assertTrue(header(r, "Content-Type").startsWith("application/problem+json"), r.body());
                assertTrue(r.body().contains("Cross-Site Request Refused"), r.body());
            }
        }
        assertEquals(List.of(), wrong);
        assertEquals(204, send("POST", "admin/run", null, "Authorization", admin).statusCode(),
                "refused requests counted as no failed login");
    }

    @Test
    void theSubscriptionPagesAndOneClickUnsubscribeKeepWorking() throws Exception {
        start(Map.of());
        String own = server.base.getScheme() + "://" + server.base.getAuthority();
        // The page's button: a same-origin form post, perhaps with credentials the browser remembered.
        HttpResponse<String> button = send("POST", "subscriptions/confirm?token=t", "", "Origin", own,
                "Content-Type", "application/x-www-form-urlencoded", "Authorization", basic("admin", "right"));
        // RFC 8058: the mail provider's server posts the form, with no Origin.
        HttpResponse<String> oneClick = send("POST", "subscriptions/unsubscribe?token=t", "List-Unsubscribe=One-Click",
                "Content-Type", "application/x-www-form-urlencoded");
        assertEquals(200, button.statusCode(), button.body());
        assertEquals(200, oneClick.statusCode(), oneClick.body());
        assertTrue(oneClick.body().contains("unsubscribed"));
    }

    @Test
    void withHttpsOnCredentialsOverPlainHttpAreRefusedAndHttpsAnswersSendHsts() throws Exception {
        start(Map.of("requireHttps", true, "trustedProxies", "127.0.0.1, ::1", "hstsSeconds", 600L));
        HttpResponse<String> plain = send("POST", "admin/run", null, "Authorization", basic("admin", "right"));
        assertEquals(403, plain.statusCode());
        assertTrue(plain.body().contains("HTTPS only"), plain.body());
        assertEquals(200, send("GET", "health", null).statusCode(), "reads without credentials still work");
        // Through the TLS proxy in front, which says the client used HTTPS.
        HttpResponse<String> proxied = send("POST", "admin/run", null, "Authorization", basic("admin", "right"),
                "X-Forwarded-Proto", "https");
        assertEquals(204, proxied.statusCode(), proxied.body());
        assertEquals("max-age=600", header(proxied, "Strict-Transport-Security"));
    }

    @Test
    void aClientCannotClaimHttpsItself() throws Exception {
        start(Map.of("requireHttps", true));
        HttpResponse<String> forged = send("POST", "admin/run", null, "Authorization", basic("admin", "right"),
                "X-Forwarded-Proto", "https");
        assertEquals(403, forged.statusCode());
        assertNull(header(forged, "Strict-Transport-Security"));
    }

    @Test
    void passwordGuessingIsHeldBackPerUserAndPerAddressAndLogged() throws Exception {
        start(Map.of("trustedProxies", "127.0.0.1, ::1", "loginFreeFailures", 3, "loginFirstDelaySeconds", 10L));
        List<LogRecord> log = capture();
        String first = "10.0.0.1";
        for (int i = 1; i <= 3; i++) {
            assertEquals(401, post(first, "admin", "guess-" + i).statusCode());
        }
        HttpResponse<String> held = post(first, "admin", "right");
        assertEquals(429, held.statusCode(), "even the right password waits: a guess cannot be tested");
        assertEquals("10", header(held, "Retry-After"));
        assertTrue(held.body().contains("Too many failed logins for this user"), held.body());
        assertEquals(429, post("10.0.0.2", "admin", "right").statusCode(), "the user is held back from any address");
        assertEquals(204, post("10.0.0.2", "coordinator", "right").statusCode(), "other users are not");

        server.clock.advance(Duration.ofSeconds(10));
        assertEquals(401, post(first, "admin", "guess-4").statusCode());
        assertEquals("20", header(post(first, "admin", "right"), "Retry-After"), "the wait doubles");
        server.clock.advance(Duration.ofSeconds(20));
        assertEquals(204, post(first, "admin", "right").statusCode());
        assertEquals(401, post(first, "admin", "guess-5").statusCode(), "a success starts the count over");

        // One address trying many users.
        for (String user : List.of("a", "b", "c")) {
            assertEquals(401, post("10.0.0.9", user, "x").statusCode());
        }
        HttpResponse<String> address = post("10.0.0.9", "coordinator", "right");
        assertEquals(429, address.statusCode());
        assertTrue(address.body().contains("for this address"), address.body());

        List<String> messages = log.stream().map(r -> MessageFormat.format(r.getMessage(), r.getParameters()))
                .toList();
        assertTrue(messages.contains("Failed login as 'admin' from 10.0.0.1 (1 in a row for the user, 1 from the address)"),
                messages.toString());
        assertTrue(messages.stream().anyMatch(m -> m.startsWith("Failed login as 'admin' from 10.0.0.1 (3 in a row")
                && m.endsWith("further attempts held back for 10 s)")), messages.toString());
        assertFalse(messages.stream().anyMatch(m -> m.contains("guess")), "passwords are never logged");
    }

    @Test
    void aUserNameCannotForgeLogLines() {
        assertEquals("admin?Failed login as 'root'", Authenticator.printable("admin\nFailed login as 'root'"));
        assertEquals(101, Authenticator.printable("x".repeat(500)).length());
    }

    @Test
    void consentRecordsThePeerUnlessATrustedProxyForwardsTheClient() throws Exception {
        start(Map.of());
        send("POST", "subscriptions", "{\"email\":\"a@example.se\"}", "Content-Type", "application/json",
                "X-Forwarded-For", "203.0.113.9", "User-Agent", "test");
        send("POST", "subscriptions/confirm?token=t", "", "X-Forwarded-For", "203.0.113.9", "User-Agent", "test");
        String peer = server.base.getHost();
        assertEquals(List.of(peer, peer), subscriptions.clients);
        stop();

        start(Map.of("trustedProxies", "127.0.0.0/8, ::1"));
        send("POST", "subscriptions", "{\"email\":\"a@example.se\"}", "Content-Type", "application/json",
                "X-Forwarded-For", "198.51.100.1, 203.0.113.9", "User-Agent", "test");
        assertEquals(List.of("203.0.113.9"), subscriptions.clients, "the address the proxy saw");
    }

    @Test
    void subscriptionRequestsAreLimitedPerAddressAndPerClient() throws Exception {
        start(Map.of("trustedProxies", "127.0.0.1, ::1", "subscriptionsPerAddressPerHour", 2,
                "subscriptionsPerClientPerHour", 4));
        List<Integer> sameAddress = new ArrayList<>();
        for (String municipality : List.of("1487", "1488", "1489")) {
            sameAddress.add(subscribe("10.0.0.1", " Anna@Example.se", municipality).statusCode());
        }
        assertEquals(List.of(202, 202, 429), sameAddress);
        HttpResponse<String> refused = subscribe("10.0.0.2", "anna@example.se", "1490");
        assertEquals(429, refused.statusCode(), "the address is limited from any client");
        assertTrue(header(refused, "Content-Type").startsWith("application/problem+json"));
        assertEquals("3600", header(refused, "Retry-After"));
        assertTrue(refused.body().contains("for this e-mail address"), refused.body());

        assertEquals(202, subscribe("10.0.0.1", "bo@example.se", "1487").statusCode());
        HttpResponse<String> client = subscribe("10.0.0.1", "cecilia@example.se", "1487");
        assertEquals(429, client.statusCode(), "the fifth request of one client this hour");
        assertTrue(client.body().contains("from this client"), client.body());
        assertEquals(3, subscriptions.clients.size(), "nothing reached the service after the limits");

        server.clock.advance(Duration.ofHours(1));
        assertEquals(202, subscribe("10.0.0.1", "anna@example.se", "1491").statusCode());
    }

    private HttpResponse<String> post(String client, String user, String password) throws Exception {
        return send("POST", "admin/run", null, "Authorization", basic(user, password), "X-Forwarded-For", client);
    }

    private HttpResponse<String> subscribe(String client, String email, String municipality) throws Exception {
        return send("POST", "subscriptions", "{\"email\":\"" + email + "\",\"municipalities\":[\"" + municipality + "\"]}",
                "Content-Type", "application/json", "X-Forwarded-For", client);
    }

    private static List<LogRecord> capture() {
        List<LogRecord> records = new CopyOnWriteArrayList<>();
        Logger.getLogger(Authenticator.class.getName()).addHandler(new Handler() {
            @Override
            public void publish(LogRecord record) {
                records.add(record);
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        });
        return records;
    }
}
