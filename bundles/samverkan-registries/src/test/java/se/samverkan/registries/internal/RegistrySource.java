package se.samverkan.registries.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.sun.net.httpserver.HttpServer;

/**
 * A registry's web server on a free loopback port: answers each path (with its query) from {@link #pages}, or
 * fails with 503 the next {@link #failures} times; records what was asked.
 */
final class RegistrySource implements AutoCloseable {

    final HttpServer server;
    /** Path and query, e.g. "/v3/data/kpi/N31001/municipality/1487/year/2023" → body. */
    final Map<String, String> pages = new ConcurrentHashMap<>();
    final List<String> requests = new ArrayList<>();
    volatile int failures;

    RegistrySource() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            String asked = exchange.getRequestURI().getRawPath()
                    + (exchange.getRequestURI().getRawQuery() == null ? "" : "?" + exchange.getRequestURI().getRawQuery());
            String body = pages.get(asked);
            int status = failures > 0 ? 503 : body == null ? 404 : 200;
            synchronized (requests) {
                requests.add(status + " " + asked);
            }
            if (failures > 0) {
                failures--;
            }
            byte[] bytes = (status == 200 ? body : "{\"error\":\"" + status + "\"}").getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json; charset=utf-8");
            exchange.sendResponseHeaders(status, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
            exchange.close();
        });
        server.start();
    }

    String base() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    URI uri(String path) {
        return URI.create(base() + path);
    }

    List<String> requests() {
        synchronized (requests) {
            return List.copyOf(requests);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
