package se.samverkan.plugins.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.osgi.framework.Bundle;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.Version;

import se.samverkan.api.model.Activity;
import se.samverkan.api.model.ActivityCategory;
import se.samverkan.api.model.FocusArea;
import se.samverkan.api.model.Municipality;
import se.samverkan.api.model.Occurrence;
import se.samverkan.api.model.OccurrenceStatus;
import se.samverkan.api.model.Organisation;
import se.samverkan.api.model.OrganisationKind;
import se.samverkan.api.model.Venue;
import se.samverkan.api.plugin.Contribution;
import se.samverkan.api.plugin.PluginReport;
import se.samverkan.api.plugin.PluginReport.Counts;
import se.samverkan.api.plugin.PluginReport.State;
import se.samverkan.api.plugin.SamverkanPlugin;
import se.samverkan.api.security.Caller;
import se.samverkan.api.service.AccessDeniedException;
import se.samverkan.api.service.VenueService;
import se.samverkan.api.testing.InMemoryServices;

class PluginsTest {

    private static final Municipality GOTENE = new Municipality("1471", "Götene", "Västra Götalands län", null, true);
    private static final Municipality ASKERSUND = new Municipality("1882", "Askersund", "Örebro län", null, true);
    private static final Organisation SV_GOTENE = new Organisation("sv", "Studieförbundet Vuxenskolan",
            OrganisationKind.STUDY_ASSOCIATION, null, Set.of("1471"));
    private static final Organisation SV_ASKERSUND = new Organisation("sv", "Studieförbundet Vuxenskolan",
            OrganisationKind.STUDY_ASSOCIATION, null, Set.of("1882"));
    private static final Venue HALL = new Venue("simhall-gotene", "Simhallen", null, "1471", Set.of());
    private static final OffsetDateTime START = OffsetDateTime.parse("2026-12-05T10:00+01:00");
    private static final Activity SWIMMING = new Activity("simkurs-gotene", Map.of("sv", "Simkurs"), Map.of(),
            ActivityCategory.SWIMMING, FocusArea.HEALTH, Set.of(), Set.of("sv", "ar"), "1471", List.of("sv"), null,
            null, "simhall-gotene", 12, BigDecimal.ZERO,
            List.of(new Occurrence(null, START, START.plusHours(1), OccurrenceStatus.SCHEDULED)));

    private final InMemoryServices services = new InMemoryServices();
    private final Plugins plugins = new Plugins(services.municipalities, services.organisations, services.venues,
            services.agreements, services.programmes, services.activities, services.ledger, null);

    @Test
    void appliesOnceParentsFirstAndNothingTheSecondTime() {
        SamverkanPlugin gotene = plugin("samverkan-municipality-gotene",
                new Contribution(List.of(GOTENE), List.of(SV_GOTENE), List.of(HALL), null, null, List.of(SWIMMING)));
        PluginReport first = plugins.apply(gotene, "samverkan-municipality-gotene", "1.0.0", false);
        assertEquals(State.APPLIED, first.state());
        assertEquals(List.of("municipality", "organisation", "venue", "activity"), services.createdKinds);
        assertEquals(new Counts(1, 0, 0), first.counts().get("activity"));

        PluginReport second = plugins.apply(gotene, "samverkan-municipality-gotene", "1.0.0", false);
        assertEquals(new Counts(0, 0, 1), second.counts().get("activity"));
        assertEquals(4, services.createdKinds.size());
        assertEquals(List.of(second), plugins.plugins());
    }

    @Test
    void twoPluginsBringingOneOrganisationMergeIntoOneRecord() {
        plugins.apply(plugin("gotene", new Contribution(List.of(GOTENE), List.of(SV_GOTENE), null, null, null, null)),
                "gotene", "1", false);
        PluginReport askersund = plugins.apply(plugin("askersund",
                new Contribution(List.of(ASKERSUND), List.of(SV_ASKERSUND), null, null, null, null)), "askersund", "1", false);
        assertEquals(new Counts(0, 1, 0), askersund.counts().get("organisation"));
        assertEquals(Set.of("1471", "1882"), services.organisations.get("sv").municipalityCodes());
        assertEquals(1, services.organisations.count());
    }

    @Test
    void neverOverwritesARecordEditedThroughTheApi() {
        Venue edited = new Venue("simhall-gotene", "Götene simhall (renoverad)", "Parkgatan", "1471", Set.of());
        services.municipalities.create(Caller.SYSTEM, GOTENE);
        services.venues.create(Caller.SYSTEM, edited);
        plugins.apply(plugin("gotene", new Contribution(null, null, List.of(HALL), null, null, null)), "gotene", "1", false);
        assertEquals(edited, services.venues.get("simhall-gotene"));
    }

    @Test
    void aRefusedRecordIsReportedWithItsReasonAndTheRestApplied() {
        Municipality bad = new Municipality("9999", "Ingenstans", "Inget län", null, true);
        PluginReport report = plugins.apply(plugin("broken",
                new Contribution(List.of(bad, GOTENE), null, null, null, null, null)), "broken", "1", false);
        assertEquals(State.PARTLY_APPLIED, report.state());
        assertEquals(1, report.problems().size());
        assertTrue(report.problems().get(0).startsWith("municipality 9999: code: '99' is not a Swedish county code"),
                report.problems().get(0));
        assertTrue(services.municipalities.find("1471").isPresent());
    }

    @Test
    void aPluginThatFailsIsReportedAndHarmsNoOther() {
        SamverkanPlugin failing = new SamverkanPlugin() {
            @Override
            public String name() {
                return "failing";
            }

            @Override
            public Contribution contribution() {
                throw new IllegalStateException("plugin.json is not a valid contribution: Unexpected character");
            }
        };
        PluginReport report = plugins.apply(failing, "failing-bundle", "2.0.0", false);
        assertEquals(State.FAILED, report.state());
        assertEquals(List.of("the plugin failed: plugin.json is not a valid contribution: Unexpected character"),
                report.problems());
        assertEquals(State.APPLIED, plugins.apply(plugin("gotene",
                new Contribution(List.of(GOTENE), null, null, null, null, null)), "gotene", "1", false).state());
        assertEquals(2, plugins.plugins().size());
    }

    @Test
    void aNewerVersionUpdatesItsRecordsInPlace() {
        Venue renamed = new Venue("simhall-gotene", "Götene simhall", "Parkgatan 2", "1471", Set.of());
        PluginReport v1 = plugins.apply(plugin("gotene", new Contribution(List.of(GOTENE), null, List.of(HALL), null,
                null, null)), "gotene", "1.0.0", false);
        PluginReport v2 = plugins.apply(plugin("gotene", new Contribution(List.of(GOTENE), null, List.of(renamed), null,
                null, null)), "gotene", "1.1.0", false);
        assertEquals(new Counts(1, 0, 0), v1.counts().get("venue"));
        assertEquals(new Counts(0, 1, 0), v2.counts().get("venue"));
        assertEquals(new Counts(0, 0, 1), v2.counts().get("municipality"));
        assertEquals(renamed, services.venues.get("simhall-gotene"));
        assertEquals(1, services.venues.count());
        assertEquals(List.of(), v2.conflicts());
    }

    @Test
    void anEditThroughTheApiWinsOverAPluginChangeAndIsShownAsAConflict() {
        Venue edited = new Venue("simhall-gotene", "Simhallen (coordinator's name)", null, "1471", Set.of());
        Venue renamed = new Venue("simhall-gotene", "Götene simhall", "Parkgatan 2", "1471", Set.of());
        SamverkanPlugin v2 = plugin("gotene", new Contribution(List.of(GOTENE), null, List.of(renamed), null, null, null));
        plugins.apply(plugin("gotene", new Contribution(List.of(GOTENE), null, List.of(HALL), null, null, null)),
                "gotene", "1.0.0", false);
        services.venues.update(Caller.SYSTEM, "simhall-gotene", edited);

        PluginReport report = plugins.apply(v2, "gotene", "1.1.0", false);
        assertEquals(edited, services.venues.get("simhall-gotene"));
        assertEquals(State.APPLIED, report.state());
        assertEquals(List.of("venue simhall-gotene: changed by the plugin, but edited through the API since; the API's "
                        + "edit is kept"),
                report.conflicts());
        assertEquals(report.conflicts(), plugins.apply(v2, "gotene", "1.1.0", false).conflicts(),
                "shown again until settled");

        PluginReport settled = plugins.apply(v2, "gotene", "1.1.0", true);
        assertEquals(renamed, services.venues.get("simhall-gotene"));
        assertEquals(List.of(), settled.conflicts());
        assertEquals(List.of(), plugins.apply(v2, "gotene", "1.1.0", false).conflicts());
    }

    @Test
    void anEditThroughTheApiWhileThePluginIsAppliedIsKeptAndShownAsAConflict() {
        Venue edited = new Venue("simhall-gotene", "Simhallen (coordinator's name)", null, "1471", Set.of());
        Venue renamed = new Venue("simhall-gotene", "Götene simhall", "Parkgatan 2", "1471", Set.of());
        plugins.apply(plugin("gotene", new Contribution(List.of(GOTENE), null, List.of(HALL), null, null, null)),
                "gotene", "1.0.0", false);
        // The API's edit lands between the plugin's read of the venue and its write.
        VenueService racing = (VenueService) Proxy.newProxyInstance(VenueService.class.getClassLoader(),
                new Class<?>[]{VenueService.class}, (proxy, method, args) -> {
                    try {
                        Object result = method.invoke(services.venues, args);
                        if (method.getName().equals("findVersioned")) {
                            services.venues.update(Caller.SYSTEM, "simhall-gotene", edited);
                        }
                        return result;
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
        Plugins racingPlugins = new Plugins(services.municipalities, services.organisations, racing,
                services.agreements, services.programmes, services.activities, services.ledger, null);

        PluginReport report = racingPlugins.apply(plugin("gotene", new Contribution(List.of(GOTENE), null,
                List.of(renamed), null, null, null)), "gotene", "1.1.0", false);
        assertEquals(edited, services.venues.get("simhall-gotene"));
        assertEquals(List.of("venue simhall-gotene: changed by the plugin, but edited through the API while the plugin "
                + "was applied; the API's edit is kept"), report.conflicts());
    }

    @Test
    void anUnchangedPluginLeavesAnApiEditAlone() {
        Venue edited = new Venue("simhall-gotene", "Simhallen (coordinator's name)", null, "1471", Set.of());
        SamverkanPlugin v1 = plugin("gotene", new Contribution(List.of(GOTENE), null, List.of(HALL), null, null, null));
        plugins.apply(v1, "gotene", "1.0.0", false);
        services.venues.update(Caller.SYSTEM, "simhall-gotene", edited);
        PluginReport again = plugins.apply(v1, "gotene", "1.0.0", false);
        assertEquals(edited, services.venues.get("simhall-gotene"));
        assertEquals(List.of(), again.conflicts());
    }

    @Test
    void aRecordDeletedThroughTheApiIsNotBroughtBackSilently() {
        SamverkanPlugin v1 = plugin("gotene", new Contribution(List.of(GOTENE), null, List.of(HALL), null, null, null));
        plugins.apply(v1, "gotene", "1.0.0", false);
        services.venues.delete(Caller.SYSTEM, "simhall-gotene");
        PluginReport again = plugins.apply(v1, "gotene", "1.0.0", false);
        assertTrue(services.venues.find("simhall-gotene").isEmpty());
        assertEquals(List.of("venue simhall-gotene: deleted through the API; not brought back"), again.conflicts());
        plugins.apply(v1, "gotene", "1.0.0", true);
        assertEquals(HALL, services.venues.get("simhall-gotene"));
    }

    @Test
    void aSharedOrganisationMergedByAnotherPluginIsNotMistakenForAnApiEdit() {
        Organisation renamed = new Organisation("sv", "Studieförbundet Vuxenskolan Västra Götaland",
                OrganisationKind.STUDY_ASSOCIATION, null, Set.of("1471"));
        plugins.apply(plugin("gotene", new Contribution(List.of(GOTENE), List.of(SV_GOTENE), null, null, null, null)),
                "gotene", "1", false);
        plugins.apply(plugin("askersund", new Contribution(List.of(ASKERSUND), List.of(SV_ASKERSUND), null, null, null,
                null)), "askersund", "1", false);
        PluginReport v2 = plugins.apply(plugin("gotene", new Contribution(List.of(GOTENE), List.of(renamed), null, null,
                null, null)), "gotene", "2", false);
        assertEquals(List.of(), v2.conflicts());
        Organisation stored = services.organisations.get("sv");
        assertEquals(renamed.name(), stored.name());
        assertEquals(Set.of("1471", "1882"), stored.municipalityCodes(), "Askersund's plugin's municipality stays");
    }

    @Test
    void applyingMakesThePluginsRecordsActiveAgain() {
        SamverkanPlugin v1 = plugin("gotene", new Contribution(List.of(GOTENE), null, List.of(HALL), null, null, null));
        plugins.apply(v1, "gotene", "1.0.0", false);
        services.ledger.setActive("gotene", false);
        assertTrue(services.ledger.inactive("venue", "simhall-gotene"));
        plugins.apply(v1, "gotene", "1.0.0", false);
        assertFalse(services.ledger.inactive("venue", "simhall-gotene"));
    }

    @Test
    void aRecordThePluginFoundThereIsNotItsToChangeOrToMakeInactive() {
        Venue coordinators = new Venue("simhall-gotene", "Simhallen (from the coordinator)", null, "1471", Set.of());
        Venue renamed = new Venue("simhall-gotene", "Götene simhall", "Parkgatan 2", "1471", Set.of());
        services.municipalities.create(Caller.SYSTEM, GOTENE);
        services.venues.create(Caller.SYSTEM, coordinators);
        plugins.apply(plugin("gotene", new Contribution(null, null, List.of(HALL), null, null, null)), "gotene", "1", false);
        PluginReport v2 = plugins.apply(plugin("gotene", new Contribution(null, null, List.of(renamed), null, null, null)),
                "gotene", "2", false);
        assertEquals(coordinators, services.venues.get("simhall-gotene"));
        assertEquals(List.of("venue simhall-gotene: changed by the plugin, but it was there before the plugin (made "
                + "through the API or by another plugin) and stays as it is"), v2.conflicts());
        services.ledger.setActive("gotene", false);
        assertFalse(services.ledger.inactive("venue", "simhall-gotene"), "the coordinator's venue stays active");
    }

    @Test
    void takingThePluginVersionSettlesOnlyConflicts() {
        SamverkanPlugin v1 = plugin("gotene", new Contribution(List.of(GOTENE), null, List.of(HALL), null, null, null));
        plugins.apply(v1, "gotene", "1", false);
        Municipality edited = new Municipality("1471", "Götene", "Västra Götalands län", "Skaraborg", true,
                List.of("ar", "so"), Map.of());
        services.municipalities.update(Caller.SYSTEM, "1471", edited);
        plugins.apply(v1, "gotene", "1", true);
        assertEquals(edited, services.municipalities.get("1471"), "the plugin did not change it: no conflict to settle");
    }

    @Test
    void reorderingAListIsAChangeButReorderingASetIsNot() {
        Municipality arFirst = new Municipality("1471", "Götene", "Västra Götalands län", null, true, List.of("ar", "so"), Map.of());
        Municipality soFirst = new Municipality("1471", "Götene", "Västra Götalands län", null, true, List.of("so", "ar"), Map.of());
        assertNotEquals(Fingerprints.of(arFirst), Fingerprints.of(soFirst));
        Organisation a = new Organisation("sv", "SV", OrganisationKind.STUDY_ASSOCIATION, null, new LinkedHashSet<>(List.of("1471", "1882")));
        Organisation b = new Organisation("sv", "SV", OrganisationKind.STUDY_ASSOCIATION, null, new LinkedHashSet<>(List.of("1882", "1471")));
        assertEquals(Fingerprints.of(a), Fingerprints.of(b));
    }

    @Test
    void whenOneOfTwoInstalledVersionsGoesTheOtherTakesOverInsteadOfMakingRecordsInactive() {
        SamverkanPlugin v1 = plugin("gotene", new Contribution(List.of(GOTENE), null, List.of(HALL), null, null, null));
        Venue renamed = new Venue("simhall-gotene", "Götene simhall", "Parkgatan 2", "1471", Set.of());
        SamverkanPlugin v2 = plugin("gotene", new Contribution(List.of(GOTENE), null, List.of(renamed), null, null, null));
        ServiceReference<SamverkanPlugin> old = reference("samverkan-municipality-gotene", "1.0.0");
        ServiceReference<SamverkanPlugin> newer = reference("samverkan-municipality-gotene", "1.1.0");
        plugins.addPlugin(v1, old);
        plugins.addPlugin(v2, newer);
        plugins.removePlugin(v1, old);
        assertEquals(renamed, services.venues.get("simhall-gotene"));
        assertFalse(services.ledger.inactive("venue", "simhall-gotene"));
        assertEquals("1.1.0", plugins.plugin("gotene").orElseThrow().version());
        plugins.removePlugin(v2, newer);
        assertTrue(services.ledger.inactive("venue", "simhall-gotene"));
        assertEquals(State.REMOVED, plugins.plugin("gotene").orElseThrow().state());
    }

    @Test
    void applyingAgainIsAnAdministratorsAndItsWritesAreAuditedUnderTheirName() {
        List<String> writers = new ArrayList<>();
        VenueService venues = (VenueService) Proxy.newProxyInstance(VenueService.class.getClassLoader(),
                new Class<?>[] {VenueService.class}, (proxy, method, args) -> {
                    if (method.getName().equals("create") || method.getName().equals("update")) {
                        writers.add(((Caller) args[0]).user());
                    }
                    try {
                        return method.invoke(services.venues, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
        Plugins withVenues = new Plugins(services.municipalities, services.organisations, venues, services.agreements,
                services.programmes, services.activities, services.ledger, null);
        ServiceReference<SamverkanPlugin> ref = reference("samverkan-municipality-gotene", "1.0.0");
        withVenues.addPlugin(plugin("gotene", new Contribution(List.of(GOTENE), null, List.of(HALL), null, null, null)),
                ref);
        assertEquals(List.of("system"), writers, "installed: written by the platform");

        Caller coordinator = Caller.fromRoleNames("bo", List.of("coordinator", "municipality:1471"));
        assertThrows(AccessDeniedException.class, () -> withVenues.reapply(coordinator, "gotene", true));
        services.venues.delete(Caller.SYSTEM, "simhall-gotene");
        PluginReport again = withVenues.reapply(Caller.fromRoleNames("anna", List.of("admin")), "gotene", true);
        assertEquals(new Counts(1, 0, 0), again.counts().get("venue"), "brought back, as the option says");
        assertEquals(List.of("system", "anna"), writers);
    }

    @SuppressWarnings("unchecked")
    private static ServiceReference<SamverkanPlugin> reference(String symbolicName, String version) {
        Bundle bundle = (Bundle) Proxy.newProxyInstance(Bundle.class.getClassLoader(), new Class<?>[]{Bundle.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "getSymbolicName" -> symbolicName;
                    case "getVersion" -> Version.parseVersion(version);
                    case "hashCode" -> System.identityHashCode(proxy);
                    case "equals" -> proxy == args[0];
                    default -> throw new UnsupportedOperationException(method.getName());
                });
        return (ServiceReference<SamverkanPlugin>) Proxy.newProxyInstance(ServiceReference.class.getClassLoader(),
                new Class<?>[]{ServiceReference.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "getBundle" -> bundle;
                    case "hashCode" -> System.identityHashCode(proxy);
                    case "equals" -> proxy == args[0];
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    private static SamverkanPlugin plugin(String name, Contribution contribution) {
        return new SamverkanPlugin() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public Contribution contribution() {
                return contribution;
            }
        };
    }
}
