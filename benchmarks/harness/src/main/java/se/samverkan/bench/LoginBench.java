package se.samverkan.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntFunction;

/**
 * A login brute-force attempt against the running distribution on loopback (RELIABILITY.md, "Login brute
 * force"): concurrent clients guess passwords over HTTP Basic for a bounded time and count, and the figures say
 * how many guesses the server actually tested (401), how many it refused without testing (429) and what stopped
 * them. The distribution trusts 127.0.0.1 as a proxy here, so X-Forwarded-For can stand for attackers at many
 * addresses.
 *
 * <p>System properties: bench.loginClients (8), bench.loginSeconds (15 per scenario), bench.loginMaxAttempts
 * (20000 per scenario).
 */
final class LoginBench {

    private static final String PASSWORD = "benchmark";

    private record Outcome(long attempts, long tested, long ok, long heldBack, long other, double seconds,
                           long firstHeldMs, double p50TestedMs, double firstMs) {
    }

    private LoginBench() {
    }

    static void run(Path archive, Path work) throws Exception {
        int clients = Integer.getInteger("bench.loginClients", 8);
        Duration limit = Duration.ofSeconds(Integer.getInteger("bench.loginSeconds", 15));
        int maxAttempts = Integer.getInteger("bench.loginMaxAttempts", 20_000);
        Karaf karaf = Karaf.unpack(archive, work);
        // Written before the first start: the feature's default file is written only if absent.
        karaf.configure("se.samverkan.rest.security.cfg", "trustedProxies = 127.0.0.1");
        karaf.startAndAwait("/api/v1/health");
        karaf.awaitLog("Plugin samverkan-demo-data ");
        URI uri = URI.create("http://127.0.0.1:" + karaf.httpPort + "/api/v1/admin/feeds");
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        try {
            System.out.printf("%nLogin brute force, %d concurrent clients, at most %d s and %,d attempts per scenario "
                    + "(GET /api/v1/admin/feeds with HTTP Basic)%n%n", clients, limit.toSeconds(), maxAttempts);
            System.out.println("| scenario | attempts | passwords tested (401) | refused untested (429) | other | "
                    + "tested/s | first 429 after | p50 of a tested guess |");
            System.out.println("|---|---|---|---|---|---|---|---|");
            print("one address guesses admin's password", drive(http, uri, clients, limit, maxAttempts,
                    i -> new String[] {"admin", "guess-" + i, "198.51.100.1"}));
            print("one address tries many user names", drive(http, uri, clients, limit, maxAttempts,
                    i -> new String[] {"user-" + i, "guess", "198.51.100.2"}));
            print("every guess from another address, one user", drive(http, uri, clients, limit, maxAttempts,
                    i -> new String[] {"coordinator-vanersborg", "guess-" + i, "10." + (i >> 16 & 255) + "."
                            + (i >> 8 & 255) + "." + (i & 255)}));
            Outcome admin = drive(http, uri, 1, Duration.ofSeconds(5), 1, i -> new String[] {"admin", PASSWORD, "203.0.113.7"});
            System.out.printf("%nThe administrator with the right password from another address, right after: %s%n",
                    admin.ok() > 0 ? "logged in (200)" : admin.heldBack() > 0 ? "held back (429)" : "refused");
            Outcome partner = drive(http, uri, 1, Duration.ofSeconds(10), 50,
                    i -> new String[] {"partner-support-group-network", "demo-sgn", "203.0.113.8"});
            System.out.printf("A user not under attack, 50 requests: %d answered 200 or 403; the first %.0f ms (the "
                    + "password hashed), then p50 %.1f ms (a successful check is remembered)%n", partner.tested(),
                    partner.firstMs(), partner.p50TestedMs());
        } finally {
            karaf.stop();
        }
    }

    private static void print(String name, Outcome o) {
        System.out.printf("| %s | %,d | %,d | %,d | %,d | %.1f | %s | %.0f ms |%n", name, o.attempts(), o.tested(),
                o.heldBack(), o.other(), o.tested() / o.seconds(), o.firstHeldMs() < 0 ? "never" : o.firstHeldMs() + " ms",
                o.p50TestedMs());
    }

    /** Sends attempts (user, password, client address from {@code attempt}) until the time or count is used up. */
    private static Outcome drive(HttpClient http, URI uri, int clients, Duration limit, int maxAttempts,
                                 IntFunction<String[]> attempt) throws Exception {
        AtomicInteger next = new AtomicInteger();
        AtomicLong tested = new AtomicLong();
        AtomicLong ok = new AtomicLong();
        AtomicLong firstNanos = new AtomicLong(-1);
        AtomicLong held = new AtomicLong();
        AtomicLong other = new AtomicLong();
        AtomicLong firstHeld = new AtomicLong(-1);
        List<Long> testedNanos = Collections.synchronizedList(new ArrayList<>());
        long start = System.nanoTime();
        long end = start + limit.toNanos();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        List<Future<?>> futures = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            futures.add(pool.submit(() -> {
                int i;
                while (System.nanoTime() < end && (i = next.getAndIncrement()) < maxAttempts) {
                    String[] a = attempt.apply(i);
                    HttpRequest request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30))
                            .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                                    (a[0] + ":" + a[1]).getBytes(StandardCharsets.UTF_8)))
                            .header("X-Forwarded-For", a[2]).build();
                    long sent = System.nanoTime();
                    int status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
                    long took = System.nanoTime() - sent;
                    firstNanos.compareAndSet(-1, took);
                    if (status == 401 || status == 200 || status == 403) {
                        tested.incrementAndGet();
                        testedNanos.add(took);
                        if (status != 401) {
                            ok.incrementAndGet();
                        }
                    } else if (status == 429) {
                        held.incrementAndGet();
                        firstHeld.compareAndSet(-1, (System.nanoTime() - start) / 1_000_000);
                    } else {
                        other.incrementAndGet();
                    }
                }
                return null;
            }));
        }
        for (Future<?> f : futures) {
            f.get();
        }
        pool.shutdown();
        double seconds = (System.nanoTime() - start) / 1e9;
        long[] sorted = testedNanos.stream().mapToLong(Long::longValue).sorted().toArray();
        double p50 = sorted.length == 0 ? 0 : sorted[sorted.length / 2] / 1e6;
        return new Outcome(tested.get() + held.get() + other.get(), tested.get(), ok.get(), held.get(), other.get(),
                seconds, firstHeld.get(), p50, firstNanos.get() / 1e6);
    }
}
