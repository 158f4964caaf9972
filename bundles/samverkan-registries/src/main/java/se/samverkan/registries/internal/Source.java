package se.samverkan.registries.internal;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import se.samverkan.api.util.Bytes;
import se.samverkan.registries.internal.Registry.UnavailableException;
import se.samverkan.registries.internal.Registry.UnusableException;

/** Reads a registry's source over HTTP: a 5xx, a 429, a timeout or a refused connection is worth a retry. */
final class Source {

    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(15))
            .followRedirects(HttpClient.Redirect.NORMAL).build();

    private final Duration timeout;
    private final long maxBytes;

    Source(long timeoutSeconds, long maxBytes) {
        this.timeout = Duration.ofSeconds(timeoutSeconds);
        this.maxBytes = maxBytes;
    }

    /** The body as UTF-8 text. */
    String get(URI url, String accept) throws UnavailableException, UnusableException {
        HttpRequest request = HttpRequest.newBuilder(url).timeout(timeout).header("Accept", accept)
                .header("User-Agent", "Samverkan registry import").build();
        HttpResponse<InputStream> response;
        try {
            response = CLIENT.send(request, HttpResponse.BodyHandlers.ofInputStream());
        } catch (IOException e) {
            throw new UnavailableException("cannot read " + url + ": " + describe(e), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UnavailableException("interrupted while reading " + url, e);
        }
        try (InputStream body = response.body()) {
            int status = response.statusCode();
            if (status >= 500 || status == 429) {
                throw new UnavailableException("HTTP " + status + " from " + url, null);
            }
            if (status != 200) {
                throw new UnusableException("HTTP " + status + " from " + url);
            }
            return read(body, url);
        } catch (IOException e) {
            throw new UnavailableException("cannot read " + url + ": " + describe(e), e);
        }
    }

    private String read(InputStream in, URI url) throws IOException, UnusableException {
        byte[] bytes = Bytes.readAtMost(in, maxBytes);
        if (bytes == null) {
            throw new UnusableException(url + " sends more than the " + maxBytes + " bytes allowed (maxBytes)");
        }
        String text = new String(bytes, StandardCharsets.UTF_8);
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }

    /** The JDK's timeout and connection exceptions often have no message of their own. */
    private static String describe(IOException e) {
        return e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
    }
}
