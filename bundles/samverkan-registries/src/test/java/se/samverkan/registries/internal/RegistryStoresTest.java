package se.samverkan.registries.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import se.samverkan.api.registry.ImportCounts;
import se.samverkan.api.registry.KpiValue;
import se.samverkan.api.registry.MunicipalityList;
import se.samverkan.api.registry.RegisterOrganisation;
import se.samverkan.api.registry.RegistryRun;
import se.samverkan.api.registry.RegistryRun.Outcome;
import se.samverkan.api.validation.MunicipalityCode;
import se.samverkan.persistence.internal.DerbyDatabase;

class RegistryStoresTest {

    private static final Instant T = Instant.parse("2026-11-24T08:00:00Z");

    private final DerbyDatabase db = new DerbyDatabase();
    private final RegistryStoreImpl registries = new RegistryStoreImpl(db.schema);
    private final OrganisationRegisterImpl register = new OrganisationRegisterImpl(db.schema);
    private final KpiStoreImpl kpis = new KpiStoreImpl(db.schema);

    RegistryStoresTest() throws Exception {
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void runsAreRecordedNewestFirstWithTheirLastSuccess() throws Exception {
        RegistryRun ok = new RegistryRun("kolada", T, T.plusSeconds(3), Outcome.OK, new ImportCounts(10, 2, 5, 1), null);
        RegistryRun failed = new RegistryRun("kolada", T.plusSeconds(60), T.plusSeconds(61), Outcome.FAILED,
                ImportCounts.NONE, "HTTP 503 from https://api.kolada.se/v3/data/kpi/N31001/municipality/1487/year/2023");
        registries.record(ok);
        registries.record(failed);
        registries.record(new RegistryRun("other", T, T, Outcome.OK, ImportCounts.NONE, null));
        assertEquals(List.of(failed, ok), registries.runs("kolada", 10));
        assertEquals(List.of(failed), registries.runs("kolada", 1));
        assertEquals(T.plusSeconds(3), registries.lastSuccess("kolada").orElseThrow());
        assertTrue(registries.lastSuccess("never").isEmpty());
    }

    @Test
    void aRefreshedMunicipalityListIsStoredAndInForceAfterARestart() throws Exception {
        assertTrue(registries.municipalityList().isEmpty(), "the shipped list is in force until a refresh");
        String csv = "code;name;county_code\n14;Västra Götalands län;\n1487;Vänersborg;14\n1488;Trollhättan stad;14\n"
                + "1409;Nykommun;14\n";
        ImportCounts counts = registries.saveMunicipalityList(MunicipalityList.parse(csv, "https://example.org/k.csv"));
        assertEquals(new ImportCounts(1, 1, 2, 0), counts, "1409 new, 1488 renamed, the county and 1487 as shipped");

        // A restart: the catalogue puts the stored list in force.
        MunicipalityList inForce = new MunicipalityCatalogueImpl(new RegistryStoreImpl(db.schema)).current();
        assertEquals("https://example.org/k.csv", inForce.source());
        assertEquals(3, inForce.municipalities().size());
        assertTrue(MunicipalityCode.problem("1409", inForce).isEmpty());
        assertEquals(new ImportCounts(0, 0, 4, 0), registries.saveMunicipalityList(inForce));
    }

    @Test
    void organisationsAreUpsertedByNumberAndSearchable() throws Exception {
        RegisterOrganisation sgn = new RegisterOrganisation("802002-8711", "Support Group Network", "1487",
                List.of("integration", "språkstöd"), "info@sgn.example", "ideella");
        RegisterOrganisation abf = new RegisterOrganisation("802003-4015", "ABF Fyrbodal", "1488", List.of(), null, "ideella");
        assertEquals(new ImportCounts(2, 0, 0, 0), register.upsert(List.of(sgn, abf)));
        RegisterOrganisation moved = new RegisterOrganisation("802002-8711", "Support Group Network", "1488",
                List.of("integration"), "info@sgn.example", "ideella");
        assertEquals(new ImportCounts(0, 1, 1, 0), register.upsert(List.of(moved, abf)));
        assertEquals(moved, register.find("802002-8711").orElseThrow());
        assertEquals(abf, register.find("802003-4015").orElseThrow());
        assertEquals(List.of(abf, moved), register.search(null, "1488", 0, 10));
        assertEquals(List.of(moved), register.search("group NETW", null, 0, 10));
        assertEquals(List.of(), register.search("100%", null, 0, 10));
        assertEquals(List.of(moved), register.search(null, null, 1, 10));
        assertEquals(2, register.count());
    }

    @Test
    void manyOrganisationsGoInBatches() throws Exception {
        List<RegisterOrganisation> many = IntStream.range(0, 2500).mapToObj(i -> new RegisterOrganisation(
                String.format("80%04d-0000", i), "Förening " + i, "1471", List.of("idrott"), null, "stora")).toList();
        assertEquals(new ImportCounts(2500, 0, 0, 0), register.upsert(many));
        assertEquals(new ImportCounts(0, 0, 2500, 0), register.upsert(many));
        assertEquals(2500, register.count());
    }

    @Test
    void keyFiguresAreUpsertedPerMunicipalityKpiYearAndGender() throws Exception {
        KpiValue total = new KpiValue("1487", "N31001", 2023, "T", 1234.5, 1, "");
        KpiValue women = new KpiValue("1487", "N31001", 2023, "K", null, null, "Saknas");
        KpiValue country = new KpiValue(KpiValue.COUNTRY, "N31001", 2023, "T", 1500.0, 290, "");
        assertEquals(new ImportCounts(3, 0, 0, 0), kpis.upsert(List.of(total, women, country)));
        KpiValue revised = new KpiValue("1487", "N31001", 2023, "T", 1240.0, 1, "");
        assertEquals(new ImportCounts(0, 1, 2, 0), kpis.upsert(List.of(revised, women, country)));
        assertEquals(List.of(women, revised), kpis.values("1487", "N31001"));
        assertEquals(List.of(country, women, revised), kpis.values(null, "N31001"));
        assertEquals(List.of(), kpis.values("1487", "N03937"));
    }
}
