package se.samverkan.registries.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import se.samverkan.api.quarantine.Quarantined;
import se.samverkan.api.registry.ImportCounts;
import se.samverkan.api.registry.MunicipalityList;
import se.samverkan.api.registry.RegisterOrganisation;
import se.samverkan.api.registry.RegistryRun.Outcome;
import se.samverkan.api.registry.RegistryStatus;
import se.samverkan.api.testing.InMemoryQuarantine;
import se.samverkan.routes.JobRun;
import se.samverkan.routes.JobRun.Counts;
import se.samverkan.routes.JobStatus;

class OrganisationRegisterImportTest {

    private static final String CSV = "\uFEFFNamn;Organisationsnummer;Kommun;Verksamhetsområden;Kontakt\n"
            + "Support Group Network;802002-8711;1487;integration|språkstöd;info@sgn.example\n"
            + "\"Föreningen \"\"Vi i Vänersborg\"\"\";802003-4016;Vänersborgs kommun;;\n"
            + "Fel kontrollsiffra;802412-3451;1488;idrott;\n"
            + "Ny kommun;802500-1119;1409;;kontakt@ny.example\n"
            + "Trollhättans Schackklubb;8024770037;Trollhättans stad;schack; \n"
            + "Support Group Network i Trollhättan;802002-8711;1488;integration;info@sgn.example\n"
            + ";;;;\n";

    @TempDir
    Path folder;
    private final RegistrySource web = new RegistrySource();
    private final InMemoryRegistries stores = new InMemoryRegistries();
    private final MunicipalityCatalogueImpl catalogue = new MunicipalityCatalogueImpl(stores.runs);
    private final InMemoryQuarantine quarantine = new InMemoryQuarantine();

    OrganisationRegisterImportTest() throws IOException {
    }

    @AfterEach
    void close() {
        web.close();
    }

    @Test
    void goodRowsAreStoredByNumberAndBadOnesQuarantinedWithTheirReasonAndText() throws Exception {
        Files.writeString(folder.resolve("export.csv"), CSV, StandardCharsets.UTF_8);
        OrganisationRegisterImport register = register(Map.of("folder", folder.toString()));
        assertEquals(new ImportCounts(3, 0, 0, 2), register.attempt().counts());
        assertEquals(new RegisterOrganisation("802002-8711", "Support Group Network i Trollhättan", "1488",
                List.of("integration"), "info@sgn.example", "ideella"), stores.register.find("802002-8711").orElseThrow(),
                "the number's last row wins");
        assertEquals(new RegisterOrganisation("802003-4016", "Föreningen \"Vi i Vänersborg\"", "1487", List.of(), null,
                "ideella"), stores.register.find("802003-4016").orElseThrow(), "a municipality by its name");
        assertEquals("1488", stores.register.find("802477-0037").orElseThrow().municipalityCode());
        assertEquals(List.of("schack"), stores.register.find("802477-0037").orElseThrow().areasOfWork());

        List<Quarantined> bad = quarantine.list("register:ideella", true);
        assertEquals(List.of("802500-1119", "802412-3451"), bad.stream().map(Quarantined::key).toList());
        assertEquals("organisation_number: check digit does not match", bad.get(1).reason());
        assertEquals("Namn;Organisationsnummer;Kommun;Verksamhetsområden;Kontakt\n"
                + "Fel kontrollsiffra;802412-3451;1488;idrott;", bad.get(1).raw());
        assertEquals("municipality: '1409' is not a Swedish municipality (no such code in SCB's list)", bad.get(0).reason());

        assertNull(register.attempt(), "an unchanged folder is not read again");
        assertEquals(1, stores.runs.recorded.size());

        // The bad row's municipality comes with a refreshed list: the replay takes it; the bad digit stays bad.
        assertEquals("organisation_number: check digit does not match", register.replay(bad.get(1).raw()));
        catalogue.use(MunicipalityList.parse("code;name;county_code\n14;Västra Götalands län;\n1409;Nykommun;14\n",
                "test"));
        assertNull(register.replay(bad.get(0).raw()));
        assertEquals("Ny kommun", stores.register.find("802500-1119").orElseThrow().name());
    }

    @Test
    void aRegisterIsTheImportJobRegistryIdWhoseRunReadsEvenAnUnchangedFolder() throws Exception {
        Files.writeString(folder.resolve("export.csv"), CSV, StandardCharsets.UTF_8);
        OrganisationRegisterImport register = register(Map.of("folder", folder.toString()));
        assertEquals("registry:ideella", register.id());
        assertEquals("register:ideella", register.quarantineSource(), "its quarantined rows name the job by this");
        assertNull(register.status().lastRun());

        JobStatus first = register.run();
        assertEquals(List.of("registry", folder.toString(), "every 1 min"),
                List.of(first.kind(), first.source(), first.schedule()));
        assertEquals(JobRun.Outcome.OK, first.lastRun().outcome());
        assertEquals(new Counts(3, 0, 0, 0, 2), first.lastRun().counts());
        assertEquals(first.lastRun().finished(), first.lastSuccess());
        JobStatus again = register.run();
        assertEquals(new Counts(0, 0, 3, 0, 2), again.lastRun().counts(), "read again, though the folder is unchanged");
        assertEquals(2, stores.runs.recorded.size(), "each run is recorded, as registry-list shows it");

        Files.writeString(folder.resolve("export.csv"), "namn;nummer\nX;Y\n", StandardCharsets.UTF_8);
        JobStatus failed = register.run();
        assertEquals(JobRun.Outcome.FAILED, failed.lastRun().outcome());
        assertEquals("export.csv: the header row must name the columns name and organisation_number; it is: namn;nummer",
                failed.lastRun().error());
        assertEquals(Counts.NONE, failed.lastRun().counts());
        assertEquals(again.lastSuccess(), failed.lastSuccess(), "the last success stays");
        assertEquals(failed.lastRun().error(), register.registryStatus().lastRun().error(), "the same run");

        Quarantined badDigit = quarantine.list("register:ideella", true).stream()
                .filter(q -> q.key().equals("802412-3451")).findFirst().orElseThrow();
        assertEquals("organisation_number: check digit does not match", register.replay(badDigit));
    }

    @Test
    void aLaterGoodVersionDiscardsTheQuarantinedRow() throws Exception {
        Files.writeString(folder.resolve("a.csv"), "name,organisation_number,municipality\nNy förening,802500-1119,1409\n",
                StandardCharsets.UTF_8);
        OrganisationRegisterImport register = register(Map.of("folder", folder.toString()));
        assertEquals(new ImportCounts(0, 0, 0, 1), register.attempt().counts());
        Files.writeString(folder.resolve("a.csv"), "name,organisation_number,municipality\nNy förening,802500-1119,1487\n",
                StandardCharsets.UTF_8);
        assertEquals(new ImportCounts(1, 0, 0, 0), register.attempt().counts());
        Quarantined settled = quarantine.list("register:ideella", false).get(0);
        assertEquals("802500-1119", settled.key());
        assertEquals(Quarantined.State.DISCARDED, settled.state());
    }

    @Test
    void aJsonExportOverHttp() throws Exception {
        web.pages.put("/register.json", "[{\"name\":\"Rädda Barnen Uddevalla\",\"organisationNumber\":\"802004-6068\","
                + "\"municipalityCode\":\"1485\",\"areasOfWork\":[\"barn\",\"läxhjälp\"],\"contactAddress\":\"rb@example.org\"},"
                + "{\"name\":\"Utan nummer\"}, 42]");
        OrganisationRegisterImport register = register(Map.of("url", web.base() + "/register.json"));
        assertEquals(new ImportCounts(0, 0, 0, 3), register.attempt().counts(), "802004-6068 has a wrong check digit");
        web.pages.put("/register.json", "[{\"name\":\"Rädda Barnen Uddevalla\",\"organisationNumber\":\"802123-4508\","
                + "\"municipalityCode\":\"1485\",\"areasOfWork\":[\"barn\",\"läxhjälp\"],\"contactAddress\":\"rb@example.org\"}]");
        assertEquals(new ImportCounts(1, 0, 0, 0), register.attempt().counts());
        assertEquals(List.of("barn", "läxhjälp"), stores.register.find("802123-4508").orElseThrow().areasOfWork());
        List<String> reasons = quarantine.list("register:ideella", true).stream().map(Quarantined::reason).toList();
        assertEquals(List.of("an organisation must be a JSON object", "organisation_number: is required",
                "organisation_number: check digit does not match"), reasons);

        web.pages.put("/register.json", "[{\"name\":");
        assertEquals(Outcome.FAILED, register.attempt().outcome());
        web.pages.put("/register.json", "namn;nummer\nX;Y\n");
        assertEquals("the header row must name the columns name and organisation_number; it is: namn;nummer",
                register.attempt().error());
        web.failures = 1;
        assertThrows(Registry.UnavailableException.class, register::attempt);
        RegistryStatus status = register.registryStatus();
        assertEquals("HTTP 503 from " + web.base() + "/register.json", status.lastRun().error());
        assertEquals(1, stores.register.count(), "failed runs keep the last good data");
    }

    private OrganisationRegisterImport register(Map<String, String> overrides) {
        Map<String, Object> config = new HashMap<>(Map.of("id", "ideella"));
        config.putAll(overrides);
        return new OrganisationRegisterImport(config, stores.runs, stores.register, quarantine, catalogue);
    }
}
