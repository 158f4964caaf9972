package se.samverkan.bench;

import java.io.ByteArrayInputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import javax.mail.internet.MimeMessage;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.sun.net.httpserver.HttpServer;

import se.samverkan.calendar.testing.FeedGenerator;

/**
 * The fault and load figures of RELIABILITY.md, against the distribution run as an administrator runs it
 * ({@code bin/karaf server}, killed with SIGKILL where a scenario says so), with real peers on loopback: an
 * SMTP server (GreenMail) and an HTTP calendar source. Each scenario prints one table row: what was done, the
 * figure, pass or fail. Every loop is bounded in count and time.
 *
 * <p>Arguments: distribution archive, work folder. System properties: rel.only (import-kill, mail-kill, sources,
 * load, lost-updates, hostile; comma-separated; all if unset), rel.clients (16), rel.seconds (20),
 * rel.events (10000), rel.mails (300).
 */
public final class Reliability {

    private static final String PASSWORD = "benchmark";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final List<String> rows = new ArrayList<>();
    private final Path archive;
    private final Path work;
    private String base;

    private Reliability(Path archive, Path work) {
        this.archive = archive;
        this.work = work;
    }

    public static void main(String[] args) throws Exception {
        Reliability r = new Reliability(Path.of(args[0]), Path.of(args[1]));
        String only = System.getProperty("rel.only", "").strip();
        Set<String> scenarios = only.isEmpty()
                ? Set.of("import-kill", "mail-kill", "sources", "load", "lost-updates", "hostile")
                : Set.of(only.split("\\s*,\\s*"));
        System.out.printf("Machine: %d cores, Java %s%n", Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.version"));
        if (scenarios.contains("import-kill")) {
            r.importKilled();
        }
        if (scenarios.contains("mail-kill") || scenarios.contains("sources")) {
            r.mail(scenarios.contains("mail-kill"), scenarios.contains("sources"));
        }
        if (scenarios.contains("sources")) {
            r.sourcesDown();
        }
        if (scenarios.contains("load") || scenarios.contains("lost-updates") || scenarios.contains("hostile")) {
            r.underLoad(scenarios);
        }
        System.out.println();
        System.out.println("| scenario | what was done | figure | result |");
        System.out.println("|---|---|---|---|");
        r.rows.forEach(System.out::println);
    }

    private void row(String scenario, String done, String figure, boolean pass) {
        String line = "| " + scenario + " | " + done + " | " + figure + " | " + (pass ? "pass" : "FAIL") + " |";
        rows.add(line);
        System.out.println(line);
    }

    /** A fresh distribution, started; demo data applied. */
    private Karaf start(String... settings) throws Exception {
        Karaf karaf = Karaf.unpack(archive, work);
        for (String setting : settings) {
            String[] fileAndLine = setting.split(":", 2);
            karaf.configure(fileAndLine[0], fileAndLine[1]);
        }
        base = "http://localhost:" + karaf.httpPort + "/api/v1";
        karaf.startAndAwait("/api/v1/health");
        karaf.awaitLog("Plugin samverkan-demo-data ");
        return karaf;
    }

    // kill -9 during the first import of a 10 000-event feed, then a restart and the next read.
    private void importKilled() throws Exception {
        int events = Integer.getInteger("rel.events", 10_000);
        Karaf karaf = start();
        Path folder = Files.createTempDirectory(work, "reliability-feed-");
        Files.writeString(folder.resolve("feed.ics"), FeedGenerator.feed(events, LocalDate.now()), StandardCharsets.UTF_8);
        long before = count("/activities?municipality=1882");
        CalendarBench.writeFeed(karaf, "reliability", folder, "radda-barnen", 365);
        // Killed while the import writes: once some, not all, of the feed's activities are stored.
        long stored = 0;
        for (int i = 0; i < 600 && (stored = count("/activities?municipality=1882") - before) < events / 10; i++) {
            Thread.sleep(100);
        }
        karaf.kill();
        karaf.startAndAwait("/api/v1/health");
        JsonNode afterRestart = feed("reliability");
        JsonNode synced = json(send("POST", "/admin/feeds/reliability/sync", null));
        long after = count("/activities?municipality=1882") - before;
        JsonNode again = json(send("POST", "/admin/feeds/reliability/sync", null));
        long twice = count("/activities?municipality=1882") - before;
        row("kill -9 during a feed import", events + "-event feed; killed with " + stored
                        + " activities stored; restarted; state after restart: " + afterRestart.path("state").asText()
                        + "; synced twice", "activities " + after + " then " + twice + " of " + events
                        + " (created " + number(synced, "created") + ", then unchanged " + number(again, "unchanged") + ")",
                after == events && twice == events);
        karaf.stop();
    }

    // Mail: kill -9 while the outbox sends, and the SMTP server down and back.
    private void mail(boolean kill, boolean down) throws Exception {
        int mails = Integer.getInteger("rel.mails", 300);
        int smtpPort = freePort();
        GreenMail smtp = new GreenMail(new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        Karaf karaf = start("se.samverkan.mail.cfg:port = " + smtpPort, "se.samverkan.mail.cfg:pollSeconds = 1",
                // One client subscribes hundreds of addresses here, which the per-client limit exists to stop.
                "se.samverkan.rest.security.cfg:subscriptionsPerClientPerHour = 1000000",
                "se.samverkan.mail.cfg:retryDelaySeconds = 1", "se.samverkan.mail.cfg:batchSize = 20");
        try {
            if (kill) {
                // Confirmation mails, one per subscriber, queued as fast as the API takes them.
                for (int i = 0; i < mails; i++) {
                    subscribe("kill-" + i + "@example.org");
                }
                for (int i = 0; i < 300 && smtp.getReceivedMessages().length < mails / 5; i++) {
                    Thread.sleep(20);
                }
                int atKill = smtp.getReceivedMessages().length;
                karaf.kill();
                karaf.startAndAwait("/api/v1/health");
                awaitOutboxEmpty();
                Map<String, Integer> perRecipient = recipients(smtp, "kill-");
                long doubled = perRecipient.values().stream().filter(n -> n > 1).count();
                row("kill -9 while mail is sent", mails + " confirmation mails queued; killed after " + atKill
                                + " were delivered; restarted", perRecipient.size() + " of " + mails + " recipients got "
                                + "their mail; " + doubled + " got it twice", perRecipient.size() == mails && doubled <= 1);
            }
            if (down) {
                smtp.stop();
                for (int i = 0; i < 20; i++) {
                    subscribe("down-" + i + "@example.org");
                }
                Thread.sleep(5_000);
                int queued = json(send("GET", "/admin/mail?state=queued", null)).size();
                smtp = new GreenMail(new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
                smtp.start();
                long back = System.nanoTime();
                awaitOutboxEmpty();
                double drained = (System.nanoTime() - back) / 1e9;
                int delivered = recipients(smtp, "down-").size();
                row("SMTP server down and back", "SMTP stopped; 20 mails queued; 5 s later started again",
                        queued + " waiting with an error while down; " + delivered + " of 20 delivered "
                                + String.format("%.1f s", drained) + " after it came back", delivered == 20);
            }
        } finally {
            smtp.stop();
            karaf.stop();
        }
    }

    // A calendar source and a registry (Kolada's API) that go away and come back: the last good data stays, and
    // the feed and the registry say why.
    private void sourcesDown() throws Exception {
        int port = freePort();
        byte[] ics = FeedGenerator.feed(50, LocalDate.now()).getBytes(StandardCharsets.UTF_8);
        byte[] kpis = ("{\"values\":[{\"kpi\":\"N31001\",\"municipality\":\"1487\",\"period\":2023,\"values\":"
                + "[{\"gender\":\"T\",\"value\":1234.5,\"count\":1,\"status\":\"\"}]},{\"kpi\":\"N31001\","
                + "\"municipality\":\"0000\",\"period\":2023,\"values\":[{\"gender\":\"T\",\"value\":1500,"
                + "\"count\":290,\"status\":\"\"}]}],\"count\":2,\"next_url\":null}").getBytes(StandardCharsets.UTF_8);
        Supplier<HttpServer> serve = () -> {
            try {
                HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
                server.createContext("/feed.ics", exchange -> answer(exchange, "text/calendar; charset=utf-8", ics));
                server.createContext("/v3/data/kpi/N31001/", exchange -> answer(exchange, "application/json", kpis));
                server.start();
                return server;
            } catch (java.io.IOException e) {
                throw new IllegalStateException(e);
            }
        };
        HttpServer source = serve.get();
        // The feed's name before release 0.2, which later releases still read: the harness runs against both.
        String feedCfg = "se.samverkan.calendar.feed-remote.cfg:";
        String koladaCfg = "se.samverkan.registries.kolada.cfg:";
        Karaf karaf = start(feedCfg + "id = remote", feedCfg + "url = http://127.0.0.1:" + port + "/feed.ics",
                feedCfg + "organisation = radda-barnen", feedCfg + "municipality = 1882", feedCfg + "retries = 0",
                feedCfg + "pollSeconds = 86400", koladaCfg + "enabled = true",
                koladaCfg + "url = http://127.0.0.1:" + port, koladaCfg + "kpis = N31001", koladaCfg + "years = 2023",
                koladaCfg + "municipalities = 1487", koladaCfg + "retries = 0");
        try {
            long before = count("/activities?municipality=1882");
            JsonNode first = json(send("POST", "/admin/feeds/remote/sync", null));
            long stored = count("/activities?municipality=1882");
            String koladaFirst = json(send("POST", "/admin/registries/kolada/run", null)).path("lastRun")
                    .path("outcome").asText();
            int figures = json(send("GET", "/kpis?municipality=1487&kpi=N31001", null)).size();
            source.stop(0);
            JsonNode down = json(send("POST", "/admin/feeds/remote/sync", null));
            String failing = down.path("state").asText();
            long whileDown = count("/activities?municipality=1882");
            JsonNode koladaDown = json(send("POST", "/admin/registries/kolada/run", null)).path("lastRun");
            int figuresWhileDown = json(send("GET", "/kpis?municipality=1487&kpi=N31001", null)).size();
            source = serve.get();
            String back = json(send("POST", "/admin/feeds/remote/sync", null)).path("state").asText();
            String koladaBack = json(send("POST", "/admin/registries/kolada/run", null)).path("lastRun")
                    .path("outcome").asText();
            row("calendar source down and back", "50-event feed over HTTP read; source stopped, synced; started, synced",
                    "activities " + (stored - before) + " → " + (whileDown - before) + " while down (state "
                            + failing + ": " + down.path("lastError").asText() + ") → state " + back + " after",
                    stored == whileDown && "OK".equalsIgnoreCase(back) && !"OK".equalsIgnoreCase(failing)
                            && number(first, "created") > 0);
            row("registry source down and back", "Kolada's API (served on loopback) read; stopped, run; started, run",
                    "run " + koladaFirst + " with " + figures + " figures → " + koladaDown.path("outcome").asText()
                            + " (" + koladaDown.path("error").asText() + "), " + figuresWhileDown
                            + " figures kept → run " + koladaBack + " after",
                    "OK".equals(koladaFirst) && figures > 0 && figuresWhileDown == figures
                            && "FAILED".equals(koladaDown.path("outcome").asText()) && "OK".equals(koladaBack));
        } finally {
            source.stop(0);
            karaf.stop();
        }
    }

    private static void answer(com.sun.net.httpserver.HttpExchange exchange, String type, byte[] body)
            throws java.io.IOException {
        exchange.getResponseHeaders().add("Content-Type", type);
        exchange.sendResponseHeaders(200, body.length);
        exchange.getResponseBody().write(body);
        exchange.close();
    }

    private void underLoad(Set<String> scenarios) throws Exception {
        Karaf karaf = start();
        try {
            if (scenarios.contains("load")) {
                mixedLoad();
            }
            if (scenarios.contains("lost-updates")) {
                lostUpdates();
            }
            if (scenarios.contains("hostile")) {
                hostileBodies();
            }
        } finally {
            karaf.stop();
        }
    }

    // 16 clients, each in a closed loop: searches, reads by id, and writes of a venue of its own.
    private void mixedLoad() throws Exception {
        int clients = Integer.getInteger("rel.clients", 16);
        Duration measure = Duration.ofSeconds(Integer.getInteger("rel.seconds", 20));
        for (int c = 0; c < clients; c++) {
            send("POST", "/venues", venue("load-" + c, "Hall " + c), null);
        }
        String[] reads = {"/activities?q=svenska", "/activities?municipality=1471&limit=50", "/activities/simkurs-gotene",
            "/venues", "/organisations/support-group-network", "/activities?language=ar&from=" + LocalDate.now()};
        AtomicLong errors = new AtomicLong();
        AtomicLong writes = new AtomicLong();
        long[] latencies = drive(clients, measure, c -> {
            if (ThreadLocalRandom.current().nextInt(10) == 0) {
                writes.incrementAndGet();
                HttpResponse<String> read = send("GET", "/venues/load-" + c, null);
                HttpResponse<String> written = send("PUT", "/venues/load-" + c, venue("load-" + c, "Hall " + c + " "
                        + System.nanoTime()), read.headers().firstValue("ETag").orElse(null));
                if (written.statusCode() != 200) {
                    errors.incrementAndGet();
                }
            } else if (send("GET", reads[ThreadLocalRandom.current().nextInt(reads.length)], null).statusCode() != 200) {
                errors.incrementAndGet();
            }
        });
        row("mixed reads and writes", clients + " clients for " + measure.toSeconds() + " s, one request in ten a "
                        + "read-and-replace of the client's own venue", String.format("%,d requests (%,d writes), %d errors, "
                        + "p50 %.1f ms, p99 %.1f ms, max %.0f ms", latencies.length, writes.get(), errors.get(),
                        ms(latencies, 0.50), ms(latencies, 0.99), ms(latencies, 1.0)), errors.get() == 0);
    }

    // 8 clients read-modify-write one record: each write raises a counter in the venue's name by one.
    private void lostUpdates() throws Exception {
        int clients = 8;
        Duration measure = Duration.ofSeconds(Integer.getInteger("rel.seconds", 20));
        send("POST", "/venues", venue("contended", "0"), null);
        AtomicLong succeeded = new AtomicLong();
        AtomicLong refused = new AtomicLong();
        drive(clients, measure, c -> {
            HttpResponse<String> read = send("GET", "/venues/contended", null);
            long n = json(read).path("name").asLong();
            HttpResponse<String> written = send("PUT", "/venues/contended", venue("contended", String.valueOf(n + 1)),
                    read.headers().firstValue("ETag").orElse(null));
            if (written.statusCode() == 200) {
                succeeded.incrementAndGet();
            } else if (written.statusCode() == 412) {
                refused.incrementAndGet();
            }
        });
        long counter = json(send("GET", "/venues/contended", null)).path("name").asLong();
        row("concurrent updates of one record", clients + " clients read, add one, replace (If-Match) for "
                        + measure.toSeconds() + " s", String.format("%,d updates accepted, counter %,d, %,d refused "
                        + "with 412, %,d lost", succeeded.get(), counter, refused.get(), succeeded.get() - counter),
                counter == succeeded.get());
    }

    // Anonymous 40 MB bodies, with and without a length, and a deeply nested one, while a client searches.
    private void hostileBodies() throws Exception {
        // Text the JSON reader must read on through, so that only the size limit stops it.
        byte[] big = ("{\"email\":\"" + "a".repeat(40 * 1024 * 1024) + "\"}").getBytes(StandardCharsets.US_ASCII);
        byte[] deep = ("{\"email\":" + "[".repeat(100_000)).getBytes(StandardCharsets.US_ASCII);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<Integer>> statuses = new ArrayList<>();
        long[][] searchLatencies = new long[1][];
        Future<?> searching = pool.submit(() -> {
            searchLatencies[0] = drive(1, Duration.ofSeconds(10), c -> send("GET", "/activities?q=svenska", null));
            return null;
        });
        for (int i = 0; i < 6; i++) {
            boolean chunked = i % 2 == 1;
            statuses.add(pool.submit(() -> postLarge("/subscriptions", big, chunked)));
        }
        statuses.add(pool.submit(() -> postChunked("/subscriptions", deep)));
        List<Integer> answers = new ArrayList<>();
        for (Future<Integer> f : statuses) {
            answers.add(f.get(5, TimeUnit.MINUTES));
        }
        searching.get(5, TimeUnit.MINUTES);
        pool.shutdown();
        boolean up = send("GET", "/health", null).statusCode() == 200;
        row("hostile bodies", "6 anonymous 40 MB subscription bodies at once (3 with their length, 3 chunked), one "
                        + "JSON array nested 100 000 deep where text belongs, while a client searched", "answers "
                        + answers + "; search p99 " + String.format("%.1f ms", ms(searchLatencies[0], 0.99))
                        + "; health " + (up ? "UP" : "not UP"),
                answers.subList(0, 6).stream().allMatch(s -> s == 413) && answers.get(6) == 400 && up);
    }

    /**
     * A large body as a hostile client sends it: the headers, announcing its length or not (chunked), and its first
     * two mebibytes; then the answer is read. (A client that sends all 40 MB before it reads sees the connection
     * closed under it instead.)
     */
    private int postLarge(String path, byte[] body, boolean chunked) throws Exception {
        URI uri = URI.create(base + path);
        int part = 2 * 1024 * 1024;
        try (java.net.Socket socket = new java.net.Socket(uri.getHost(), uri.getPort())) {
            socket.setSoTimeout(60_000);
            var out = socket.getOutputStream();
            out.write(("POST " + uri.getRawPath() + " HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                    + (chunked ? "Transfer-Encoding: chunked\r\n\r\n" + Integer.toHexString(part) + "\r\n"
                    : "Content-Length: " + body.length + "\r\n\r\n")).getBytes(StandardCharsets.US_ASCII));
            out.write(body, 0, part);
            out.flush();
            String status = new String(socket.getInputStream().readNBytes(12), StandardCharsets.US_ASCII);
            return Integer.parseInt(status.substring(9, 12));
        }
    }

    private int postChunked(String path, byte[] body) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofMinutes(2))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body))).build(),
                HttpResponse.BodyHandlers.ofString()).statusCode();
    }

    private interface ClientStep {
        void run(int client) throws Exception;
    }

    /** Closed loop per client for the duration; the latency of each step, sorted. */
    private long[] drive(int clients, Duration duration, ClientStep step) throws Exception {
        long end = System.nanoTime() + duration.toNanos();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        List<Future<List<Long>>> futures = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            int client = c;
            futures.add(pool.submit(() -> {
                List<Long> took = new ArrayList<>();
                while (System.nanoTime() < end) {
                    long start = System.nanoTime();
                    step.run(client);
                    took.add(System.nanoTime() - start);
                }
                return took;
            }));
        }
        List<Long> all = new ArrayList<>();
        for (Future<List<Long>> f : futures) {
            all.addAll(f.get(duration.toSeconds() + 120, TimeUnit.SECONDS));
        }
        pool.shutdown();
        return all.stream().mapToLong(Long::longValue).sorted().toArray();
    }

    private static double ms(long[] sorted, double p) {
        return sorted.length == 0 ? 0
                : sorted[(int) Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))] / 1e6;
    }

    private static String venue(String id, String name) {
        return "{\"id\":\"" + id + "\",\"name\":\"" + name + "\",\"municipalityCode\":\"1471\",\"accessibility\":[]}";
    }

    private void subscribe(String email) throws Exception {
        HttpResponse<String> r = send("POST", "/subscriptions", "{\"email\":\"" + email + "\",\"language\":\"sv\","
                + "\"municipalities\":[\"1471\"],\"languages\":[],\"categories\":[]}", null);
        if (r.statusCode() >= 300) {
            throw new IllegalStateException("subscribing " + email + ": " + r.statusCode() + " " + r.body());
        }
    }

    private void awaitOutboxEmpty() throws Exception {
        for (int i = 0; i < 1200; i++) {
            if (json(send("GET", "/admin/mail?state=queued", null)).isEmpty()
                    && json(send("GET", "/admin/mail?state=sending", null)).isEmpty()) {
                return;
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException("the outbox did not empty within 5 minutes");
    }

    private static Map<String, Integer> recipients(GreenMail smtp, String prefix) throws Exception {
        Map<String, Integer> perRecipient = new HashMap<>();
        for (MimeMessage m : smtp.getReceivedMessages()) {
            String to = m.getAllRecipients()[0].toString();
            if (to.startsWith(prefix)) {
                perRecipient.merge(to, 1, Integer::sum);
            }
        }
        return perRecipient;
    }

    /** How many activities a search finds, page by page. */
    private long count(String search) throws Exception {
        long n = 0;
        for (int offset = 0; ; offset += 200) {
            JsonNode page = JSON.readTree(send("GET", search + "&limit=200&offset=" + offset, null).body());
            n += page.get("items").size();
            if (!page.get("hasMore").asBoolean()) {
                return n;
            }
        }
    }

    /** A feed's status, once the feed is listed. */
    private JsonNode feed(String id) throws Exception {
        for (int i = 0; i < 600; i++) {
            HttpResponse<String> r = send("GET", "/admin/feeds", null);
            if (r.statusCode() == 200) {
                for (JsonNode feed : JSON.readTree(r.body())) {
                    if (feed.path("id").asText().equals(id)) {
                        return feed;
                    }
                }
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("the feed " + id + " is not listed");
    }

    private HttpResponse<String> send(String method, String path, String json) throws Exception {
        return send(method, path, json, null);
    }

    private HttpResponse<String> send(String method, String path, String json, String ifMatch) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofMinutes(10))
                .header("Authorization", "Basic " + Base64.getEncoder()
                        .encodeToString(("admin:" + PASSWORD).getBytes(StandardCharsets.UTF_8)))
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8));
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        if (ifMatch != null) {
            request.header("If-Match", ifMatch);
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode json(HttpResponse<String> response) throws Exception {
        return JSON.readTree(response.body());
    }

    /** A count anywhere in a status, e.g. the last run's {@code created}; -1 if it has none. */
    private static int number(JsonNode status, String key) {
        JsonNode value = status.findValue(key);
        return value == null ? -1 : value.asInt();
    }

    private static int freePort() throws Exception {
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
