package se.samverkan.demodata.internal;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

import se.samverkan.api.model.Activity;
import se.samverkan.api.model.Municipality;
import se.samverkan.api.model.Occurrence;
import se.samverkan.api.model.OccurrenceStatus;
import se.samverkan.api.model.Organisation;
import se.samverkan.api.plugin.Contribution;
import se.samverkan.api.validation.Validation;
import se.samverkan.plugins.internal.ContributionFile;

class DemoDataTest {

    /** A Tuesday five days before the change from summer to winter time (2026-10-25). */
    private static final LocalDate TODAY = LocalDate.of(2026, 10, 20);

    private static String json;
    private static Contribution data;

    @BeforeAll
    static void parseTheBundledFile() throws IOException {
        try (InputStream in = DemoDataTest.class.getResourceAsStream("/demo-data.json")) {
            json = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        data = parse(json, TODAY);
    }

    @Test
    void holdsExactlyTheFifteenMunicipalitiesWithTheirCountyAndSubRegion() {
        assertEquals(Set.of("1487", "1488", "1471", "1485", "1486", "1460", "1438", "1484", "1430", "1427",
                        "1882", "1861", "1860", "1480", "1280"),
                ids(data.municipalities(), Municipality::code));
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
    void everyRecordPassesValidation() {
        assertAll(List.of(
                all(data.municipalities(), m -> () -> Validation.validate(m)),
                all(data.organisations(), o -> () -> Validation.validate(o)),
                all(data.venues(), v -> () -> Validation.validate(v)),
                all(data.agreements(), a -> () -> Validation.validate(a)),
                all(data.programmes(), p -> () -> Validation.validate(p)),
                all(data.activities(), a -> () -> Validation.validate(a))));
    }

    @Test
    void idsAreUniquePerKind() {
        assertEquals(data.organisations().size(), ids(data.organisations(), Organisation::id).size());
        assertEquals(data.venues().size(), ids(data.venues(), v -> v.id()).size());
        assertEquals(data.agreements().size(), ids(data.agreements(), a -> a.id()).size());
        assertEquals(data.programmes().size(), ids(data.programmes(), p -> p.id()).size());
        assertEquals(data.activities().size(), ids(data.activities(), Activity::id).size());
    }

    @Test
    void everyReferencePointsAtARecordInTheFile() {
        Set<String> codes = ids(data.municipalities(), Municipality::code);
        Set<String> orgs = ids(data.organisations(), Organisation::id);
        Set<String> venues = ids(data.venues(), v -> v.id());
        Set<String> agreements = ids(data.agreements(), a -> a.id());
        Set<String> programmes = ids(data.programmes(), p -> p.id());

        data.organisations().forEach(o -> assertSubset(codes, o.municipalityCodes(), o.id()));
        data.venues().forEach(v -> assertTrue(codes.contains(v.municipalityCode()), v.id()));
        data.agreements().forEach(a -> {
            assertSubset(orgs, a.organisationIds(), a.id());
            assertSubset(codes, a.municipalityCodes(), a.id());
            assertOptionalRef(orgs, a.funderId(), a.id());
        });
        data.programmes().forEach(p -> {
            assertTrue(orgs.contains(p.ownerId()), p.id());
            assertOptionalRef(orgs, p.funderId(), p.id());
            assertSubset(codes, p.municipalityCodes(), p.id());
        });
        data.activities().forEach(a -> {
            assertTrue(codes.contains(a.municipalityCode()), a.id());
            assertFalse(a.organiserIds().isEmpty(), a.id());
            assertSubset(orgs, a.organiserIds(), a.id());
            assertOptionalRef(venues, a.venueId(), a.id());
            assertOptionalRef(agreements, a.agreementId(), a.id());
            assertOptionalRef(programmes, a.programmeId(), a.id());
        });
        // Otherwise the optional checks above could pass without checking anything.
        assertTrue(data.activities().stream().anyMatch(a -> a.venueId() != null));
        assertTrue(data.activities().stream().anyMatch(a -> a.agreementId() != null));
        assertTrue(data.programmes().stream().anyMatch(p -> p.funderId() != null));
    }

    @Test
    void activitiesTakePlaceWhereTheirVenueAndOrganisersAre() {
        for (Activity a : data.activities()) {
            if (a.venueId() != null) {
                String venueCode = data.venues().stream().filter(v -> v.id().equals(a.venueId())).findFirst()
                        .orElseThrow().municipalityCode();
                assertEquals(a.municipalityCode(), venueCode, a.id());
            }
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
                ids(data.organisations(), Organisation::id));
        assertEquals(Set.of("dalabergskyrkan-uddevalla"), ids(data.venues(), v -> v.id()));
        assertEquals(Set.of("iop-barn-i-fokus"), ids(data.agreements(), a -> a.id()));
        assertEquals(Set.of("esf-integrationsarbete-kommunal-samverkan"), ids(data.programmes(), p -> p.id()));
        assertEquals(Set.of("foraldragrupp-barn-i-fokus-uddevalla", "sprakcafe-dalabergskyrkan"),
                ids(data.activities(), Activity::id));
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

    private static Contribution parse(String file, LocalDate today) throws IOException {
        return ContributionFile.parse(new ByteArrayInputStream(file.getBytes(StandardCharsets.UTF_8)), today);
    }

    private static Municipality byCode(String code) {
        return data.municipalities().stream().filter(m -> m.code().equals(code)).findFirst().orElseThrow();
    }

    private static <T> Set<String> ids(List<T> records, Function<T, String> id) {
        return records.stream().map(id).collect(Collectors.toSet());
    }

    private static <T> Executable all(List<T> records, Function<T, Executable> check) {
        return () -> assertAll(records.stream().map(r -> (Executable) () -> assertDoesNotThrow(check.apply(r),
                r.toString())));
    }

    private static void assertSubset(Set<String> known, Collection<String> refs, String owner) {
        Set<String> unknown = new HashSet<>(refs);
        unknown.removeAll(known);
        assertTrue(unknown.isEmpty(), owner + " refers to unknown " + unknown);
    }

    private static void assertOptionalRef(Set<String> known, String ref, String owner) {
        assertTrue(ref == null || known.contains(ref), owner + " refers to unknown " + ref);
    }
}
