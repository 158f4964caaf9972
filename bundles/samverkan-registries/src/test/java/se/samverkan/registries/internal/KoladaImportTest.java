package se.samverkan.registries.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import se.samverkan.api.model.Municipality;
import se.samverkan.api.quarantine.Quarantined;
import se.samverkan.api.registry.ImportCounts;
import se.samverkan.api.registry.KpiValue;
import se.samverkan.api.registry.MunicipalityList;
import se.samverkan.api.registry.RegistryRun;
import se.samverkan.api.registry.RegistryRun.Outcome;
import se.samverkan.api.testing.InMemoryQuarantine;
import se.samverkan.api.testing.InMemoryServices;

/** Kolada's v3 data API as a local server answering in its real shape: pages, failures, broken bodies. */
class KoladaImportTest {

    private static final String FIRST = "/v3/data/kpi/N31001/municipality/1487,1488,0000/year/2022,2023";
    private static final String SECOND = "/v3/data/kpi/N31001/municipality/1487,1488,0000/year/2022,2023?page=2";

    private final RegistrySource kolada = new RegistrySource();
    private final InMemoryRegistries stores = new InMemoryRegistries();
    private final MunicipalityCatalogueImpl catalogue = new MunicipalityCatalogueImpl(stores.runs);
    private final InMemoryServices services = new InMemoryServices();
    private final InMemoryQuarantine quarantine = new InMemoryQuarantine();

    KoladaImportTest() throws Exception {
        services.municipalities.seed(new Municipality("1487", "Vänersborg", "Västra Götalands län", "Fyrbodal", true),
                new Municipality("1488", "Trollhättan", "Västra Götalands län", "Fyrbodal", true));
    }

    @AfterEach
    void close() {
        kolada.close();
    }

    @Test
    void followsThePagesAndStoresEachValueOnceForTheMunicipalitiesOfThePlatformAndTheCountry() throws Exception {
        serveTwoPages();
        KoladaImport kolada = kolada(Map.of());
        RegistryRun run = kolada.attempt();
        assertEquals(Outcome.OK, run.outcome());
        assertEquals(new ImportCounts(5, 0, 0, 1), run.counts(), "three genders of 1487, the totals of 1488 and the country; 1409 refused");
        assertEquals(List.of("200 " + FIRST, "200 " + SECOND), this.kolada.requests());
        assertEquals(List.of(new KpiValue("1487", "N31001", 2023, "K", 1200.0, 1, ""),
                new KpiValue("1487", "N31001", 2023, "M", null, null, "Saknas"),
                new KpiValue("1487", "N31001", 2023, "T", 1234.5, 1, "")), stores.kpis.values("1487", "N31001"));
        assertEquals(1500.0, stores.kpis.values(KpiValue.COUNTRY, "N31001").get(0).value());

        Quarantined unknown = quarantine.list("kolada", true).get(0);
        assertEquals("1409/N31001/2023", unknown.key());
        assertEquals("municipality: '1409' is not a Swedish municipality (no such code in SCB's list)", unknown.reason());
        assertTrue(unknown.raw().contains("\"municipality\":\"1409\""), unknown.raw());

        assertEquals(new ImportCounts(0, 0, 5, 1), kolada.attempt().counts(), "the same data again changes nothing");

        // Once the municipality list knows 1409, its quarantined figure is taken on replay.
        assertEquals("municipality: '1409' is not a Swedish municipality (no such code in SCB's list)",
                kolada.replay(unknown.raw()));
        catalogue.use(MunicipalityList.parse("code;name;county_code\n14;Västra Götalands län;\n1409;Nykommun;14\n", "test"));
        assertNull(kolada.replay(unknown.raw()));
        assertEquals(22.0, stores.kpis.values("1409", "N31001").get(0).value());
    }

    @Test
    void theRouteRetriesWhileKoladaAnswers503AndThenStores() throws Exception {
        serveTwoPages();
        kolada.failures = 2;
        KoladaImport kolada = kolada(Map.of("enabled", "true", "pollSeconds", "3600", "startDelaySeconds", "0",
                "retries", "3", "retryDelaySeconds", "0"));
        try (DefaultCamelContext camel = new DefaultCamelContext()) {
            camel.start();
            camel.addRoutes(kolada);
            long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while (stores.runs.lastSuccess(KoladaImport.ID).isEmpty() && System.nanoTime() < end) {
                Thread.sleep(100);
            }
        }
        List<RegistryRun> runs = stores.runs.recorded;
        assertEquals(List.of(Outcome.FAILED, Outcome.FAILED, Outcome.OK), runs.stream().map(RegistryRun::outcome).toList());
        assertEquals("HTTP 503 from " + this.kolada.base() + FIRST, runs.get(0).error());
        assertEquals(5, stores.kpis.stored.size());
    }

    @Test
    void aBrokenAnswerFailsTheRunAndKeepsTheLastGoodValues() throws Exception {
        serveTwoPages();
        KoladaImport kolada = kolada(Map.of());
        kolada.attempt();
        Map<String, KpiValue> good = Map.copyOf(stores.kpis.stored);

        this.kolada.pages.put(SECOND, "{\"values\":[{\"kpi\":\"N31001\",\"municipality\":\"1488\",\"peri");
        RegistryRun broken = kolada.attempt();
        assertEquals(Outcome.FAILED, broken.outcome());
        assertTrue(broken.error().startsWith("not valid JSON from " + this.kolada.base() + SECOND), broken.error());
        assertEquals(good, stores.kpis.stored, "nothing of a failed run is stored, not even its good first page");

        this.kolada.pages.put(SECOND, "{\"count\":0,\"next_url\":null}");
        assertEquals("the answer from " + this.kolada.base() + SECOND + " has no \"values\" array", kolada.attempt().error());
        this.kolada.pages.remove(FIRST);
        assertEquals("HTTP 404 from " + this.kolada.base() + FIRST, kolada.attempt().error());
        assertEquals(good, stores.kpis.stored);
        assertEquals(4, stores.runs.recorded.size());
    }

    @Test
    void municipalitiesYearsAndChunksComeFromTheConfiguration() throws Exception {
        KoladaImport kolada = kolada(Map.of("municipalities", "1487, 1488, 1471", "chunkSize", "2", "years", "2021-2023",
                "kpis", "N01951"));
        String empty = "{\"values\":[],\"count\":0,\"next_url\":null}";
        this.kolada.pages.put("/v3/data/kpi/N01951/municipality/1487,1488/year/2021,2022,2023", empty);
        this.kolada.pages.put("/v3/data/kpi/N01951/municipality/1471,0000/year/2021,2022,2023", empty);
        assertEquals(new ImportCounts(0, 0, 0, 0), kolada.attempt().counts());
        assertEquals(2, this.kolada.requests().size());
        assertEquals("on demand only", kolada.registryStatus().schedule(), "Kolada is off unless enabled");
        assertEquals(List.of(2019, 2020, 2021), KoladaImport.years("2019 - 2021"));
    }

    private void serveTwoPages() {
        kolada.pages.put(FIRST, "{\"values\":[{\"kpi\":\"N31001\",\"municipality\":\"1487\",\"period\":2023,\"values\":["
                + "{\"gender\":\"T\",\"value\":1234.5,\"count\":1,\"status\":\"\"},"
                + "{\"gender\":\"K\",\"value\":1200,\"count\":1,\"status\":\"\"},"
                + "{\"gender\":\"M\",\"value\":null,\"count\":null,\"status\":\"Saknas\"}]}],"
                + "\"count\":1,\"next_url\":\"" + kolada.base() + SECOND + "\"}");
        kolada.pages.put(SECOND, "{\"values\":["
                + "{\"kpi\":\"N31001\",\"municipality\":\"1488\",\"period\":2023,\"values\":[{\"gender\":\"T\",\"value\":980.25,\"count\":1,\"status\":\"\"}]},"
                + "{\"kpi\":\"N31001\",\"municipality\":\"0000\",\"period\":2023,\"values\":[{\"gender\":\"T\",\"value\":1500,\"count\":290,\"status\":\"\"}]},"
                + "{\"kpi\":\"N31001\",\"municipality\":\"1409\",\"period\":2023,\"values\":[{\"gender\":\"T\",\"value\":22,\"count\":1,\"status\":\"\"}]}],"
                + "\"count\":3,\"next_url\":null}");
    }

    private KoladaImport kolada(Map<String, String> overrides) {
        Map<String, Object> config = new HashMap<>(Map.of("url", kolada.base(), "kpis", "N31001", "years", "2022, 2023"));
        config.putAll(overrides);
        return new KoladaImport(KoladaImport.settings(config), stores.runs, stores.kpis, services.municipalities, quarantine,
                catalogue);
    }
}
