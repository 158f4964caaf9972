package se.samverkan.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/** Closed-loop load: each client sends its next request when the last one has been answered. */
final class Load {

    /** Figures of one scenario. */
    record Result(String name, long requests, long errors, double perSecond, double p50Ms, double p99Ms, double maxMs,
                  long bytesPerResponse) {
    }

    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;
    private final int clients;

    Load(int port, int clients) {
        this.base = "http://localhost:" + port;
        this.clients = clients;
    }

    Result run(String name, String path, Duration warmup, Duration measure) throws Exception {
        drive(path, warmup);
        List<long[]> perClient = drive(path, measure);
        long errors = perClient.stream().mapToLong(r -> r[r.length - 2]).sum();
        long bytes = perClient.stream().mapToLong(r -> r[r.length - 1]).sum();
        long[] latencies = perClient.stream().flatMapToLong(r -> Arrays.stream(r, 0, r.length - 2)).sorted().toArray();
        long n = latencies.length;
        return new Result(name, n, errors, n / (measure.toNanos() / 1e9), ms(percentile(latencies, 0.50)),
                ms(percentile(latencies, 0.99)), ms(latencies.length == 0 ? 0 : latencies[latencies.length - 1]),
                n == 0 ? 0 : bytes / n);
    }

    /** Per client: latencies in ns, then the error count, then the bytes received. */
    private List<long[]> drive(String path, Duration duration) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30)).build();
        long end = System.nanoTime() + duration.toNanos();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        List<Future<long[]>> futures = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            futures.add(pool.submit(() -> {
                long[] latencies = new long[1 << 16];
                int count = 0;
                long errors = 0;
                long bytes = 0;
                while (System.nanoTime() < end) {
                    long start = System.nanoTime();
                    HttpResponse<byte[]> response = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
                    long took = System.nanoTime() - start;
                    if (response.statusCode() != 200) {
                        errors++;
                    }
                    bytes += response.body().length;
                    if (count == latencies.length) {
                        latencies = Arrays.copyOf(latencies, count * 2);
                    }
                    latencies[count++] = took;
                }
                long[] result = Arrays.copyOf(latencies, count + 2);
                result[count] = errors;
                result[count + 1] = bytes;
                return result;
            }));
        }
        List<long[]> results = new ArrayList<>();
        for (Future<long[]> f : futures) {
            results.add(f.get());
        }
        pool.shutdown();
        pool.awaitTermination(10, TimeUnit.SECONDS);
        return results;
    }

    private static long percentile(long[] sorted, double p) {
        return sorted.length == 0 ? 0 : sorted[(int) Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)];
    }

    private static double ms(long nanos) {
        return nanos / 1e6;
    }
}
