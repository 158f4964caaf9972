package se.samverkan.bench;

import java.io.BufferedInputStream;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Component;

import se.samverkan.api.model.ActivityCategory;
import se.samverkan.api.model.FocusArea;
import se.samverkan.calendar.FeedMapping;
import se.samverkan.calendar.ICalendarImport;
import se.samverkan.calendar.ParsedFeed;
import se.samverkan.calendar.testing.FeedGenerator;

/**
 * The calendar feed figures of BENCHMARKS.md: a generated feed (FeedGenerator: every fifth event a weekly series)
 * is parsed in this JVM by ical4j's bare CalendarBuilder (the limit) and by our ICalendarImport, then imported by
 * a fresh distribution through a feed configuration dropped into its etc/, as an administrator does; then the
 * unchanged feed is synced again over REST and the organisation's calendar exported.
 *
 * <p>System properties: bench.calendarEvents (10000), bench.horizonDays (365).
 */
final class CalendarBench {

    private static final String FEED_ID = "bench-calendar";
    private static final String ORGANISATION = "radda-barnen";
    private static final String MUNICIPALITY = "1882";
    private static final String SMALL_FEED_ID = "bench-export";
    private static final String SMALL_ORGANISATION = "migrationsverket";
    private static final ZoneId STOCKHOLM = ZoneId.of("Europe/Stockholm");
    private static final int WARMUPS = 3;
    private static final int RUNS = 7;
    private static final int REST_RUNS = 5;

    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final String authorization = "Basic "
            + Base64.getEncoder().encodeToString("admin:benchmark".getBytes(StandardCharsets.UTF_8));
    private String base;

    private CalendarBench() {
    }

    static void run(Path samverkan, Path work) throws Exception {
        new CalendarBench().measure(samverkan, work);
    }

    private void measure(Path samverkan, Path work) throws Exception {
        int events = Integer.getInteger("bench.calendarEvents", 10_000);
        int horizonDays = Integer.getInteger("bench.horizonDays", 365);
        LocalDate today = LocalDate.now(STOCKHOLM);

        Files.createDirectories(work);
        Path folder = Files.createTempDirectory(work, "calendar-feed-");
        Path file = folder.resolve("feed.ics");
        String feedText = FeedGenerator.feed(events, today);
        Files.writeString(file, feedText, StandardCharsets.UTF_8);
        System.out.printf("%nCalendar feed: %,d events (every fifth weekly, horizon %d days), %,d bytes%n%n", events,
                horizonDays, Files.size(file));

        // In this JVM: the limit (ical4j's parser alone) and our parse (ical4j per event, expansion, mapping).
        int[] vevents = new int[1];
        double bare = medianMs(() -> {
            try (InputStream in = new BufferedInputStream(Files.newInputStream(file))) {
                Calendar calendar = new CalendarBuilder().build(in);
                vevents[0] = calendar.getComponents(Component.VEVENT).size();
            }
        });
        FeedMapping mapping = new FeedMapping(FEED_ID, ORGANISATION, MUNICIPALITY, null, Set.of("sv"), "sv",
                Map.of("Språkcafé", ActivityCategory.SWEDISH_LANGUAGE_PRACTICE), ActivityCategory.OTHER,
                FocusArea.SOCIAL, horizonDays);
        ParsedFeed[] parsed = new ParsedFeed[1];
        double ours = medianMs(() -> {
            try (InputStream in = Files.newInputStream(file)) {
                parsed[0] = ICalendarImport.parse(in, mapping, today);
            }
        });
        long occurrences = parsed[0].events().stream().mapToLong(e -> e.activity().occurrences().size()).sum();
        System.out.printf("Parse in the harness JVM (median of %d after %d warm-ups): ical4j CalendarBuilder %.0f ms "
                        + "(%,d VEVENTs), ICalendarImport.parse %.0f ms (%,d activities, %,d occurrences, %d rejected)%n",
                RUNS, WARMUPS, bare, vevents[0], ours, parsed[0].events().size(), occurrences, parsed[0].rejected().size());

        // A fresh distribution: schema and demo data, no feed.
        Karaf karaf = Karaf.unpack(samverkan, work);
        base = "http://localhost:" + karaf.httpPort + "/api/v1";
        karaf.startAndAwait("/api/v1/health");
        karaf.awaitLog("Plugin samverkan-demo-data ");
        // Boot features may still be installing when /health answers: wait until the feed service answers.
        HttpResponse<String> feeds = client.send(request("/admin/feeds").build(), HttpResponse.BodyHandlers.ofString());
        for (int i = 0; i < 1200 && feeds.statusCode() != 200; i++) {
            Thread.sleep(100);
            feeds = client.send(request("/admin/feeds").build(), HttpResponse.BodyHandlers.ofString());
        }
        String before = feeds.body();
        if (feeds.statusCode() != 200) {
            throw new IllegalStateException("GET /admin/feeds: " + feeds.statusCode() + " " + before);
        }
        if (before.contains("\"" + FEED_ID + "\"")) {
            throw new IllegalStateException("the fresh distribution already has a feed " + FEED_ID);
        }

        long start = System.nanoTime();
        writeFeed(karaf, FEED_ID, folder, ORGANISATION, horizonDays);
        long[] listed = new long[1];
        String status = awaitImport(FEED_ID, start, listed);
        long done = System.nanoTime();
        double importMs = (done - start) / 1e6;
        double listedMs = (listed[0] - start) / 1e6;
        int created = number(status, "created");
        System.out.printf("First import into the fresh distribution: %.0f ms from writing the .cfg (listed after %.0f ms)"
                        + ", created %,d, rejected %,d, events %,d%n", importMs, listedMs, created,
                number(status, "rejected"), number(status, "events"));
        if (created != events) {
            System.out.printf("NOTE: created %,d is not the %,d events generated%n", created, events);
        }

        // The unchanged feed again: conditional (the folder's listing is its validator); then with a new file time,
        // so it is read and its bytes compared with the last read's; then with other bytes (one more calendar
        // property) but the same events, so it is parsed in full and every event compared by fingerprint.
        List<Long> conditional = new ArrayList<>();
        String conditionalStatus = null;
        for (int i = 0; i < REST_RUNS; i++) {
            long t = System.nanoTime();
            conditionalStatus = post("/admin/feeds/" + FEED_ID + "/sync");
            conditional.add(System.nanoTime() - t);
        }
        List<Long> full = new ArrayList<>();
        String fullStatus = null;
        for (int i = 0; i < REST_RUNS; i++) {
            Files.setLastModifiedTime(file, FileTime.fromMillis(Files.getLastModifiedTime(file).toMillis() + 10_000));
            long t = System.nanoTime();
            fullStatus = post("/admin/feeds/" + FEED_ID + "/sync");
            full.add(System.nanoTime() - t);
        }
        List<Long> reparsed = new ArrayList<>();
        String parsedStatus = null;
        for (int i = 0; i < REST_RUNS; i++) {
            Files.writeString(file, feedText.replace("METHOD:PUBLISH\r\n", "METHOD:PUBLISH\r\nX-BENCH-RUN:" + i + "\r\n"),
                    StandardCharsets.UTF_8);
            long t = System.nanoTime();
            parsedStatus = post("/admin/feeds/" + FEED_ID + "/sync");
            reparsed.add(System.nanoTime() - t);
        }
        System.out.printf("Re-sync, unchanged (median of %d): conditional %.1f ms %s (unchanged %,d); "
                        + "file touched, same bytes %.0f ms %s (unchanged %,d); other bytes, same events, parsed in "
                        + "full %.0f ms %s (created %d, updated %d, unchanged %,d)%n", REST_RUNS,
                median(conditional) / 1e6, msList(conditional), number(conditionalStatus, "unchanged"),
                median(full) / 1e6, msList(full), number(fullStatus, "unchanged"), median(reparsed) / 1e6,
                msList(reparsed), number(parsedStatus, "created"), number(parsedStatus, "updated"),
                number(parsedStatus, "unchanged"));

        // Export: every occurrence of the organisation (its demo activities and the feed's).
        String path = "/calendar.ics?organisation=" + ORGANISATION;
        HttpResponse<String> first = get(path, 200);
        List<Long> export = new ArrayList<>();
        HttpResponse<String> last = first;
        for (int i = 0; i < REST_RUNS; i++) {
            long t = System.nanoTime();
            last = get(path, 200);
            export.add(System.nanoTime() - t);
        }
        int exported = count(last.body(), "BEGIN:VEVENT");
        String etag = last.headers().firstValue("ETag").orElseThrow();
        long t = System.nanoTime();
        HttpResponse<String> notModified = client.send(request(path).header("If-None-Match", etag).build(),
                HttpResponse.BodyHandlers.ofString());
        long notModifiedNs = System.nanoTime() - t;
        System.out.printf("Export %s (median of %d after a warm-up): %.0f ms %s, %,d VEVENTs (occurrences), %,d bytes"
                        + "; with If-None-Match: %d in %.0f ms%n", path, REST_RUNS, median(export) / 1e6,
                msList(export), exported, last.body().getBytes(StandardCharsets.UTF_8).length,
                notModified.statusCode(), notModifiedNs / 1e6);

        // The target's size: a second feed, for an organisation without other activities, sized to give at least
        // 10 000 occurrences (90-day horizon; sized from a sample, so aimed 10 % over), imported the same way and
        // exported alone.
        int smallHorizon = 90;
        FeedMapping small = new FeedMapping(SMALL_FEED_ID, SMALL_ORGANISATION, MUNICIPALITY, null, Set.of("sv"), "sv",
                Map.of(), ActivityCategory.OTHER, FocusArea.SOCIAL, smallHorizon);
        long perThousand = ICalendarImport.parse(new java.io.ByteArrayInputStream(
                        FeedGenerator.feed(1000, today).getBytes(StandardCharsets.UTF_8)), small, today)
                .events().stream().mapToLong(e -> e.activity().occurrences().size()).sum();
        int smallEvents = (int) (11_000L * 1000 / perThousand);
        Path smallFolder = Files.createTempDirectory(work, "calendar-feed-");
        Files.writeString(smallFolder.resolve("feed.ics"), FeedGenerator.feed(smallEvents, today), StandardCharsets.UTF_8);
        writeFeed(karaf, SMALL_FEED_ID, smallFolder, SMALL_ORGANISATION, smallHorizon);
        awaitImport(SMALL_FEED_ID, System.nanoTime(), new long[1]);
        String smallPath = "/calendar.ics?organisation=" + SMALL_ORGANISATION;
        get(smallPath, 200);
        List<Long> smallExport = new ArrayList<>();
        HttpResponse<String> smallLast = null;
        for (int i = 0; i < REST_RUNS; i++) {
            long t0 = System.nanoTime();
            smallLast = get(smallPath, 200);
            smallExport.add(System.nanoTime() - t0);
        }
        int smallExported = count(smallLast.body(), "BEGIN:VEVENT");
        long t1 = System.nanoTime();
        HttpResponse<String> smallNotModified = client.send(request(smallPath)
                .header("If-None-Match", smallLast.headers().firstValue("ETag").orElseThrow()).build(),
                HttpResponse.BodyHandlers.ofString());
        long smallNotModifiedNs = System.nanoTime() - t1;
        System.out.printf("Export %s (%,d events, median of %d after a warm-up): %.0f ms %s, %,d VEVENTs, %,d bytes"
                        + "; with If-None-Match: %d in %.0f ms%n", smallPath, smallEvents, REST_RUNS,
                median(smallExport) / 1e6, msList(smallExport), smallExported,
                smallLast.body().getBytes(StandardCharsets.UTF_8).length, smallNotModified.statusCode(),
                smallNotModifiedNs / 1e6);
        karaf.stop();

        double exportMs = median(export) / 1e6;
        System.out.printf("%n| what | time | rate | target |%n|---|---|---|---|%n");
        System.out.printf("| bare parse, ical4j CalendarBuilder (harness JVM) | %.0f ms | %,.0f events/s | the limit |%n",
                bare, events / (bare / 1000));
        System.out.printf("| our parse, ICalendarImport.parse (harness JVM) | %.0f ms | %,.0f events/s | |%n",
                ours, events / (ours / 1000));
        System.out.printf("| first import, .cfg written to lastSuccess | %.0f ms | %,.0f events/s | within 4x bare: %.1fx |%n",
                importMs, events / (importMs / 1000), importMs / bare);
        System.out.printf("| re-sync unchanged, conditional | %.1f ms | %,.0f events/s | under 1 s |%n",
                median(conditional) / 1e6, events / (median(conditional) / 1e9));
        System.out.printf("| re-sync unchanged, file touched (read, same bytes) | %.0f ms | %,.0f events/s | under 1 s |%n",
                median(full) / 1e6, events / (median(full) / 1e9));
        System.out.printf("| re-sync, other bytes, same events (parsed in full) | %.0f ms | %,.0f events/s | |%n",
                median(reparsed) / 1e6, events / (median(reparsed) / 1e9));
        System.out.printf("| export, %,d occurrences | %.0f ms | %,.0f occurrences/s | 10 000 under 1 s |%n",
                smallExported, median(smallExport) / 1e6, smallExported / (median(smallExport) / 1e9));
        System.out.printf("| export, %,d occurrences (the whole 10 000-event feed) | %.0f ms | %,.0f occurrences/s | |%n",
                exported, exportMs, exported / (exportMs / 1000));
    }

    /** Drops a feed configuration into etc/, written beside it and moved in so it is never read half-written. */
    static void writeFeed(Karaf karaf, String id, Path folder, String organisation, int horizonDays)
            throws Exception {
        Path staged = karaf.home.resolve("feed-" + id + ".cfg.tmp");
        Files.write(staged, List.of(
                "id = " + id,
                "folder = " + folder.toAbsolutePath().toString().replace("\\", "/"),
                "organisation = " + organisation,
                "municipality = " + MUNICIPALITY,
                "languages = sv",
                "textLanguage = sv",
                "category.Spr\\u00e5kcaf\\u00e9 = SWEDISH_LANGUAGE_PRACTICE",
                "defaultCategory = OTHER",
                "focusArea = SOCIAL",
                "horizonDays = " + horizonDays,
                "pollSeconds = 86400",
                "startDelaySeconds = 0",
                "maxBytes = 1000000000",
                "retries = 0"), StandardCharsets.ISO_8859_1);
        // The feed's name before release 0.2, which later releases still read: the harness runs against both.
        Files.move(staged, karaf.home.resolve("etc/se.samverkan.calendar.feed-" + id + ".cfg"),
                StandardCopyOption.ATOMIC_MOVE);
    }

    /**
     * Polls the admin list every 100 ms until the feed has a last success (or an error).
     *
     * @param listed set to the time the feed first appears in the list
     * @return the feed's JSON status
     */
    private String awaitImport(String id, long start, long[] listed) throws Exception {
        while (System.nanoTime() - start < TimeUnit.MINUTES.toNanos(30)) {
            String feed = feedStatus(get("/admin/feeds", 200).body(), id);
            if (feed != null && listed[0] == 0) {
                listed[0] = System.nanoTime();
            }
            if (feed != null && !feed.contains("\"lastError\":null")) {
                throw new IllegalStateException("the feed failed: " + feed);
            }
            if (feed != null && !feed.contains("\"lastSuccess\":null")) {
                return feed;
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("the feed " + id + " was not imported within 30 minutes");
    }

    /** The JSON object of our feed in the admin list, or null if it is not listed yet. */
    private static String feedStatus(String list, String id) {
        int at = list.indexOf("\"id\":\"" + id + "\"");
        if (at < 0) {
            return null;
        }
        Matcher end = Pattern.compile("\"events\":\\d+").matcher(list);
        return end.find(at) ? list.substring(at, end.end()) : list.substring(at);
    }

    private static int number(String json, String key) {
        Matcher m = Pattern.compile("\"" + key + "\":(\\d+)").matcher(json);
        return m.find() ? Integer.parseInt(m.group(1)) : -1;
    }

    private static int count(String text, String what) {
        int n = 0;
        for (int at = text.indexOf(what); at >= 0; at = text.indexOf(what, at + what.length())) {
            n++;
        }
        return n;
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofMinutes(10))
                .header("Authorization", authorization)
                .header("Accept", path.startsWith("/calendar.ics") ? "text/calendar" : "application/json");
    }

    private HttpResponse<String> get(String path, int expected) throws Exception {
        HttpResponse<String> response = client.send(request(path).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != expected) {
            throw new IllegalStateException("GET " + path + ": " + response.statusCode() + " " + response.body());
        }
        return response;
    }

    private String post(String path) throws Exception {
        HttpResponse<String> response = client.send(request(path).POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("POST " + path + ": " + response.statusCode() + " " + response.body());
        }
        return response.body();
    }

    private interface Task {
        void run() throws Exception;
    }

    /** Median in ms of {@value #RUNS} runs after {@value #WARMUPS} warm-ups. */
    private static double medianMs(Task task) throws Exception {
        for (int i = 0; i < WARMUPS; i++) {
            task.run();
        }
        List<Long> times = new ArrayList<>();
        for (int i = 0; i < RUNS; i++) {
            long t = System.nanoTime();
            task.run();
            times.add(System.nanoTime() - t);
        }
        return median(times) / 1e6;
    }

    private static long median(List<Long> values) {
        List<Long> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(sorted.size() / 2);
    }

    private static String msList(List<Long> nanos) {
        StringBuilder out = new StringBuilder("(");
        for (long n : nanos) {
            out.append(out.length() > 1 ? ", " : "").append(Math.round(n / 1e6));
        }
        return out.append(')').toString();
    }
}
