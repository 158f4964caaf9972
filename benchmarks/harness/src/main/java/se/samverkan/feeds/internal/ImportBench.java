package se.samverkan.feeds.internal;

import java.io.ByteArrayInputStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;

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
import se.samverkan.persistence.internal.MunicipalityServiceImpl;
import se.samverkan.persistence.internal.OrganisationServiceImpl;
import se.samverkan.persistence.internal.RecordHooks;
import se.samverkan.persistence.internal.SearchIndex;
import se.samverkan.routes.internal.QuarantineImpl;

/**
 * The first import of a calendar feed measured the way its limit is: in one warmed-up JVM. The generated feed is
 * parsed bare by ical4j (the limit), then parsed alone by our parse (for comparison, not stored), then imported
 * by the code a feed's route runs on a read ({@link ICalendarImport#read}, then {@link FeedImporter} mapping and
 * storing it in parts, with the activity service on EclipseLink, the feed store and the quarantine) into a new,
 * empty Derby database on disk, several times: the first runs warm the JIT up, the figure is the median of the
 * others. "CPU" is the JVM's CPU time during the import, "cores busy" that over its wall time (two cores: at most
 * 2). The distribution's own first import ({@code CalendarBench}) also carries a cold JVM compiling the same code.
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
        System.out.println("| run | bare parse ms | our parse alone ms | import (read, map, store) ms | ratio | CPU ms "
                + "| cores busy | created | activities stored |");
        System.out.println("|---|---|---|---|---|---|---|---|---|");
        List<Long> bare = new ArrayList<>();
        List<Long> imported = new ArrayList<>();
        // CPU time moves less than wall time with other work on the machine.
        List<Long> cpuTimes = new ArrayList<>();
        for (int run = 0; run < runs; run++) {
            long t0 = System.nanoTime();
            new CalendarBuilder().build(new ByteArrayInputStream(feed));
            long bareNs = System.nanoTime() - t0;
            try (Store store = new Store(Files.createTempDirectory(work, "import-").resolve("db"))) {
                FeedImporter importer = new FeedImporter("bench-calendar", store.activities, store.feeds,
                        store.quarantine);
                long t1 = System.nanoTime();
                ICalendarImport.parse(new ByteArrayInputStream(feed), mapping, today);
                long parseNs = System.nanoTime() - t1;
                // What a feed's route runs on a read: read into series, then map and store in parts.
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
                System.out.printf("| %s | %,d | %,d | %,d | %.1f | %,d | %.2f | %,d | %,d |%n",
                        run < warmups ? "warm-up" : run + 1 - warmups, bareNs / 1_000_000, parseNs / 1_000_000,
                        importNs / 1_000_000, (double) importNs / bareNs, cpuNs / 1_000_000, busy, counts.created(),
                        store.activities.count());
                if (run >= warmups) {
                    bare.add(bareNs);
                    imported.add(importNs);
                    cpuTimes.add(cpuNs);
                }
            }
        }
        long b = median(bare);
        long i = median(imported);
        // Each run's own ratio compares an import with a bare parse of the same moment: the machine's speed drifts.
        List<Long> ratios = new ArrayList<>();
        for (int run = 0; run < bare.size(); run++) {
            ratios.add(Math.round(1000.0 * imported.get(run) / bare.get(run)));
        }
        System.out.printf("%nMedian of %d: bare parse %,d ms, import %,d ms (%,.0f events/s, CPU %,d ms): %.1fx the "
                + "bare parse; median of the runs' own ratios %.1fx (target: 4x)%n", bare.size(), b / 1_000_000,
                i / 1_000_000, events / (i / 1e9), median(cpuTimes) / 1_000_000, (double) i / b, median(ratios) / 1000.0);
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

        Store(Path database) throws Exception {
            db = new DerbyDatabase(database.toString());
            SearchIndex index = new SearchIndex(db.schema);
            Contributions contributions = new Contributions(db.schema, index);
            new MunicipalityServiceImpl(db, contributions, index).create(ADMIN,
                    new Municipality(MUNICIPALITY, "Askersund", "Örebro län", null, true));
            new OrganisationServiceImpl(db, contributions).create(ADMIN, new Organisation(ORGANISATION,
                    "Rädda Barnen", OrganisationKind.ASSOCIATION, null, Set.of(MUNICIPALITY)));
            activities = new ActivityServiceImpl(db, contributions, index, new RecordHooks());
            feeds = new FeedStoreImpl(db.schema);
            quarantine = new QuarantineImpl(db.schema);
        }

        @Override
        public void close() {
            db.close();
        }
    }
}
