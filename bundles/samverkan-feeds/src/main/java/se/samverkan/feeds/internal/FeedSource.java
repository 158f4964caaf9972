package se.samverkan.feeds.internal;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;

import se.samverkan.api.util.Bytes;
import se.samverkan.api.util.Sha256;
import se.samverkan.api.util.TextDecoding;
import se.samverkan.calendar.FeedException;

/** Reads a feed's bytes, conditionally: an unchanged source answers "not modified" and costs no parse. */
interface FeedSource {

    /**
     * What a read brought.
     *
     * @param documents    one iCalendar document per file (a URL serves one)
     * @param charset      the charset the source declared (HTTP Content-Type), else null
     * @param etag         the validator to send next time (HTTP ETag, or a digest of a folder's listing)
     * @param lastModified HTTP Last-Modified, else null
     */
    record Fetched(List<byte[]> documents, Charset charset, String etag, String lastModified) {
    }

    /**
     * @return null if the source has not changed since {@code etag}/{@code lastModified}
     * @throws IOException  if the source cannot be read now (worth a retry)
     * @throws FeedException if the source is larger than allowed (not worth one)
     */
    Fetched fetch(String etag, String lastModified) throws IOException, FeedException;

    static FeedSource of(FeedSettings settings) {
        return settings.url() != null ? new Http(settings.url(), settings.maxBytes(), settings.readTimeoutSeconds())
                : new Folder(settings.folder(), settings.maxBytes());
    }

    /**
     * A feed over http(s), the way Google Calendar and Outlook publish them. The whole read (connection, headers
     * and body) must be done within {@code readTimeoutSeconds}: a source that sends a byte now and then would
     * otherwise hold the feed, and every read queued behind it, for as long as it likes.
     */
    record Http(URI url, long maxBytes, long readTimeoutSeconds) implements FeedSource {

        private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(15))
                .followRedirects(HttpClient.Redirect.NORMAL).build();

        @Override
        public Fetched fetch(String etag, String lastModified) throws IOException, FeedException {
            // On a thread of its own, which is interrupted at the deadline: the JDK client's body stream has no
            // timeout of its own, and a blocked read of it gives up only when its thread is interrupted.
            FutureTask<Fetched> read = new FutureTask<>(() -> read(etag, lastModified));
            Thread reader = new Thread(read, "samverkan-feed-read " + url.getHost());
            reader.setDaemon(true);
            reader.start();
            try {
                return read.get(readTimeoutSeconds, TimeUnit.SECONDS);
            } catch (TimeoutException e) {
                read.cancel(true);
                throw new IOException("the feed at " + url + " was not read whole within " + readTimeoutSeconds
                        + " seconds (readTimeoutSeconds)", e);
            } catch (InterruptedException e) {
                read.cancel(true);
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while reading " + url, e);
            } catch (ExecutionException e) {
                if (e.getCause() instanceof IOException io) {
                    throw io;
                }
                if (e.getCause() instanceof FeedException feed) {
                    throw feed;
                }
                throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
            }
        }

        private Fetched read(String etag, String lastModified) throws IOException, FeedException {
            HttpRequest.Builder request = HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(readTimeoutSeconds))
                    .header("Accept", "text/calendar, */*;q=0.5").header("User-Agent", "Samverkan calendar import");
            if (etag != null) {
                request.header("If-None-Match", etag);
            }
            if (lastModified != null) {
                request.header("If-Modified-Since", lastModified);
            }
            HttpResponse<InputStream> response;
            try {
                response = CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while reading " + url, e);
            }
            try (InputStream body = response.body()) {
                if (response.statusCode() == 304) {
                    return null;
                }
                if (response.statusCode() != 200) {
                    throw new IOException("HTTP " + response.statusCode() + " from " + url);
                }
                long declared = response.headers().firstValueAsLong("Content-Length").orElse(-1);
                if (declared > maxBytes) {
                    throw tooLarge(declared);
                }
                byte[] bytes = Bytes.readAtMost(body, maxBytes);
                if (bytes == null) {
                    throw new FeedException("the feed is more than the " + maxBytes + " bytes allowed (maxBytes)");
                }
                return new Fetched(List.of(bytes),
                        TextDecoding.charsetOf(response.headers().firstValue("Content-Type").orElse(null)),
                        response.headers().firstValue("ETag").orElse(null),
                        response.headers().firstValue("Last-Modified").orElse(null));
            }
        }

        private FeedException tooLarge(long size) {
            return new FeedException("the feed at " + url + " is " + size + " bytes, more than the " + maxBytes
                    + " allowed (maxBytes)");
        }
    }

    /** A folder where .ics files are dropped: together they are the feed. */
    record Folder(Path folder, long maxBytes) implements FeedSource {

        @Override
        public Fetched fetch(String etag, String lastModified) throws IOException, FeedException {
            if (!Files.isDirectory(folder)) {
                throw new IOException("the folder " + folder + " does not exist");
            }
            List<Path> files;
            try (Stream<Path> listing = Files.list(folder)) {
                files = listing.filter(p -> p.getFileName().toString().toLowerCase().endsWith(".ics")).sorted().toList();
            }
            StringBuilder state = new StringBuilder();
            long total = 0;
            for (Path file : files) {
                total += Files.size(file);
                state.append(file.getFileName()).append(' ').append(Files.size(file)).append(' ')
                        .append(Files.getLastModifiedTime(file).toMillis()).append('\n');
            }
            String digest = "\"" + Sha256.hex(state.toString()) + "\"";
            if (digest.equals(etag)) {
                return null;
            }
            if (total > maxBytes) {
                throw new FeedException("the .ics files in " + folder + " are " + total + " bytes, more than the "
                        + maxBytes + " allowed (maxBytes)");
            }
            List<byte[]> documents = new ArrayList<>();
            for (Path file : files) {
                documents.add(Files.readAllBytes(file));
            }
            return new Fetched(documents, null, digest, null);
        }
    }
}
