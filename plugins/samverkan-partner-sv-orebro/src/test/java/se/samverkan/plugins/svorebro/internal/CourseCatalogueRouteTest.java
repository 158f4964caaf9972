package se.samverkan.plugins.svorebro.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;

import org.apache.camel.ServiceStatus;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import se.samverkan.api.model.Activity;
import se.samverkan.api.model.Municipality;
import se.samverkan.api.service.ConflictException;
import se.samverkan.api.testing.InMemoryServices;
import se.samverkan.routes.JobRun;
import se.samverkan.routes.JobStatus;
import se.samverkan.routes.testing.CamelFixture;

/** The route in a real CamelContext, reading real files from a temporary inbox into the in-memory services. */
class CourseCatalogueRouteTest {

    @TempDir
    Path inbox;

    private final InMemoryServices services = new InMemoryServices();
    private CamelFixture camel;

    @AfterEach
    void stop() {
        if (camel != null) {
            camel.close();
        }
    }

    @Test
    void importsAGoodFileAndMovesItToDone() throws Exception {
        start();
        drop("kursutbud.csv", CourseCatalogueTest.HEADER + "\n"
                + "K-1;Svenska i vardagen;;Språk;sv ar;1882;;2026-09-01;tisdag;18:00;120;8;12;0\n"
                + "K-2;Datorkurs för nybörjare;Computers for beginners;Data;sv;1861;;2026-09-03;torsdag;10:00;90;6;8;0\n");
        await(() -> services.activities.count() == 2 && files("done").size() == 1);
        assertEquals(8, services.activities.get("sv-orebro-k-1").occurrences().size());
        assertEquals("Computers for beginners", services.activities.get("sv-orebro-k-2").title().get("en"));
        assertTrue(files("done").get(0).getFileName().toString().endsWith("-kursutbud.csv"));
        assertEquals(List.of(), files("error"));
        assertTrue(files("").isEmpty(), "the inbox is empty again");
    }

    @Test
    void storesTheGoodRowsOfAFileWithBadOnesAndMovesItToErrorWithAReport() throws Exception {
        start();
        drop("kursutbud.csv", CourseCatalogueTest.HEADER + "\n"
                + "K-1;Svenska i vardagen;;Språk;sv ar;1882;;2026-09-01;tisdag;18:00;120;8;12;0\n"
                + "K-2;Simning;;Simning;sv;1882;;första veckan;tisdag;18:00;60;8;;\n"
                + "K-3;Kurs i en kommun som inte finns;;Kultur;sv;9999;;2026-09-01;tisdag;18:00;60;2;;\n");
        await(() -> files("error").size() == 2);
        assertEquals(List.of("sv-orebro-k-1"), services.activities.list().stream().map(Activity::id).toList());
        Path report = files("error").stream().filter(p -> p.toString().endsWith(".report.txt")).findFirst().orElseThrow();
        String text = Files.readString(report);
        assertTrue(text.startsWith("Course catalogue kursutbud.csv: 1 created, 0 updated, 0 unchanged, 2 bad rows"), text);
        assertTrue(text.contains("line 3 (course K-2): start_date 'första veckan' is not a date"), text);
        assertTrue(text.contains("line 4 (sv-orebro-k-3): refused: municipalityCode"), text);
        assertEquals(report.getFileName().toString(),
                files("error").stream().filter(p -> p.toString().endsWith(".csv")).findFirst().orElseThrow()
                        .getFileName() + ".report.txt");
        assertEquals(List.of(), files("done"));
    }

    @Test
    void theSameFileAgainChangesNothing() throws Exception {
        start();
        String csv = CourseCatalogueTest.HEADER + "\n"
                + "K-1;Svenska i vardagen;;Språk;sv ar;1882;;2026-09-01;tisdag;18:00;120;8;12;0\n";
        drop("v1.csv", csv);
        await(() -> files("done").size() == 1);
        Activity first = services.activities.get("sv-orebro-k-1");
        drop("v2.csv", csv.replace("Svenska i vardagen", "Svenska i vardagen (höst)"));
        await(() -> files("done").size() == 2);
        assertEquals("Svenska i vardagen (höst)", services.activities.get("sv-orebro-k-1").title().get("sv"));
        assertEquals(first.occurrences(), services.activities.get("sv-orebro-k-1").occurrences());
        assertEquals(1, services.activities.count());
    }

    @Test
    void theCatalogueIsAnImportJobWhoseRunLooksIntoTheInboxAtOnce() throws Exception {
        CourseCatalogueRoute route = start(3_600_000L);
        JobStatus idle = route.status();
        assertEquals(List.of("catalogue:sv-orebro", "catalogue", inbox.toString(), "every 1 h"),
                List.of(idle.id(), idle.kind(), idle.source(), idle.schedule()));
        assertNull(idle.lastRun(), "the inbox is looked into only in an hour");
        drop("kursutbud.csv", CourseCatalogueTest.HEADER + "\n"
                + "K-1;Svenska i vardagen;;Språk;sv ar;1882;;2026-09-01;tisdag;18:00;120;8;12;0\n"
                + "K-2;Simning;;Simning;sv;1882;;första veckan;tisdag;18:00;60;8;;\n"
                + "K-3;Kurs i en kommun som inte finns;;Kultur;sv;9999;;2026-09-01;tisdag;18:00;60;2;;\n");

        JobRun run = route.run().lastRun();
        assertEquals(JobRun.Outcome.OK, run.outcome());
        assertEquals(new JobRun.Counts(1, 0, 0, 0, 2), run.counts(), "the bad rows are rejected");
        assertEquals(List.of("sv-orebro-k-1"), services.activities.list().stream().map(Activity::id).toList());
        assertEquals(2, files("error").size(), "the file and its report, as on schedule");
        assertEquals(run.finished(), route.status().lastSuccess());

        camel.context().getRouteController().stopRoute(CourseCatalogueRoute.ROUTE_ID);
        assertThrows(ConflictException.class, route::run, "a stopped route does not look");
    }

    private void start() throws Exception {
        start(100L);
    }

    private CourseCatalogueRoute start(long pollMillis) throws Exception {
        services.municipalities.seed(new Municipality("1882", "Askersund", "Örebro län", null, true),
                new Municipality("1861", "Hallsberg", "Örebro län", null, true));
        CourseCatalogueRoute route = new CourseCatalogueRoute(config(Map.of("inbox", inbox.toString(),
                "pollMillis", pollMillis)));
        camel = CamelFixture.start(services.activities).add(route);
        assertEquals(ServiceStatus.Started,
                camel.context().getRouteController().getRouteStatus(CourseCatalogueRoute.ROUTE_ID));
        return route;
    }

    /** Written elsewhere and moved in, as a file should arrive in an inbox. */
    private void drop(String name, String content) throws IOException {
        Path partial = Files.createTempFile(inbox.getParent(), name, ".part");
        Files.writeString(partial, content, StandardCharsets.UTF_8);
        Files.move(partial, inbox.resolve(name));
    }

    private List<Path> files(String folder) {
        Path dir = inbox.resolve(folder);
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(Files::isRegularFile).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void await(BooleanSupplier condition) throws InterruptedException {
        long end = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) {
                throw new AssertionError("not within 20 s");
            }
            Thread.sleep(50);
        }
    }

    /** The configuration with these values and the defaults for the rest, as ConfigAdmin would give it. */
    static CatalogueImportConfig config(Map<String, Object> values) {
        return (CatalogueImportConfig) Proxy.newProxyInstance(CatalogueImportConfig.class.getClassLoader(),
                new Class<?>[] {CatalogueImportConfig.class}, (proxy, method, args) -> {
                    if (method.getName().equals("annotationType")) {
                        return CatalogueImportConfig.class;
                    }
                    return values.getOrDefault(method.getName(), method.getDefaultValue());
                });
    }
}
