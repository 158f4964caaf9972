package se.samverkan.demodata.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static se.samverkan.plugintesting.PluginFiles.idSet;

import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import se.samverkan.api.model.Activity;
import se.samverkan.api.model.Municipality;
import se.samverkan.api.model.Occurrence;
import se.samverkan.api.model.OccurrenceStatus;
import se.samverkan.api.model.Organisation;
import se.samverkan.api.plugin.Contribution;
import se.samverkan.plugintesting.PluginFiles;

class DemoDataTest {

    /** A Tuesday five days before the change from summer to winter time (2026-10-25). */
    private static final LocalDate TODAY = LocalDate.of(2026, 10, 20);

    private static String json;
    private static Contribution data;

    @BeforeAll
    static void parseTheBundledFile() {
        json = PluginFiles.text("/demo-data.json");
        data = PluginFiles.read("/demo-data.json", TODAY);
    }

    /** Valid records, no id twice, every reference to a record of the file. */
    @Test
    void theFileFitsThePlatform() {
        PluginFiles.assertValid("/demo-data.json");
    }

    @Test
    void holdsExactlyTheFifteenMunicipalitiesWithTheirCountyAndSubRegion() {
        assertEquals(Set.of("1487", "1488", "1471", "1485", "1486", "1460", "1438", "1484", "1430", "1427",
                        "1882", "1861", "1860", "1480", "1280"),
                idSet(data.municipalities(), Municipality::code));
        assertEquals(15, data.municipalities().size(), "no municipality twice");
        Set<String> fyrbodal = Set.of("1487", "1488", "1485", "1486", "1460", "1438", "1484", "1430", "1427");
        for (Municipality m : data.municipalities()) {
            String county = switch (m.countyCode()) {
                case "14" -> "Västra Götalands län";
                case "18" -> "Örebro län";
                case "12" -> "Skåne län";
                default -> "unexpected county " + m.countyCode();
            };
            assertEquals(county, m.county(), m.code());
            assertEquals(fyrbodal.contains(m.code()) ? "Fyrbodal" : null, m.subRegion(), m.code());
            assertTrue(m.active(), m.code());
        }
        assertEquals("Vänersborg", byCode("1487").name());
        assertEquals("Laxå", byCode("1860").name());
    }

    @Test
    void activitiesTakePlaceWhereTheirVenueAndOrganisersAre() {
        for (Activity a : data.activities()) {
            if (a.venueId() != null) {
                String venueCode = data.venues().stream().filter(v -> v.id().equals(a.venueId())).findFirst()
                        .orElseThrow().municipalityCode();
                assertEquals(a.municipalityCode(), venueCode, a.id());
            }
            assertFalse(a.organiserIds().isEmpty(), a.id());
            for (String organiser : a.organiserIds()) {
                Organisation o = data.organisations().stream().filter(x -> x.id().equals(organiser)).findFirst()
                        .orElseThrow();
                assertTrue(o.municipalityCodes().contains(a.municipalityCode()), a.id() + " / " + organiser);
            }
        }
    }

    @Test
    void everyActivityHasSwedishEnglishAndArabicText() {
        Pattern arabic = Pattern.compile("\\p{IsArabic}");
        for (Activity a : data.activities()) {
            for (var text : List.of(a.title(), a.description())) {
                assertTrue(text.keySet().containsAll(Set.of("sv", "en", "ar")), a.id() + " " + text.keySet());
                assertTrue(arabic.matcher(text.get("ar")).find(), a.id() + " ar is not in Arabic script");
                assertFalse(text.get("en").equals(text.get("sv")), a.id() + " en is a copy of sv");
            }
        }
    }

    /** The rest is in the plugins split off from it; see DemoDataWithPluginsTest for all of them together. */
    @Test
    void keepsWhatNoPluginOwns() {
        assertEquals(Set.of("radda-barnen", "ok-ide-uddevalla", "svenska-kyrkan-dalabergskyrkan", "vastra-gotalandsregionen",
                        "fyrbodals-kommunalforbund", "hogskolan-vast", "delegationen-mot-segregation",
                        "open-society-foundations", "svenska-esf-radet", "migrationsverket"),
                idSet(data.organisations(), Organisation::id));
        assertEquals(Set.of("dalabergskyrkan-uddevalla"), idSet(data.venues(), v -> v.id()));
        assertEquals(Set.of("iop-barn-i-fokus"), idSet(data.agreements(), a -> a.id()));
        assertEquals(Set.of("esf-integrationsarbete-kommunal-samverkan"), idSet(data.programmes(), p -> p.id()));
        assertEquals(Set.of("foraldragrupp-barn-i-fokus-uddevalla", "sprakcafe-dalabergskyrkan"),
                idSet(data.activities(), Activity::id));
    }

    @Test
    void containsNoEmailAddressesOrPhoneNumbers() {
        assertFalse(json.contains("@"));
        assertFalse(Pattern.compile("\\b0\\d{1,3}-\\d{2}[ \\d]{3,}").matcher(json).find());
    }

    @Test
    void everyActivityHasWeeklyOccurrencesAfterTodayAtTheSameSwedishTime() {
        for (Activity a : data.activities()) {
            List<Occurrence> occurrences = a.occurrences();
            assertFalse(occurrences.isEmpty(), a.id());
            ZonedDateTime first = occurrences.get(0).start().atZoneSameInstant(Activity.ZONE);
            assertTrue(first.toLocalDate().isAfter(TODAY), a.id());
            assertTrue(first.toLocalDate().isBefore(TODAY.plusDays(8)), a.id() + " starts in the coming week");
            for (int i = 0; i < occurrences.size(); i++) {
                Occurrence o = occurrences.get(i);
                ZonedDateTime start = o.start().atZoneSameInstant(Activity.ZONE);
                assertEquals(first.toLocalDate().plusWeeks(i), start.toLocalDate(), a.id() + " #" + i);
                assertEquals(first.toLocalTime(), start.toLocalTime(), a.id() + " #" + i);
                assertEquals(OccurrenceStatus.SCHEDULED, o.status());
                assertNull(o.id(), "ids are the service's to give");
            }
        }
    }

    private static Municipality byCode(String code) {
        return data.municipalities().stream().filter(m -> m.code().equals(code)).findFirst().orElseThrow();
    }
}
