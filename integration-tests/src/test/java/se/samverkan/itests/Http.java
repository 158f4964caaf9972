package se.samverkan.itests;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** A small JSON client for the REST API, as an integrator would use it. */
public final class Http {

    /** A response: status, content type, the parsed body (null when empty), and the ETag (null when none). */
    public record Reply(int status, String contentType, JsonNode body, String location, String etag) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;

    public Http(int port) {
        this.base = "http://localhost:" + port + "/api/v1";
    }

    /** The API's address, e.g. {@code http://localhost:8181/api/v1}. */
    public String base() {
        return base;
    }

    /** A response as text, with its headers: for what is not JSON (calendar feeds). */
    public record Text(int status, String body, HttpHeaders headers) {
    }

    /** GET with the given header name/value pairs, answered as text. */
    public Text text(String path, String... headers) {
        return textOf("GET", path, headers);
    }

    /** Any method without a body (e.g. a form's POST), answered as text. */
    public Text textOf(String method, String path, String... headers) {
        return textRequest(method, URI.create(base + path), headers);
    }

    /** GET of a whole URL the platform wrote (a link in a feed or a mail), answered as text. */
    public Text textAt(String url) {
        return textRequest("GET", URI.create(url));
    }

    private Text textRequest(String method, URI uri, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30))
                .method(method, HttpRequest.BodyPublishers.noBody());
        for (int i = 0; i + 1 < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        try {
            HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Text(response.statusCode(), response.body(), response.headers());
        } catch (IOException e) {
            return new Text(-1, e.toString(), HttpHeaders.of(java.util.Map.of(), (a, b) -> true));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public Reply get(String path) {
        return send("GET", path, null, null, null);
    }

    /** @param headers further header name/value pairs, e.g. {@code "If-Match", "\"3\""} */
    public Reply send(String method, String path, String json, String user, String password, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30))
                .header("Accept", "application/json")
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8));
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        for (int i = 0; i + 1 < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        if (user != null) {
            String token = Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
            request.header("Authorization", "Basic " + token);
        }
        try {
            HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
            String body = response.body();
            return new Reply(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                    body == null || body.isBlank() ? null : JSON.readTree(body),
                    response.headers().firstValue("Location").orElse(null),
                    response.headers().firstValue("ETag").orElse(null));
        } catch (IOException e) {
            return new Reply(-1, "", null, null, null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Sends a JSON body without saying its length (chunked), as a streaming client does. */
    public Reply chunked(String method, String path, String json) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofInputStream(
                        () -> new java.io.ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8))))
                .build();
        try {
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
            return new Reply(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                    JSON.readTree(response.body()), null, null);
        } catch (IOException e) {
            return new Reply(-1, "", null, null, null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * A large JSON body of which the client sends only the first two mebibytes before it reads the answer, with its
     * whole length announced, or chunked when {@code announced} is negative; the status, or -1 if none came.
     */
    public int postPartOf(String path, long announced) throws IOException {
        URI uri = URI.create(base + path);
        int part = 2 * 1024 * 1024;
        try (java.net.Socket socket = new java.net.Socket(uri.getHost(), uri.getPort())) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(("POST " + uri.getRawPath() + " HTTP/1.1\r\nHost: localhost\r\n"
                    + "Content-Type: application/json\r\n" + (announced < 0
                    ? "Transfer-Encoding: chunked\r\n\r\n" + Integer.toHexString(part) + "\r\n"
                    : "Content-Length: " + announced + "\r\n\r\n")).getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().write(("{\"email\":\"" + "a".repeat(part)).substring(0, part)
                    .getBytes(StandardCharsets.US_ASCII));
            String status = new String(socket.getInputStream().readNBytes(12), StandardCharsets.US_ASCII);
            return status.startsWith("HTTP/1.1 ") ? Integer.parseInt(status.substring(9, 12)) : -1;
        } catch (java.net.SocketTimeoutException e) {
            return -1;
        }
    }

    /** A client that reads the first bytes of an answer and closes the connection. */
    public void readAndClose(String path, int bytes) throws IOException {
        URI uri = URI.create(base + path);
        try (java.net.Socket socket = new java.net.Socket(uri.getHost(), uri.getPort())) {
            socket.getOutputStream().write(("GET " + uri.getRawPath() + " HTTP/1.1\r\nHost: localhost\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            socket.getInputStream().readNBytes(bytes);
            socket.setSoLinger(true, 0);  // reset, as a browser's closed tab does
        }
    }

    /** Waits until the API answers /health, for at most the given time. */
    public void awaitUp(Duration timeout) throws InterruptedException {
        Await.await("the REST API answering " + base + "/health", timeout, () -> get("/health").status(),
                status -> status == 200);
    }

    /** A free port on this machine for a container to listen on. */
    public static int freePort() {
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
