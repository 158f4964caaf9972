package se.samverkan.plugins.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import se.samverkan.api.model.Activity;
import se.samverkan.api.model.Agreement;
import se.samverkan.api.model.Municipality;
import se.samverkan.api.model.Organisation;
import se.samverkan.api.model.Programme;
import se.samverkan.api.model.Venue;
import se.samverkan.api.plugin.Contribution;
import se.samverkan.api.plugin.PluginReport;
import se.samverkan.api.plugin.PluginReport.Counts;
import se.samverkan.api.plugin.PluginReport.State;
import se.samverkan.api.plugin.SamverkanPlugin;
import se.samverkan.api.testing.InMemoryServices;
import se.samverkan.plugintesting.PluginFiles;

/**
 * The demo data and the plugins split off from it (with Götene, as the distribution boots them), applied to
 * in-memory storage through the platform's own {@link Plugins}, which is why this test sits in its package: each
 * file on its own, and all of them together in either order, always cleanly and always to the same records.
 */
class DemoDataWithPluginsTest {

    /** A Tuesday five days before the change from summer to winter time (2026-10-25). */
    private static final LocalDate TODAY = LocalDate.of(2026, 10, 20);

    /** Each plugin's name (its bundle's symbolic name) and its contribution file. */
    private static final Map<String, String> FILES = new LinkedHashMap<>();

    static {
        FILES.put("samverkan-demo-data", "/demo-data.json");
        for (String plugin : List.of("samverkan-municipality-gotene", "samverkan-municipality-vanersborg",
                "samverkan-municipality-trollhattan", "samverkan-partner-support-group-network",
                "samverkan-partner-sv-orebro", "samverkan-partner-abf-fyrbodal", "samverkan-programme-helhetslyftet")) {
            FILES.put(plugin, "/" + plugin + ".json");
        }
    }

    static Stream<String> plugins() {
        return FILES.keySet().stream();
    }

    @ParameterizedTest
    @MethodSource("plugins")
    void eachAppliesCleanlyOnItsOwn(String plugin) {
        InMemoryServices storage = new InMemoryServices();
        PluginReport report = apply(storage, plugin);
        assertEquals(State.APPLIED, report.state(), report.problems().toString());
        assertEquals(List.of(), report.conflicts());
        assertEveryReferenceIsStored(storage);
    }

    @Test
    void allTogetherApplyCleanlyInEitherOrderToTheSameRecords() {
        List<String> demoDataFirst = List.copyOf(FILES.keySet());
        List<String> demoDataLast = new ArrayList<>(demoDataFirst);
        Collections.reverse(demoDataLast);

        InMemoryServices first = applyAll(demoDataFirst);
        InMemoryServices last = applyAll(demoDataLast);
        assertEquals(first.municipalities.list(), last.municipalities.list());
        assertEquals(first.organisations.list(), last.organisations.list());
        assertEquals(first.venues.list(), last.venues.list());
        assertEquals(first.agreements.list(), last.agreements.list());
        assertEquals(first.programmes.list(), last.programmes.list());
        assertEquals(first.activities.list(), last.activities.list());

        long activities = FILES.keySet().stream().mapToLong(p -> read(p).activities().size()).sum();
        assertEquals(activities, first.activities.count(), "every activity comes from one file only");
        assertEquals(15, first.municipalities.count());
    }

    @Test
    void applyingEverythingAgainChangesNothing() {
        InMemoryServices storage = applyAll(List.copyOf(FILES.keySet()));
        Plugins platform = platform(storage);
        for (String plugin : FILES.keySet()) {
            PluginReport again = platform.apply(new FilePlugin(plugin, read(plugin)), plugin, "1", false);
            assertEquals(State.APPLIED, again.state(), plugin);
            assertEquals(List.of(), again.conflicts(), plugin);
            again.counts().forEach((kind, counts) -> assertEquals(
                    new Counts(0, 0, counts.unchanged()), counts, plugin + " " + kind));
        }
    }

    @Test
    void aRecordBroughtByMoreThanOneFileIsTheSameInEach() {
        Map<String, Object> seen = new HashMap<>();
        Map<String, String> from = new HashMap<>();
        for (String plugin : FILES.keySet()) {
            Contribution c = read(plugin);
            List<Object> records = new ArrayList<>();
            records.addAll(c.municipalities());
            records.addAll(c.organisations());
            records.addAll(c.venues());
            records.addAll(c.agreements());
            records.addAll(c.programmes());
            records.addAll(c.activities());
            for (Object record : records) {
                String key = record.getClass().getSimpleName() + " " + idOf(record);
                Object earlier = seen.putIfAbsent(key, record);
                if (earlier != null) {
                    assertEquals(earlier, record, key + " differs between " + from.get(key) + " and " + plugin);
                } else {
                    from.put(key, plugin);
                }
            }
        }
    }

    @Test
    void theDemoDataKeepsNothingThatMovedToAPlugin() {
        Contribution demo = read("samverkan-demo-data");
        for (String plugin : FILES.keySet()) {
            if (plugin.equals("samverkan-demo-data")) {
                continue;
            }
            Contribution c = read(plugin);
            assertNoneShared(demo.activities(), c.activities(), Activity::id, plugin);
            assertNoneShared(demo.programmes(), c.programmes(), Programme::id, plugin);
            assertNoneShared(demo.agreements(), c.agreements(), Agreement::id, plugin);
            assertNoneShared(demo.venues(), c.venues(), Venue::id, plugin);
        }
        Set<String> organisations = ids(demo.organisations(), Organisation::id);
        for (String partner : List.of("support-group-network", "sv-orebro-lan", "abf-fyrbodal")) {
            assertFalse(organisations.contains(partner), partner + " comes with its own plugin");
        }
    }

    /** What the demo needs from all of them together, so filters and references have something to show. */
    @Test
    void togetherTheyGiveTheFiltersSomethingToFilter() {
        InMemoryServices all = applyAll(List.copyOf(FILES.keySet()));
        Set<Set<?>> accessibility = all.venues.list().stream().map(v -> Set.copyOf(v.accessibility()))
                .collect(Collectors.toSet());
        assertTrue(accessibility.size() >= 4, accessibility.toString());
        assertTrue(accessibility.contains(Set.of()), "a venue without any adaptation");
        List<Activity> activities = all.activities.list();
        assertTrue(activities.stream().anyMatch(a -> a.venueId() != null));
        assertTrue(activities.stream().anyMatch(a -> a.venueId() == null));
        assertTrue(activities.stream().anyMatch(a -> a.agreementId() != null));
        assertTrue(activities.stream().anyMatch(a -> a.programmeId() != null));
        assertTrue(all.agreements.list().stream().anyMatch(a -> a.funderId() != null));
    }

    @ParameterizedTest
    @MethodSource("plugins")
    void everyActivityHasSwedishEnglishAndArabicText(String plugin) {
        Pattern arabic = Pattern.compile("\\p{IsArabic}");
        for (Activity a : read(plugin).activities()) {
            for (Map<String, String> text : List.of(a.title(), a.description())) {
                assertTrue(text.keySet().containsAll(Set.of("sv", "en", "ar")), a.id() + " " + text.keySet());
                assertTrue(arabic.matcher(text.get("ar")).find(), a.id() + " ar is not in Arabic script");
                assertFalse(text.get("en").equals(text.get("sv")), a.id() + " en is a copy of sv");
            }
        }
    }

    @ParameterizedTest
    @MethodSource("plugins")
    void everyActivityMeetsWeeklyFromTheComingWeek(String plugin) {
        for (Activity a : read(plugin).activities()) {
            assertFalse(a.occurrences().isEmpty(), a.id());
            LocalDate first = a.occurrences().get(0).start().atZoneSameInstant(Activity.ZONE).toLocalDate();
            assertTrue(first.isAfter(TODAY) && first.isBefore(TODAY.plusDays(8)), a.id() + " starts " + first);
        }
    }

    @ParameterizedTest
    @MethodSource("plugins")
    void containsNoEmailAddressesOrPhoneNumbers(String plugin) {
        String json = PluginFiles.text(FILES.get(plugin));
        assertFalse(json.contains("@"));
        assertFalse(Pattern.compile("\\b0\\d{1,3}-\\d{2}[ \\d]{3,}").matcher(json).find());
    }

    /** Applies the plugins in this order, each cleanly and leaving no reference dangling. */
    private static InMemoryServices applyAll(List<String> order) {
        InMemoryServices storage = new InMemoryServices();
        for (String plugin : order) {
            PluginReport report = apply(storage, plugin);
            assertEquals(State.APPLIED, report.state(), plugin + " after " + order + ": " + report.problems());
            assertEquals(List.of(), report.conflicts(), plugin + " after " + order);
            assertEveryReferenceIsStored(storage);
        }
        return storage;
    }

    /** What the real storage enforces with foreign keys: every reference names a stored record. */
    private static void assertEveryReferenceIsStored(InMemoryServices s) {
        PluginFiles.assertValid(new Contribution(s.municipalities.list(), s.organisations.list(), s.venues.list(),
                s.agreements.list(), s.programmes.list(), s.activities.list()));
    }

    /** As the platform applies a plugin it finds (not an administrator's re-apply that takes the plugin's version). */
    private static PluginReport apply(InMemoryServices storage, String plugin) {
        return platform(storage).apply(new FilePlugin(plugin, read(plugin)), plugin, "1", false);
    }

    /** The platform on the in-memory storage and ledger; no framework bundle, as in the platform's own tests. */
    private static Plugins platform(InMemoryServices s) {
        return new Plugins(s.municipalities, s.organisations, s.venues, s.agreements, s.programmes, s.activities,
                s.ledger, null);
    }

    private static Contribution read(String plugin) {
        return PluginFiles.read(FILES.get(plugin), TODAY);
    }

    private static <T> void assertNoneShared(List<T> demo, List<T> plugin, Function<T, String> id, String name) {
        Set<String> shared = ids(demo, id);
        shared.retainAll(ids(plugin, id));
        assertTrue(shared.isEmpty(), "the demo data still has " + shared + " of " + name);
    }

    private static <T> Set<String> ids(List<T> records, Function<T, String> id) {
        return records.stream().map(id).collect(Collectors.toSet());
    }

    private static String idOf(Object record) {
        if (record instanceof Municipality m) {
            return m.code();
        }
        if (record instanceof Organisation o) {
            return o.id();
        }
        if (record instanceof Venue v) {
            return v.id();
        }
        if (record instanceof Agreement a) {
            return a.id();
        }
        if (record instanceof Programme p) {
            return p.id();
        }
        return ((Activity) record).id();
    }

    /** A contribution file as the plugin the platform makes of it. */
    private record FilePlugin(String name, Contribution contribution) implements SamverkanPlugin {
    }
}
