package se.samverkan.bench;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.derby.jdbc.EmbeddedDataSource;

import se.samverkan.api.registry.MunicipalityCatalogue;
import se.samverkan.api.registry.RegistryRun;
import se.samverkan.api.util.Csv;
import se.samverkan.persistence.internal.Schema;
import se.samverkan.registries.internal.OrganisationRegisterImpl;
import se.samverkan.registries.internal.OrganisationRegisterImport;
import se.samverkan.registries.internal.RegistryStoreImpl;
import se.samverkan.routes.internal.QuarantineImpl;

/**
 * The organisation register figures of BENCHMARKS.md: a generated register export (one row in 1000 with a wrong
 * check digit) is parsed bare by the CSV reader (the limit), then imported by the real import (parse, validation,
 * quarantine of the bad rows, batched upsert) into an empty Derby database on disk, then imported again unchanged.
 *
 * <p>System properties: bench.registerRows (100000).
 */
final class RegistryBench {

    private static final String[] AREAS = {"integration", "språkstöd", "läxhjälp", "idrott", "kultur", "hälsa"};
    private static final String[] MUNICIPALITIES = {"1487", "1488", "1471", "1860", "1861", "1882", "1480", "0180"};

    private RegistryBench() {
    }

    static void run(Path work) throws Exception {
        int rows = Integer.getInteger("bench.registerRows", 100_000);
        Files.createDirectories(work);
        Path folder = Files.createTempDirectory(work, "register-");
        Path file = folder.resolve("export.csv");
        Files.writeString(file, export(rows), StandardCharsets.UTF_8);
        System.out.printf("%nOrganisation register: %,d rows, %.1f MB of CSV%n%n", rows, Files.size(file) / 1e6);
        System.out.println("| step | ms | rows/s |");
        System.out.println("|---|---|---|");

        long parsed = 0;
        for (int i = 0; i < 3; i++) {   // the first parses warm the JIT up
            long start = System.nanoTime();
            List<Csv.Row> read = Csv.parse(Files.readString(file, StandardCharsets.UTF_8));
            parsed = System.nanoTime() - start;
            if (read.size() != rows + 1) {
                throw new IllegalStateException("parsed " + read.size() + " rows");
            }
        }
        print("bare CSV parse (read + split, no validation)", parsed, rows);

        EmbeddedDataSource dataSource = new EmbeddedDataSource();
        dataSource.setDatabaseName(Files.createTempDirectory(work, "derby-").resolve("db").toString());
        dataSource.setCreateDatabase("create");
        Schema schema = new Schema(dataSource);
        OrganisationRegisterImpl register = new OrganisationRegisterImpl(schema);
        OrganisationRegisterImport registry = new OrganisationRegisterImport(Map.of("id", "bench", "folder",
                folder.toString()), new RegistryStoreImpl(schema), register, new QuarantineImpl(schema),
                MunicipalityCatalogue.SHIPPED);
        RegistryRun first = timed("full import into an empty Derby (validate, quarantine, batched insert)", registry, rows);
        registry.forget();
        RegistryRun again = timed("the same file again (all unchanged: fingerprints compared, nothing written)", registry, rows);
        System.out.printf("%nFirst import: %s; again: %s; stored: %,d%n", first.counts(), again.counts(), register.count());
    }

    private static RegistryRun timed(String step, OrganisationRegisterImport registry, int rows) throws Exception {
        long start = System.nanoTime();
        RegistryRun run = registry.attempt();
        print(step, System.nanoTime() - start, rows);
        if (run.outcome() != RegistryRun.Outcome.OK) {
            throw new IllegalStateException(run.error());
        }
        return run;
    }

    private static void print(String step, long nanos, int rows) {
        System.out.printf("| %s | %,d | %,.0f |%n", step, nanos / 1_000_000, rows / (nanos / 1e9));
    }

    private static String export(int rows) {
        StringBuilder csv = new StringBuilder("name;organisation_number;municipality;areas_of_work;contact\n");
        List<String> line = new ArrayList<>(5);
        for (int i = 0; i < rows; i++) {
            String nine = String.format("8020%05d", i);
            int check = luhn(nine);
            if (i % 1000 == 999) {
                check = (check + 1) % 10;
            }
            line.clear();
            line.add("Förening nummer " + i + (i % 7 == 0 ? ", \"Ideell\"" : ""));
            line.add(nine.substring(0, 6) + "-" + nine.substring(6) + check);
            line.add(MUNICIPALITIES[i % MUNICIPALITIES.length]);
            line.add(AREAS[i % AREAS.length] + "|" + AREAS[(i / 7) % AREAS.length]);
            line.add(i % 3 == 0 ? "" : "kontakt" + i + "@example.org");
            csv.append(Csv.format(line, ';')).append('\n');
        }
        return csv.toString();
    }

    private static int luhn(String digits) {
        int sum = 0;
        for (int i = 0; i < digits.length(); i++) {
            int d = (digits.charAt(i) - '0') * (i % 2 == 0 ? 2 : 1);
            sum += d > 9 ? d - 9 : d;
        }
        return (10 - sum % 10) % 10;
    }
}
