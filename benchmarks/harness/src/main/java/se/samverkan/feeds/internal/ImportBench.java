package se.samverkan.feeds.internal;

import java.io.ByteArrayInputStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import com.sun.management.OperatingSystemMXBean;

import net.fortuna.ical4j.data.CalendarBuilder;

import se.samverkan.api.feed.FeedStatus.RunCounts;
import se.samverkan.api.model.Activity;
import se.samverkan.api.model.ActivityCategory;
import se.samverkan.api.model.FocusArea;
import se.samverkan.api.model.Municipality;
import se.samverkan.api.model.Organisation;
import se.samverkan.api.model.OrganisationKind;
import se.samverkan.api.security.Caller;
import se.samverkan.calendar.FeedMapping;
import se.samverkan.calendar.ICalendarImport;
import se.samverkan.calendar.testing.FeedGenerator;
import se.samverkan.persistence.internal.ActivityServiceImpl;
import se.samverkan.persistence.internal.Contributions;
import se.samverkan.persistence.internal.DerbyDatabase;
import se.samverkan.persistence.internal.JpaInsertActivities;
import se.samverkan.persistence.internal.MunicipalityServiceImpl;
import se.samverkan.persistence.internal.OrganisationServiceImpl;
import se.samverkan.persistence.internal.RecordHooks;
import se.samverkan.persistence.internal.SearchIndex;
import se.samverkan.routes.internal.QuarantineImpl;

/**
 * The first import of a calendar feed measured the way its limit is: in one warmed-up JVM. In each run the
 * generated feed is parsed bare by ical4j (the limit), then imported by the code a feed's route runs on a read
 * ({@link ICalendarImport#read}, then {@link FeedImporter} mapping and storing it in parts, with the activity service,
 * the feed store and the quarantine) into a new, empty Derby database on disk, once per way of writing new
 * activities ({@link #VARIANTS}), in an order that rotates from run to run. The first runs warm the JIT up, the
 * figures are the medians of the others. "Cores busy" is the JVM's CPU time during the import over its wall time
 * (two cores: at most 2). The distribution's own first import ({@code CalendarBench}) also carries a cold JVM
 * compiling the same code.
 *
 * <p>System properties: bench.calendarEvents (10000), bench.horizonDays (365), bench.importRuns (9, of which
 * the first two warm up).
 */
public final class ImportBench {

    private static final String ORGANISATION = "radda-barnen";
    private static final String MUNICIPALITY = "1882";
    private static final Caller ADMIN = Caller.fromRoleNames("benchmark", List.of("admin"));
    /** CPU time of the whole JVM: how much of the two cores the import kept busy. */
    private static final OperatingSystemMXBean CPU =
            (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

    private ImportBench() {
    }

    public static void run(Path work) throws Exception {
        int events = Integer.getInteger("bench.calendarEvents", 10_000);
        int horizonDays = Integer.getInteger("bench.horizonDays", 365);
        int runs = Integer.getInteger("bench.importRuns", 9);
        int warmups = Math.min(2, runs - 1);
        LocalDate today = LocalDate.now(Activity.ZONE);
        byte[] feed = FeedGenerator.feed(events, today).getBytes(StandardCharsets.UTF_8);
        FeedMapping mapping = new FeedMapping("bench-calendar", ORGANISATION, MUNICIPALITY, null, Set.of("sv"), "sv",
                Map.of("Språkcafé", ActivityCategory.SWEDISH_LANGUAGE_PRACTICE), ActivityCategory.OTHER,
                FocusArea.SOCIAL, horizonDays);
        Files.createDirectories(work);
        System.out.printf("%nCalendar import in one JVM: %,d events, %,d bytes, %d runs (%d warm-ups), each into a "
                + "new Derby database on disk%n%n", events, feed.length, runs, warmups);
        System.out.println("| run | write path | bare parse ms | import (read, map, store) ms | ratio | CPU ms "
                + "| cores busy | created | activities stored |");
        System.out.println("|---|---|---|---|---|---|---|---|---|");
        Map<String, List<Long>> imported = new LinkedHashMap<>();
        // CPU time is less moved than wall time by other work on the machine.
        Map<String, List<Long>> cpuTimes = new LinkedHashMap<>();
        Map<String, List<Long>> ratios = new LinkedHashMap<>();
        List<Long> bare = new ArrayList<>();
        for (int run = 0; run < runs; run++) {
            // Each run takes the write paths in another order, so the machine's drift does not favour one.
            for (int v = 0; v < VARIANTS.size(); v++) {
                Variant variant = VARIANTS.get((run + v) % VARIANTS.size());
                long t0 = System.nanoTime();
                new CalendarBuilder().build(new ByteArrayInputStream(feed));
                long bareNs = System.nanoTime() - t0;
                try (Store store = new Store(Files.createTempDirectory(work, "import-").resolve("db"), variant)) {
                    FeedImporter importer = new FeedImporter("bench-calendar", store.activities, store.feeds,
                            store.quarantine);
                    long t2 = System.nanoTime();
                    long cpu = CPU.getProcessCpuTime();
                    RunCounts counts = importer.apply(List.of(ICalendarImport.read(new ByteArrayInputStream(feed), null,
                            mapping, today))).counts();
                    long importNs = System.nanoTime() - t2;
                    long cpuNs = CPU.getProcessCpuTime() - cpu;
                    double busy = cpuNs / (double) importNs;
                    if (counts.created() != events) {
                        throw new IllegalStateException("created " + counts + ", expected " + events);
                    }
                    System.out.printf("| %s | %s | %,d | %,d | %.1f | %,d | %.2f | %,d | %,d |%n",
                            run < warmups ? "warm-up" : run + 1 - warmups, variant.name(), bareNs / 1_000_000,
                            importNs / 1_000_000, (double) importNs / bareNs, cpuNs / 1_000_000, busy, counts.created(),
                            store.activities.count());
                    if (run >= warmups) {
                        bare.add(bareNs);
                        imported.computeIfAbsent(variant.name(), k -> new ArrayList<>()).add(importNs);
                        cpuTimes.computeIfAbsent(variant.name(), k -> new ArrayList<>()).add(cpuNs);
                        ratios.computeIfAbsent(variant.name(), k -> new ArrayList<>())
                                .add(Math.round(1000.0 * importNs / bareNs));
                    }
                }
            }
        }
        long b = median(bare);
        System.out.printf("%nBare parse, median of %d: %,d ms%n", bare.size(), b / 1_000_000);
        String firstName = VARIANTS.get(0).name();
        imported.forEach((name, times) -> {
            long i = median(times);
            // Each run's own ratios compare with a bare parse and the first way's import of the same moment: the
            // machine's speed drifts.
            System.out.printf("%s: import median of %d %,d ms (%s), %,.0f events/s: %.1fx the bare parse; median of the "
                    + "runs' own ratios %.1fx (target: 4x); to %s in the same run: wall time %.2f, CPU time %.2f "
                    + "(median CPU %,d ms)%n", name, times.size(), i / 1_000_000,
                    times.stream().map(t -> String.valueOf(t / 1_000_000)).collect(Collectors.joining(", ")),
                    events / (i / 1e9), (double) i / b, median(ratios.get(name)) / 1000.0, firstName,
                    pairedRatio(times, imported.get(firstName)), pairedRatio(cpuTimes.get(name), cpuTimes.get(firstName)),
                    median(cpuTimes.get(name)) / 1_000_000);
        });
    }

    /** A way of writing new activities, measured side by side. */
    private record Variant(String name, Map<String, Object> unit,
                           Constructor service) {
    }

    private interface Constructor {
        ActivityServiceImpl apply(DerbyDatabase db, Contributions contributions, SearchIndex index, RecordHooks hooks);
    }

    private static final List<Variant> VARIANTS = List.of(
            new Variant("hand JDBC batches", Map.of(), ActivityServiceImpl::new),
            new Variant("EclipseLink batch writing", Map.of("eclipselink.jdbc.batch-writing", "JDBC",
                    "eclipselink.jdbc.batch-writing.size", "1000"), JpaInsertActivities::new),
            // Fewer checks at each flush: no persist cascade again at commit, statements kept per connection.
            new Variant("EclipseLink batch writing, tuned", Map.of("eclipselink.jdbc.batch-writing", "JDBC",
                    "eclipselink.jdbc.batch-writing.size", "1000", "eclipselink.jdbc.cache-statements", "true",
                    "eclipselink.persistence-context.persist-on-commit", "false",
                    "eclipselink.persistence-context.commit-without-persist-rules", "true"), JpaInsertActivities::new),
            new Variant("EclipseLink, no batch writing", Map.of(), JpaInsertActivities::new));

    /** The median of each run's {@code times} over its {@code base}. */
    private static double pairedRatio(List<Long> times, List<Long> base) {
        List<Long> ratios = new ArrayList<>();
        for (int run = 0; run < times.size(); run++) {
            ratios.add(Math.round(1000.0 * times.get(run) / base.get(run)));
        }
        return median(ratios) / 1000.0;
    }

    private static long median(List<Long> values) {
        List<Long> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(sorted.size() / 2);
    }

    /** The real stores on one Derby database, wired as the container wires them. */
    private static final class Store implements AutoCloseable {

        private final DerbyDatabase db;
        final ActivityServiceImpl activities;
        final FeedStoreImpl feeds;
        final QuarantineImpl quarantine;

        Store(Path database, Variant variant) throws Exception {
            db = new DerbyDatabase(database.toString(), variant.unit());
            SearchIndex index = new SearchIndex(db.schema);
            Contributions contributions = new Contributions(db.schema, index);
            new MunicipalityServiceImpl(db, contributions, index).create(ADMIN,
                    new Municipality(MUNICIPALITY, "Askersund", "Örebro län", null, true));
            new OrganisationServiceImpl(db, contributions).create(ADMIN, new Organisation(ORGANISATION,
                    "Rädda Barnen", OrganisationKind.ASSOCIATION, null, Set.of(MUNICIPALITY)));
            activities = variant.service().apply(db, contributions, index, new RecordHooks());
            feeds = new FeedStoreImpl(db.schema);
            quarantine = new QuarantineImpl(db.schema);
        }

        @Override
        public void close() {
            db.close();
        }
    }
}
