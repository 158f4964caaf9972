package se.samverkan.bench;

import java.io.InputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

import se.samverkan.feeds.internal.ImportBench;
import se.samverkan.mail.internal.DigestBench;

/**
 * Prints the figures of BENCHMARKS.md: start-to-ready time and idle memory of the distribution beside a
 * plain Karaf with the same framework features, then activity search under concurrent load over 100 000
 * activities beside the no-op /api/v1/health on the same server, then the import of a generated calendar feed
 * beside the bare parse of it ({@link CalendarBench}), the import of a generated 100 000-row organisation
 * register beside the bare CSV parse of it ({@link RegistryBench}), then building and sending 10 000 weekly
 * digests ({@link DigestBench}), then a login brute-force attempt ({@link LoginBench}, RELIABILITY.md).
 *
 * <p>Arguments: distribution archive, plain Karaf archive, work folder. System properties:
 * bench.only (footprint, search, calendar, registry, digest, login; comma-separated; all if unset), bench.starts (3),
 * bench.activities (100000), bench.clients (8), bench.seconds (15), and those of {@link CalendarBench}.
 */
public final class Benchmarks {

    private Benchmarks() {
    }

    public static void main(String[] args) throws Exception {
        Path samverkan = Path.of(args[0]);
        Path plain = Path.of(args[1]);
        Path work = Path.of(args[2]);
        int starts = Integer.getInteger("bench.starts", 3);
        int activities = Integer.getInteger("bench.activities", 100_000);
        int clients = Integer.getInteger("bench.clients", 8);
        Duration measure = Duration.ofSeconds(Integer.getInteger("bench.seconds", 15));
        String only = System.getProperty("bench.only", "").strip();
        Set<String> scenarios = only.isEmpty() ? Set.of("footprint", "search", "calendar", "registry", "digest", "login")
                : Set.of(only.split("\\s*,\\s*"));

        System.out.printf("Machine: %d cores, Java %s%n", Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.version"));
        derbyAsInTheDistribution(samverkan);
        if (scenarios.contains("footprint")) {
            footprint(samverkan, plain, starts, work);
        }
        if (scenarios.contains("search")) {
            search(samverkan, work, activities, clients, measure);
        }
        if (scenarios.contains("calendar") || scenarios.contains("import")) {
            ImportBench.run(work);
        }
        if (scenarios.contains("calendar")) {
            CalendarBench.run(samverkan, work);
        }
        if (scenarios.contains("registry")) {
            RegistryBench.run(work);
        }
        if (scenarios.contains("digest")) {
            DigestBench.run(work);
        }
        if (scenarios.contains("login")) {
            LoginBench.run(samverkan, work);
        }
    }

    /**
     * The scenarios that run Derby in this JVM (import, registry, digest) run it with the distribution's engine
     * settings: the derby.* lines of its etc/system.properties, unless given here with -D.
     */
    private static void derbyAsInTheDistribution(Path archive) throws Exception {
        Process tar = new ProcessBuilder("tar", "-xzOf", archive.toString(), "--wildcards", "*/etc/system.properties")
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        Properties system = new Properties();
        try (InputStream in = tar.getInputStream()) {
            system.load(in);
        }
        if (tar.waitFor() != 0) {
            throw new IllegalStateException("No etc/system.properties in " + archive);
        }
        system.stringPropertyNames().stream().filter(k -> k.startsWith("derby.")).sorted().forEach(k -> {
            if (System.getProperty(k) == null) {
                System.setProperty(k, system.getProperty(k));
            }
            System.out.printf("Derby in this JVM: %s=%s%n", k, System.getProperty(k));
        });
    }

    private static void footprint(Path samverkan, Path plain, int starts, Path work) throws Exception {
        System.out.println();
        System.out.println("| distribution | start to ready (median ms) | idle RSS (median MiB) | bundles |");
        System.out.println("|---|---|---|---|");
        footprint("plain Karaf + same framework features", plain, "/cxf/", null, starts, work);
        footprint("Samverkan (with demo data)", samverkan, "/api/v1/health", "Plugin samverkan-demo-data ", starts, work);
    }

    private static void search(Path samverkan, Path work, int activities, int clients, Duration measure)
            throws Exception {
        Karaf karaf = Karaf.unpack(samverkan, work);
        karaf.startAndAwait("/api/v1/health");
        karaf.awaitLog("Plugin samverkan-demo-data ");
        karaf.stop();
        long seedStart = System.nanoTime();
        LocalDate day = Seeder.seed(karaf.home, activities);
        System.out.printf("%nSeeded %,d activities (4 occurrences, 3 text languages each) in %.1f s%n", activities,
                (System.nanoTime() - seedStart) / 1e9);
        System.out.printf("Start to ready with them (includes building the search index): %d ms%n",
                karaf.startAndAwait("/api/v1/health"));

        Map<String, String> scenarios = new LinkedHashMap<>();
        scenarios.put("no-op /health", "/api/v1/health");
        scenarios.put("first page, no filter", "/api/v1/activities");
        scenarios.put("municipality", "/api/v1/activities?municipality=1471");
        scenarios.put("municipality + category", "/api/v1/activities?municipality=1487&category=SWIMMING");
        scenarios.put("language + 2 weeks", "/api/v1/activities?language=ar&from=" + day.plusDays(30) + "&to=" + day.plusDays(44));
        scenarios.put("free text", "/api/v1/activities?q=simkurs");
        scenarios.put("free text + municipality", "/api/v1/activities?q=spr&municipality=1488");
        scenarios.put("accessibility + language", "/api/v1/activities?accessibility=HEARING_LOOP&language=ti");
        scenarios.put("category + focus, page 50", "/api/v1/activities?category=HEALTH&focusArea=HEALTH&offset=1000&limit=20");

        Load load = new Load(karaf.httpPort, clients);
        // Compile the hot paths before measuring, so the first scenario is not also the JIT's warm-up.
        for (String path : scenarios.values()) {
            load.run("warm-up", path, Duration.ZERO, Duration.ofSeconds(3));
        }
        System.out.printf("%nActivity search, %d concurrent clients, %d s per scenario after a 5 s warm-up%n%n",
                clients, measure.toSeconds());
        System.out.println("| scenario | requests | errors | req/s | p50 ms | p99 ms | max ms | bytes/resp | vs no-op |");
        System.out.println("|---|---|---|---|---|---|---|---|---|");
        double noop = 0;
        for (Map.Entry<String, String> s : scenarios.entrySet()) {
            Load.Result r = load.run(s.getKey(), s.getValue(), Duration.ofSeconds(5), measure);
            if (noop == 0) {
                noop = r.perSecond();
            }
            System.out.printf("| %s | %,d | %d | %,.0f | %.1f | %.1f | %.1f | %,d | %.2f |%n", r.name(), r.requests(),
                    r.errors(), r.perSecond(), r.p50Ms(), r.p99Ms(), r.maxMs(), r.bytesPerResponse(), r.perSecond() / noop);
        }
        karaf.stop();
    }

    private static void footprint(String name, Path archive, String readyPath, String readyLog, int starts, Path work)
            throws Exception {
        List<Long> ready = new ArrayList<>();
        List<Long> rss = new ArrayList<>();
        long bundles = 0;
        for (int i = 0; i < starts; i++) {
            Karaf karaf = Karaf.unpack(archive, work);
            ready.add(karaf.startAndAwait(readyPath));
            if (readyLog != null) {
                karaf.awaitLog(readyLog);
            }
            Thread.sleep(20_000);
            rss.add(karaf.residentMib());
            bundles = karaf.installedBundles();
            karaf.stop();
        }
        System.out.printf("| %s | %d (runs: %s) | %d (runs: %s) | %d |%n", name, median(ready), ready, median(rss), rss, bundles);
    }

    private static long median(List<Long> values) {
        List<Long> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(sorted.size() / 2);
    }
}
