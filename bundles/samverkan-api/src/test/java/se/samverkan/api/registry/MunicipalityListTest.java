package se.samverkan.api.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import se.samverkan.api.validation.MunicipalityCode;

class MunicipalityListTest {

    private final MunicipalityList shipped = MunicipalityList.shipped();

    @Test
    void theShippedListHasEveryMunicipalityAndCountyOnce() {
        assertEquals(290, shipped.municipalities().size());
        assertEquals(290, shipped.municipalities().stream().map(ListedMunicipality::code).distinct().count());
        assertEquals(21, shipped.counties().size());
        assertEquals(MunicipalityCode.COUNTY_CODES, shipped.counties().stream().map(County::code).collect(Collectors.toSet()));
        for (ListedMunicipality m : shipped.municipalities()) {
            assertTrue(shipped.county(m.countyCode()).isPresent(), m.code());
            assertEquals(m.code().substring(0, 2), m.countyCode(), m.code());
        }
        assertEquals("Västra Götalands län", shipped.county("14").orElseThrow().name());
        assertEquals("Norrbottens län", shipped.county("25").orElseThrow().name());
        Map<String, Long> perCounty = new TreeMap<>();
        shipped.municipalities().forEach(m -> perCounty.merge(m.countyCode(), 1L, Long::sum));
        assertEquals(26, perCounty.get("01"));
        assertEquals(33, perCounty.get("12"));
        assertEquals(49, perCounty.get("14"));
        assertEquals(1, perCounty.get("09"));
    }

    @Test
    void knownCodesHaveTheirNames() {
        Map<String, String> known = Map.ofEntries(Map.entry("0114", "Upplands Väsby"), Map.entry("0180", "Stockholm"),
                Map.entry("0305", "Håbo"), Map.entry("0360", "Tierp"), Map.entry("1060", "Olofström"),
                Map.entry("1214", "Svalöv"), Map.entry("1465", "Svenljunga"), Map.entry("1471", "Götene"),
                Map.entry("1487", "Vänersborg"), Map.entry("1488", "Trollhättan"), Map.entry("1499", "Falköping"),
                Map.entry("1737", "Torsby"), Map.entry("1860", "Laxå"), Map.entry("1861", "Hallsberg"),
                Map.entry("1880", "Örebro"), Map.entry("1882", "Askersund"), Map.entry("1980", "Västerås"),
                Map.entry("2080", "Falun"), Map.entry("2180", "Gävle"), Map.entry("2281", "Sundsvall"),
                Map.entry("2380", "Östersund"), Map.entry("2480", "Umeå"), Map.entry("2580", "Luleå"),
                Map.entry("2584", "Kiruna"), Map.entry("0980", "Gotland"));
        known.forEach((code, name) -> assertEquals(name, shipped.municipality(code).orElseThrow().name(), code));
        assertFalse(shipped.municipality("1409").isPresent());
    }

    @Test
    void aRefreshedListIsCheckedWholeAndThenUsedByValidation() {
        String csv = "code;name;county_code\n14;Västra Götalands län;\n1487;Vänersborg;14\n1409;Nykommun;14\n";
        MunicipalityList refreshed = MunicipalityList.parse(csv, "https://example.org/kommuner.csv");
        assertTrue(MunicipalityCode.problem("1409", refreshed).isEmpty());
        assertEquals("'1488' is not a Swedish municipality (no such code in SCB's list)",
                MunicipalityCode.problem("1488", refreshed).orElseThrow());
        assertTrue(MunicipalityCode.problem("1488", shipped).isEmpty());
        assertEquals("'1409' is not a Swedish municipality (no such code in SCB's list)",
                MunicipalityCode.problem("1409", shipped).orElseThrow());

        IllegalArgumentException bad = assertThrows(IllegalArgumentException.class, () -> MunicipalityList.parse(
                "code;name;county_code\n14;Västra Götalands län;\n1487;Vänersborg;14\n1801;Fel län;14\n1488;;14\n", "x"));
        assertEquals("municipality 1801 names county '14', which is not the listed county its code begins with; "
                + "municipality '1488' needs a four-digit code and a name", bad.getMessage());
        assertThrows(IllegalArgumentException.class, () -> MunicipalityList.parse("kod;namn\n1487;Vänersborg\n", "x"));
        assertTrue(refreshed.sameEntries(MunicipalityList.parse(csv, "another source")));
        assertFalse(refreshed.sameEntries(shipped));
    }
}
