package se.samverkan.registries.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import se.samverkan.api.model.Municipality;
import se.samverkan.api.registry.ImportCounts;
import se.samverkan.api.registry.MunicipalityList;
import se.samverkan.api.registry.RegistryRun;
import se.samverkan.api.registry.RegistryRun.Outcome;
import se.samverkan.api.registry.RegistryStatus;
import se.samverkan.api.testing.InMemoryServices;
import se.samverkan.api.validation.MunicipalityCode;

class MunicipalityRegistryTest {

    private final RegistrySource scb = new RegistrySource();
    private final InMemoryRegistries stores = new InMemoryRegistries();
    private final InMemoryServices services = new InMemoryServices();
    private final MunicipalityCatalogueImpl catalogue = new MunicipalityCatalogueImpl(stores.runs);

    MunicipalityRegistryTest() throws IOException {
    }

    @AfterEach
    void close() {
        scb.close();
    }

    @Test
    void aRefreshReplacesTheListValidationUses() throws Exception {
        scb.pages.put("/kommuner.csv", shippedCsv() + "1409;Nykommun;14\n");
        MunicipalityRegistry registry = registry(Map.of("url", scb.base() + "/kommuner.csv"));
        assertTrue(MunicipalityCode.problem("1409", catalogue.current()).isPresent());
        RegistryRun run = registry.attempt();
        assertEquals(new ImportCounts(1, 0, 290, 0), run.counts());
        assertTrue(MunicipalityCode.problem("1409", catalogue.current()).isEmpty(), "in force at once");
        assertEquals(scb.base() + "/kommuner.csv", catalogue.current().source());
        assertSame(catalogue.current(), stores.runs.saved, "stored, so it is in force again after a restart");
        RegistryStatus status = registry.registryStatus();
        assertEquals("every 7 d", status.schedule());
        assertEquals(run, status.lastRun());
    }

    @Test
    void aListWithABadRowIsRefusedWholeAndTheListInForceStays() throws Exception {
        scb.pages.put("/kommuner.csv", shippedCsv() + "1801;Fel län;14\n");
        RegistryRun run = registry(Map.of("url", scb.base() + "/kommuner.csv")).attempt();
        assertEquals(Outcome.FAILED, run.outcome());
        assertEquals("the municipality list at " + scb.base() + "/kommuner.csv was refused whole: municipality 1801 "
                + "names county '14', which is not the listed county its code begins with", run.error());
        assertSame(MunicipalityList.shipped(), catalogue.current());
        assertNull(stores.runs.saved);
    }

    @Test
    void aListWithoutAMunicipalityThePlatformHasRecordsOfIsRefused() throws Exception {
        services.municipalities.seed(new Municipality("1487", "Vänersborg", "Västra Götalands län", "Fyrbodal", true));
        String csv = shippedCsv();
        scb.pages.put("/kommuner.csv", csv.replace("1487;Vänersborg;14\n", ""));
        RegistryRun run = registry(Map.of("url", scb.base() + "/kommuner.csv")).attempt();
        assertEquals(Outcome.FAILED, run.outcome());
        assertTrue(run.error().endsWith("it lacks 1487, which the platform has records of"), run.error());
        assertSame(MunicipalityList.shipped(), catalogue.current());
        assertNull(stores.runs.saved);
    }

    @Test
    void withoutAUrlTheShippedListIsInForceAndRunsOnlyOnDemand() throws Exception {
        MunicipalityRegistry registry = registry(Map.of());
        assertEquals(new ImportCounts(0, 0, 311, 0), registry.attempt().counts());
        RegistryStatus status = registry.registryStatus();
        assertEquals(MunicipalityList.SHIPPED, status.source());
        assertEquals("on demand only", status.schedule());
        assertEquals("MUNICIPALITIES", status.kind());
    }

    private MunicipalityRegistry registry(Map<String, Object> properties) {
        return new MunicipalityRegistry(properties, stores.runs, services.municipalities, catalogue);
    }

    private static String shippedCsv() throws IOException {
        try (InputStream in = MunicipalityList.class.getResourceAsStream("municipalities.csv")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
