package se.samverkan.itests;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A source the platform reads over HTTP (a partner's calendar, Kolada's API), served by the JDK's HttpServer on a
 * free loopback port: each path (with its query) answers what the test set, anything else 404, and every request
 * is recorded. Runs inside the Pax Exam container, where {@code com.sun.*} is boot-delegated to the JDK.
 */
final class LocalHttpServer implements AutoCloseable {

    /** A request as the server got it: method, path with query, and headers. */
    record Request(String method, String target, Headers headers) {
        String header(String name) {
            return headers.getFirst(name);
        }
    }

    /** An answer: status, body (null for none) with its content type, and further headers. */
    record Answer(int status, String contentType, String body, Map<String, String> headers) {
        Answer(int status, String contentType, String body) {
            this(status, contentType, body, Map.of());
        }
    }

    /** Answers a request; for a source that changes, fails, is slow or answers conditionally. */
    @FunctionalInterface
    interface Handler {
        Answer answer(Request request) throws Exception;
    }

    private final HttpServer server;
    private final Map<String, Handler> handlers = new ConcurrentHashMap<>();
    private final List<Request> requests = new CopyOnWriteArrayList<>();

    LocalHttpServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    /** The address of a path on this server, e.g. {@code http://127.0.0.1:40123/feed.ics}. */
    String url(String target) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + target;
    }

    /** The path (and query, if given) answers with this status and body from now on. */
    LocalHttpServer serve(String target, int status, String contentType, String body) {
        return serve(target, request -> new Answer(status, contentType, body));
    }

    LocalHttpServer serve(String target, Handler handler) {
        handlers.put(target, handler);
        return this;
    }

    /** Every request so far, in the order they came. */
    List<Request> requests() {
        return List.copyOf(requests);
    }

    private void handle(HttpExchange exchange) throws IOException {
        String target = exchange.getRequestURI().getPath() + (exchange.getRequestURI().getQuery() == null
                ? "" : "?" + exchange.getRequestURI().getQuery());
        Request request = new Request(exchange.getRequestMethod(), target, exchange.getRequestHeaders());
        requests.add(request);
        Handler handler = handlers.get(target);
        Answer answer;
        try {
            answer = handler == null ? new Answer(404, null, null) : handler.answer(request);
        } catch (Exception e) {
            answer = new Answer(500, "text/plain", e.toString());
        }
        answer.headers().forEach(exchange.getResponseHeaders()::set);
        byte[] body = answer.body() == null ? null : answer.body().getBytes(StandardCharsets.UTF_8);
        if (body != null && answer.contentType() != null) {
            exchange.getResponseHeaders().set("Content-Type", answer.contentType());
        }
        exchange.sendResponseHeaders(answer.status(), body == null ? -1 : body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            if (body != null) {
                out.write(body);
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
