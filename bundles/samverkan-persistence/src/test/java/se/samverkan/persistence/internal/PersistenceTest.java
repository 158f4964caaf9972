package se.samverkan.persistence.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import se.samverkan.api.model.AccessibilityFeature;
import se.samverkan.api.model.Activity;
import se.samverkan.api.model.ActivityCategory;
import se.samverkan.api.model.Agreement;
import se.samverkan.api.model.AgreementKind;
import se.samverkan.api.model.AgreementStatus;
import se.samverkan.api.model.FocusArea;
import se.samverkan.api.model.Municipality;
import se.samverkan.api.model.Occurrence;
import se.samverkan.api.model.OccurrenceStatus;
import se.samverkan.api.model.Organisation;
import se.samverkan.api.model.OrganisationKind;
import se.samverkan.api.model.OutcomeTarget;
import se.samverkan.api.model.Period;
import se.samverkan.api.model.Programme;
import se.samverkan.api.model.Venue;
import se.samverkan.api.plugin.ContributionLedger;
import se.samverkan.api.security.Caller;
import se.samverkan.api.service.AccessDeniedException;
import se.samverkan.api.service.ActivityQuery;
import se.samverkan.api.service.ConflictException;
import se.samverkan.api.service.EntityService;
import se.samverkan.api.service.NotFoundException;
import se.samverkan.api.service.ValidationException;

class PersistenceTest {

    private static final Caller ADMIN = Caller.SYSTEM;
    private static final Caller VANERSBORG = Caller.fromRoleNames("anna", List.of("coordinator", "municipality:1487"));

    private DerbyDatabase db;
    private SearchIndex index;
    private MunicipalityServiceImpl municipalities;
    private OrganisationServiceImpl organisations;
    private AgreementServiceImpl agreements;
    private ProgrammeServiceImpl programmes;
    private VenueServiceImpl venues;
    private ActivityServiceImpl activities;
    private Contributions contributions;

    @BeforeEach
    void setUp() throws Exception {
        RecordServices stores = new RecordServices();
        db = stores.db;
        index = stores.index;
        contributions = stores.contributions;
        municipalities = stores.municipalities;
        organisations = stores.organisations;
        agreements = stores.agreements;
        programmes = stores.programmes;
        venues = stores.venues;
        activities = stores.activities;
        municipalities.create(ADMIN, new Municipality("1487", "Vänersborg", "Västra Götalands län", "Fyrbodal", true));
        municipalities.create(ADMIN, new Municipality("1488", "Trollhättan", "Västra Götalands län", "Fyrbodal", true));
        organisations.create(ADMIN, new Organisation("support-group-network", "Support Group Network",
                OrganisationKind.ASSOCIATION, "802002-8711", Set.of("1487", "1488")));
        venues.create(ADMIN, new Venue("ikc-vanersborg", "Interkulturellt Center Vänersborg", null, "1487",
                Set.of(AccessibilityFeature.HEARING_LOOP, AccessibilityFeature.WHEELCHAIR_ACCESS)));
    }

    @AfterEach
    void tearDown() {
        db.close();
    }

    @Test
    void migrationsAreRecordedAndRunOnlyOnce() throws Exception {
        assertEquals(10, Migrations.migrate(db.dataSource, "records", Schema.class, Schema.SCRIPTS, Map.of()));
        try (Connection c = db.dataSource.getConnection(); ResultSet rs = c.createStatement().executeQuery(
                "SELECT COUNT(*) FROM schema_migration WHERE owner = 'records'")) {
            rs.next();
            assertEquals(Schema.SCRIPTS.size(), rs.getInt(1));
        }
        assertEquals("support-group-network", organisations.get("support-group-network").id());
    }

    @Test
    void statementsSplitAtLineEndSemicolons() {
        assertEquals(List.of("CREATE TABLE a (x INT)", "CREATE INDEX b ON a (x)"),
                Migrations.statements("-- comment\nCREATE TABLE a (x INT);\n\nCREATE INDEX b ON a (x);\n"));
    }

    @Test
    void activityRoundTripKeepsAllFieldsAndStockholmTime() {
        Activity created = activities.create(ADMIN, RecordServices.swimming("simkurs", "1487", "2026-12-01T18:00:00+01:00"));
        Activity read = activities.get("simkurs");
        assertEquals(created, read);
        assertEquals(Map.of("sv", "Simkurs för kvinnor", "ar", "دورة سباحة للنساء"), read.title());
        assertEquals(OffsetDateTime.parse("2026-12-01T18:00:00+01:00"), read.occurrences().get(0).start());
        assertEquals(List.of("support-group-network"), read.organiserIds());
    }

    @Test
    void summerTimesComeBackWithSummerOffset() {
        activities.create(ADMIN, RecordServices.swimming("sommar", "1487", "2026-06-01T16:00:00Z"));
        assertEquals(OffsetDateTime.parse("2026-06-01T18:00:00+02:00"),
                activities.get("sommar").occurrences().get(0).start());
    }

    @Test
    void updateKeepsOccurrenceIdsAndReplacesCollections() {
        Activity created = activities.create(ADMIN, RecordServices.swimming("simkurs", "1487", "2026-12-01T18:00:00+01:00"));
        Occurrence first = created.occurrences().get(0);
        Occurrence cancelled = new Occurrence(first.id(), first.start(), first.end(), OccurrenceStatus.CANCELLED);
        Occurrence added = new Occurrence(null, first.start().plusWeeks(1), first.end().plusWeeks(1), null);
        Activity changed = new Activity("simkurs", Map.of("sv", "Simkurs"), Map.of(), ActivityCategory.SWIMMING,
                FocusArea.HEALTH, Set.of(), Set.of("sv"), "1487", List.of("support-group-network"), null, null,
                null, 10, BigDecimal.ZERO, List.of(cancelled, added));
        Activity updated = activities.update(ADMIN, "simkurs", changed);
        assertEquals(2, updated.occurrences().size());
        assertEquals(first.id(), updated.occurrences().get(0).id());
        assertEquals(OccurrenceStatus.CANCELLED, updated.occurrences().get(0).status());
        assertEquals(Map.of("sv", "Simkurs"), activities.get("simkurs").title());
    }

    @Test
    void searchFiltersCombine() {
        activities.create(ADMIN, RecordServices.swimming("a-simkurs", "1487", "2026-12-01T18:00:00+01:00"));
        activities.create(ADMIN, RecordServices.swimming("b-simkurs-trollhattan", "1488", "2026-12-08T18:00:00+01:00"));
        assertEquals(List.of("a-simkurs", "b-simkurs-trollhattan"), ids(query(null, null, null, null, null)));
        assertEquals(List.of("a-simkurs"), ids(query("1487", null, null, null, null)));
        assertEquals(List.of("a-simkurs"), ids(query(null, "ar", AccessibilityFeature.HEARING_LOOP, null, null)));
        assertEquals(List.of(), ids(query(null, "en", null, null, null)));
        assertEquals(List.of("b-simkurs-trollhattan"),
                ids(query(null, null, null, LocalDate.parse("2026-12-08"), LocalDate.parse("2026-12-08"))));
        assertEquals(List.of("a-simkurs", "b-simkurs-trollhattan"), ids(text("SIMKURS kvin")));
        assertEquals(List.of("a-simkurs", "b-simkurs-trollhattan"), ids(text("سباحة")));
        assertEquals(List.of(), ids(text("cykel")));
        assertEquals(List.of(), ids(text("50%")));
        assertEquals(List.of("a-simkurs"), ids(new ActivityQuery("1487", ActivityCategory.SWIMMING, FocusArea.HEALTH,
                "sv", null, null, null, "simkurs", 0, 20)));
        assertEquals(List.of(), ids(new ActivityQuery("1487", ActivityCategory.CYCLING, null, null, null, null, null,
                "simkurs", 0, 20)));
        assertEquals(List.of(), ids(new ActivityQuery("1471", null, null, null, null, null, null, null, 0, 20)));
    }

    @Test
    void anIndexBuiltFromTheDatabaseFindsWhatTheLiveIndexFinds() throws Exception {
        activities.create(ADMIN, RecordServices.swimming("a-simkurs", "1487", "2026-12-01T18:00:00+01:00"));
        activities.create(ADMIN, RecordServices.swimming("b-simkurs-trollhattan", "1488", "2026-12-08T18:00:00+01:00"));
        activities.delete(ADMIN, "a-simkurs");
        activities.create(ADMIN, RecordServices.swimming("c-simkurs", "1487", "2026-12-15T18:00:00+01:00"));
        venues.update(ADMIN, "ikc-vanersborg", new Venue("ikc-vanersborg", "IKC", null, "1487", Set.of()));
        SearchIndex rebuilt = rebuiltIndex();
        for (ActivityQuery q : List.of(query(null, null, null, null, null), query(null, "ar", null, null, null),
                query(null, null, AccessibilityFeature.HEARING_LOOP, null, null), text("kvinnor"),
                query(null, null, null, LocalDate.parse("2026-12-15"), LocalDate.parse("2026-12-15")))) {
            assertEquals(index.search(q), rebuilt.search(q), q.toString());
        }
        assertEquals(List.of("b-simkurs-trollhattan", "c-simkurs"), rebuilt.search(text("simkurs")));
        assertEquals(List.of(), rebuilt.search(query(null, null, AccessibilityFeature.HEARING_LOOP, null, null)));
    }

    @Test
    void anActivityWhoseOccurrencesAreAllCancelledIsStillFoundByDateWithThemCancelled() throws Exception {
        Activity a = activities.create(ADMIN, RecordServices.swimming("simkurs", "1487", "2026-12-01T18:00:00+01:00"));
        Occurrence o = a.occurrences().get(0);
        activities.update(ADMIN, "simkurs", new Activity("simkurs", a.title(), a.description(), a.category(),
                a.focusArea(), a.targetGroups(), a.languages(), a.municipalityCode(), a.organiserIds(), null, null,
                a.venueId(), a.capacity(), a.costSek(),
                List.of(new Occurrence(o.id(), o.start(), o.end(), OccurrenceStatus.CANCELLED))));
        LocalDate day = LocalDate.parse("2026-12-01");
        ActivityQuery thatDay = query(null, null, null, day, day);
        assertEquals(List.of("simkurs"), ids(thatDay), "subscribers and searchers must learn of the cancellation");
        assertEquals(OccurrenceStatus.CANCELLED, activities.search(thatDay).items().get(0).occurrences().get(0).status());
        assertEquals(List.of("simkurs"), rebuiltIndex().search(thatDay), "and after a restart");
        assertEquals(List.of(), ids(query(null, null, null, day.plusDays(1), day.plusDays(1))));
    }

    @Test
    void occurrencesSentWithoutIdsKeepTheIdsOfTheStoredOnesAtTheSameStart() {
        // As a calendar feed sends them: never with ids. Only the moved occurrence gets a new one.
        Activity first = activities.create(ADMIN, RecordServices.swimming("simkurs", "1487", "2026-12-01T18:00:00+01:00"));
        Occurrence o = first.occurrences().get(0);
        Occurrence next = new Occurrence(null, o.start().plusWeeks(1), o.end().plusWeeks(1), null);
        Activity two = activities.update(ADMIN, "simkurs", withOccurrences(first, List.of(
                new Occurrence(null, o.start(), o.end(), null), next)));
        List<Long> ids = two.occurrences().stream().map(Occurrence::id).toList();
        assertEquals(o.id(), ids.get(0));

        Activity again = activities.update(ADMIN, "simkurs", withOccurrences(first, List.of(
                new Occurrence(null, o.start(), o.end(), OccurrenceStatus.CANCELLED),
                new Occurrence(null, next.start().plusHours(1), next.end().plusHours(1), null))));
        assertEquals(ids.get(0), again.occurrences().get(0).id(), "same start, same occurrence, though cancelled now");
        assertEquals(ids.get(1) + 1, again.occurrences().get(1).id(), "a moved occurrence is a new one");
    }

    private static Activity withOccurrences(Activity a, List<Occurrence> occurrences) {
        return new Activity(a.id(), a.title(), a.description(), a.category(), a.focusArea(), a.targetGroups(),
                a.languages(), a.municipalityCode(), a.organiserIds(), null, null, a.venueId(), a.capacity(),
                a.costSek(), occurrences);
    }

    @Test
    void searchPagesAndHidesInactiveMunicipalities() {
        for (int i = 0; i < 5; i++) {
            activities.create(ADMIN, RecordServices.swimming("s" + i, i < 3 ? "1487" : "1488", "2026-12-01T18:00:00+01:00"));
        }
        var page = activities.search(new ActivityQuery(null, null, null, null, null, null, null, null, 2, 2));
        assertEquals(List.of("s2", "s3"), page.items().stream().map(Activity::id).toList());
        assertTrue(page.hasMore());
        municipalities.update(ADMIN, "1488", new Municipality("1488", "Trollhättan", "Västra Götalands län", null, false));
        page = activities.search(new ActivityQuery(null, null, null, null, null, null, null, null, 0, 10));
        assertEquals(List.of("s0", "s1", "s2"), page.items().stream().map(Activity::id).toList());
        assertFalse(page.hasMore());
    }

    @Test
    void municipalityLanguagesKeepTheirOrderAndSettingsRoundTrip() {
        Municipality gotene = new Municipality("1471", "Götene", "Västra Götalands län", "Skaraborg", true,
                List.of("ar", "so", "ti", "fa"), Map.of("calendar.feeds", "gotene-kultur", "mail.from", "info@gotene.se"));
        municipalities.create(ADMIN, gotene);
        assertEquals(gotene, new MunicipalityServiceImpl(db, contributions, index).get("1471"));
        Municipality changed = new Municipality("1471", "Götene", "Västra Götalands län", "Skaraborg", true,
                List.of("so", "ar"), Map.of("mail.from", "integration@gotene.se"));
        assertEquals(changed, municipalities.update(ADMIN, "1471", changed));
        ValidationException e = assertThrows(ValidationException.class, () -> municipalities.update(ADMIN, "1471",
                new Municipality("1471", "Götene", "Västra Götalands län", null, true, List.of("Arabic"), Map.of("Mail", "x"))));
        assertTrue(e.getMessage().contains("languages[0]") && e.getMessage().contains("settings.Mail"), e.getMessage());
    }

    @Test
    void recordsOfAnInactivePluginAreKeptButHiddenAndRefusedForWrites() throws Exception {
        activities.create(ADMIN, RecordServices.swimming("simkurs", "1487", "2026-12-01T18:00:00+01:00"));
        activities.create(ADMIN, RecordServices.swimming("egen", "1488", "2026-12-01T18:00:00+01:00"));
        contributions.record("gotene", "activity", "simkurs", new ContributionLedger.Applied("c1", "s1", true));
        contributions.record("gotene", "venue", "ikc-vanersborg", new ContributionLedger.Applied("c2", "s2", true));
        contributions.record("other", "venue", "ikc-vanersborg", new ContributionLedger.Applied("c2", "s2", true));
        assertEquals(Map.of("activity", Map.of("simkurs", new ContributionLedger.Applied("c1", "s1", true)),
                "venue", Map.of("ikc-vanersborg", new ContributionLedger.Applied("c2", "s2", true))), contributions.applied("gotene"));

        contributions.setActive("gotene", false);
        assertTrue(contributions.inactive("activity", "simkurs"));
        assertFalse(contributions.inactive("venue", "ikc-vanersborg"), "another active plugin still brings it");
        assertEquals(List.of("egen"), ids(query(null, null, null, null, null)));
        assertEquals(List.of("egen"), activities.list().stream().map(Activity::id).toList());
        assertEquals("simkurs", activities.get("simkurs").id(), "kept and readable by id");
        ConflictException e = assertThrows(ConflictException.class,
                () -> activities.update(ADMIN, "simkurs", RecordServices.swimming("simkurs", "1487", "2026-12-02T18:00:00+01:00")));
        assertEquals("the activity 'simkurs' is inactive: the plugin that brought it is not installed", e.getMessage());
        assertThrows(ConflictException.class, () -> activities.delete(ADMIN, "simkurs"));

        contributions.setActive("other", false);
        ValidationException refused = assertThrows(ValidationException.class,
                () -> activities.create(ADMIN, RecordServices.swimming("ny", "1487", "2026-12-01T18:00:00+01:00")));
        assertTrue(refused.getMessage().contains("venueId: the venue 'ikc-vanersborg' is inactive"), refused.getMessage());

        assertTrue(new Contributions(db.schema, new SearchIndex(db.schema)).inactive("venue", "ikc-vanersborg"),
                "the ledger outlives a restart");

        contributions.setActive("gotene", true);
        assertEquals(List.of("egen", "simkurs"), ids(query(null, null, null, null, null)));
        assertFalse(contributions.inactive("venue", "ikc-vanersborg"));
    }

    @Test
    void restampMovesOnlyPluginsThatHadSeenTheRecordUnedited() {
        contributions.record("a", "organisation", "sgn", new ContributionLedger.Applied("ca", "s1", true));
        contributions.record("b", "organisation", "sgn", new ContributionLedger.Applied("cb", "edited", false));
        contributions.restamp("organisation", "sgn", "s1", "s2");
        assertEquals("s2", contributions.applied("a").get("organisation").get("sgn").stored());
        assertEquals("edited", contributions.applied("b").get("organisation").get("sgn").stored());
    }

    @Test
    void searchFiltersByOrganiserAndTheRebuiltIndexDoesToo() throws Exception {
        organisations.create(ADMIN, new Organisation("abf", "ABF Fyrbodal", OrganisationKind.STUDY_ASSOCIATION, null,
                Set.of("1487")));
        activities.create(ADMIN, RecordServices.swimming("sgn-simkurs", "1487", "2026-12-01T18:00:00+01:00"));
        Activity abf = RecordServices.swimming("abf-simkurs", "1487", "2026-12-01T18:00:00+01:00");
        activities.create(ADMIN, new Activity(abf.id(), abf.title(), abf.description(), abf.category(), abf.focusArea(),
                abf.targetGroups(), abf.languages(), abf.municipalityCode(), List.of("abf"), null, null, abf.venueId(),
                abf.capacity(), abf.costSek(), abf.occurrences()));
        ActivityQuery byAbf = new ActivityQuery(null, null, null, null, null, null, null, null, 0, 20, "abf");
        assertEquals(List.of("abf-simkurs"), ids(byAbf));
        assertEquals(List.of("abf-simkurs"), rebuiltIndex().search(byAbf), "loaded from the database");
    }

    @Test
    void coordinatorCannotWriteAnotherMunicipalitysData() {
        activities.create(VANERSBORG, RecordServices.swimming("egen", "1487", "2026-12-01T18:00:00+01:00"));
        AccessDeniedException e = assertThrows(AccessDeniedException.class,
                () -> activities.create(VANERSBORG, RecordServices.swimming("annan", "1488", "2026-12-01T18:00:00+01:00")));
        assertTrue(e.getMessage().contains("coordinator for municipality 1487"), e.getMessage());
        assertTrue(activities.find("annan").isEmpty());
        assertThrows(AccessDeniedException.class, () -> municipalities.delete(VANERSBORG, "1488"));
    }

    @Test
    void badReferencesAreNamedAndNothingIsWritten() {
        Activity bad = new Activity("trasig", Map.of("sv", "Trasig"), Map.of(), ActivityCategory.OTHER,
                FocusArea.SOCIAL, Set.of(), Set.of(), "1487", List.of("finns-inte"), null, null, "ingen-lokal",
                null, null, List.of());
        ValidationException e = assertThrows(ValidationException.class, () -> activities.create(ADMIN, bad));
        assertEquals("organiserIds: no organisation with id 'finns-inte'; venueId: no venue with id 'ingen-lokal'", e.getMessage());
        assertTrue(activities.find("trasig").isEmpty());
        assertEquals(0, activities.count());
    }

    @Test
    void saveAllWritesWhatPassesAndReportsEachRefusedRecord() throws Exception {
        activities.create(ADMIN, RecordServices.swimming("finns", "1487", "2026-12-01T18:00:00+01:00"));
        Activity moved = RecordServices.swimming("finns", "1487", "2026-12-08T18:00:00+01:00");
        Activity noOrganiser = new Activity("trasig", Map.of("sv", "Trasig"), Map.of(), ActivityCategory.OTHER,
                FocusArea.SOCIAL, Set.of(), Set.of(), "1487", List.of("finns-inte"), null, null, null, null, null,
                List.of());
        List<EntityService.Saved<Activity>> saved = activities.saveAll(VANERSBORG, List.of(
                RecordServices.swimming("ny", "1487", "2026-12-02T18:00:00+01:00"), moved,
                RecordServices.swimming("annan", "1488", "2026-12-03T18:00:00+01:00"), noOrganiser));

        assertEquals(List.of("ny", "finns", "annan", "trasig"), saved.stream().map(EntityService.Saved::id).toList());
        assertTrue(saved.get(0).created());
        assertFalse(saved.get(1).created());
        assertEquals(moved.occurrences().get(0).start(), saved.get(1).saved().occurrences().get(0).start());
        assertInstanceOf(AccessDeniedException.class, saved.get(2).error());
        assertInstanceOf(ValidationException.class, saved.get(3).error());
        assertEquals(List.of("finns", "ny"), activities.list().stream().map(Activity::id).toList());
        assertEquals(List.of("ny"), ids(new ActivityQuery(null, null, null, null, null, LocalDate.parse("2026-12-02"),
                LocalDate.parse("2026-12-02"), null, 0, 20)), "the index has what the batch wrote");
        try (Connection c = db.dataSource.getConnection(); ResultSet rs = c.createStatement().executeQuery(
                "SELECT record_id, operation FROM audit_log WHERE kind = 'activity' AND actor = 'anna' ORDER BY id")) {
            assertTrue(rs.next());
            assertEquals("ny CREATE", rs.getString(1) + " " + rs.getString(2));
            assertTrue(rs.next());
            assertEquals("finns UPDATE", rs.getString(1) + " " + rs.getString(2));
            assertFalse(rs.next(), "refused records leave no audit row");
        }
    }

    @Test
    void aBatchTheDatabaseRefusesIsWrittenRecordByRecordSoOnlyTheBadOneFails() {
        List<EntityService.Saved<Organisation>> saved = organisations.saveAll(ADMIN, List.of(
                new Organisation("abf", "ABF", OrganisationKind.STUDY_ASSOCIATION, "802480-0008", Set.of("1487")),
                new Organisation("dubblett", "Dubblett", OrganisationKind.ASSOCIATION, "802002-8711", Set.of("1487")),
                new Organisation("sv", "SV", OrganisationKind.STUDY_ASSOCIATION, "802481-1112", Set.of("1488"))));
        assertNull(saved.get(0).error());
        assertInstanceOf(ConflictException.class, saved.get(1).error(), "organisation number taken");
        assertNull(saved.get(2).error());
        assertEquals(List.of("abf", "support-group-network", "sv"),
                organisations.list().stream().map(Organisation::id).toList());
    }

    @Test
    void aValueTheColumnsCannotHoldRefusesItsRecordOnlyAsInvalid() {
        // A cost of 10^20 kronor passes validation but overflows DECIMAL(15, 2).
        Activity huge = RecordServices.swimming("dyr", "1487", "2026-12-02T18:00:00+01:00");
        huge = new Activity(huge.id(), huge.title(), huge.description(), huge.category(), huge.focusArea(),
                huge.targetGroups(), huge.languages(), huge.municipalityCode(), huge.organiserIds(), null, null, null,
                huge.capacity(), new java.math.BigDecimal("1E20"), huge.occurrences());
        List<EntityService.Saved<Activity>> saved = activities.saveAll(ADMIN, List.of(
                RecordServices.swimming("forst", "1487", "2026-12-01T18:00:00+01:00"), huge,
                RecordServices.swimming("sist", "1487", "2026-12-03T18:00:00+01:00")));
        assertNull(saved.get(0).error());
        ValidationException refused = assertInstanceOf(ValidationException.class, saved.get(1).error());
        assertTrue(refused.getMessage().contains("'dyr' has a value the database cannot store"), refused.getMessage());
        assertNull(saved.get(2).error());
        assertEquals(List.of("forst", "sist"), activities.list().stream().map(Activity::id).toList());
    }

    @Test
    void newActivitiesTheDatabaseAlreadyHasAreUpdatedNotDuplicated() throws Exception {
        // The batch trusts the search index that these ids are new; the primary key corrects it.
        try (Connection c = db.dataSource.getConnection()) {
            c.createStatement().execute("INSERT INTO activity (id, category, focus_area, municipality_code) "
                    + "VALUES ('utanfor-index', 'OTHER', 'SOCIAL', '1487')");
        }
        Activity twiceFirst = RecordServices.swimming("tva-ganger", "1487", "2026-12-01T18:00:00+01:00");
        Activity twiceLast = RecordServices.swimming("tva-ganger", "1487", "2026-12-08T18:00:00+01:00");

        List<EntityService.Saved<Activity>> saved = activities.saveAll(ADMIN, List.of(twiceFirst,
                RecordServices.swimming("utanfor-index", "1487", "2026-12-02T18:00:00+01:00"), twiceLast));

        assertEquals(List.of(true, false, false), saved.stream().map(EntityService.Saved::created).toList());
        assertEquals(List.of(), saved.stream().filter(o -> o.error() != null).toList());
        assertEquals(twiceLast.occurrences().get(0).start(), activities.get("tva-ganger").occurrences().get(0).start());
        assertEquals(Map.of("sv", "Simkurs för kvinnor", "ar", "دورة سباحة للنساء"), activities.get("utanfor-index").title());
        assertEquals(2, activities.count());
    }

    @Test
    void aSaveAllOfManyBatchesIsSearchableWholeWhenItReturnsAndTheLastVersionWins() {
        // The search index takes each batch on another thread while the next one is written (two batches here).
        List<Activity> records = new java.util.ArrayList<>();
        for (int i = 0; i < 600; i++) {
            records.add(RecordServices.swimming(String.format("sim-%03d", i), "1487", "2026-12-01T18:00:00+01:00"));
        }
        records.set(599, RecordServices.swimming("sim-000", "1487", "2027-01-05T18:00:00+01:00"));
        // Slow hooks: an index that saveAll did not wait for would be seen below.
        ActivityServiceImpl slowIndex = new ActivityServiceImpl(db, contributions, index, new RecordHooks()) {
            @Override
            protected void committedAll(List<EntityService.Saved<Activity>> written) {
                try {
                    Thread.sleep(300);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                super.committedAll(written);
            }
        };

        List<EntityService.Saved<Activity>> saved = slowIndex.saveAll(ADMIN, records);

        assertEquals(List.of(), saved.stream().filter(o -> o.error() != null).toList());
        assertEquals(599, activities.count());
        assertTrue(records.stream().allMatch(r -> index.holds(r.id())), "the index has every activity on return");
        assertEquals(List.of("sim-000"), ids(query(null, null, null, LocalDate.parse("2027-01-05"),
                LocalDate.parse("2027-01-05"))), "the later version of an activity saved twice is indexed");
        assertEquals(List.of("sim-001"), ids(new ActivityQuery(null, null, null, null, null,
                LocalDate.parse("2026-12-01"), LocalDate.parse("2026-12-01"), null, 0, 1)));
        assertEquals(OffsetDateTime.parse("2027-01-05T18:00:00+01:00"),
                activities.get("sim-000").occurrences().get(0).start());
    }

    @Test
    void idsByPrefixAreOrderedBoundedAndTakeWildcardsLiterally() {
        for (String id : List.of("simkurs-b", "simkurs-a", "cykel")) {
            activities.create(ADMIN, RecordServices.swimming(id, "1487", "2026-12-01T18:00:00+01:00"));
        }
        assertEquals(List.of("simkurs-a", "simkurs-b"), activities.ids("simk", 10));
        assertEquals(List.of(), activities.ids("sim_", 10), "_ is a character, not a wildcard");
        assertEquals(List.of(), activities.ids("%", 10), "% is a character, not a wildcard");
        assertEquals(List.of("cykel"), activities.ids("", 1));
        assertEquals(List.of("1487", "1488"), municipalities.ids("14", 10));
    }

    @Test
    void agreementStatusMovesOnlyForward() {
        Agreement draft = new Agreement("iop-ikc", "IOP IKC", AgreementKind.IOP, Set.of("support-group-network"),
                Set.of("1488"), "Interkulturellt center", new Period(LocalDate.parse("2020-12-01"), null),
                null, null, AgreementStatus.ACTIVE);
        agreements.create(ADMIN, draft);
        Agreement back = new Agreement("iop-ikc", "IOP IKC", AgreementKind.IOP, Set.of("support-group-network"),
                Set.of("1488"), "Interkulturellt center", draft.period(), null, null, AgreementStatus.DRAFT);
        ValidationException e = assertThrows(ValidationException.class, () -> agreements.update(ADMIN, "iop-ikc", back));
        assertEquals("status: an agreement cannot go from ACTIVE to DRAFT; allowed: [ENDED]", e.getMessage());
        assertEquals(AgreementStatus.ACTIVE, agreements.get("iop-ikc").status());
    }

    @Test
    void programmeTargetsRoundTrip() {
        Programme p = new Programme("esf-integration", "Integrationsarbete och kommunal samverkan",
                "support-group-network", null, Set.of("1487", "1488"),
                new Period(LocalDate.parse("2009-05-04"), LocalDate.parse("2012-08-31")), new BigDecimal("11061548.00"),
                List.of(new OutcomeTarget(OutcomeTarget.Outcome.INTO_WORK, new BigDecimal("20.00")),
                        new OutcomeTarget(OutcomeTarget.Outcome.ON_SOCIAL_ASSISTANCE, new BigDecimal("-50.00"))));
        programmes.create(ADMIN, p);
        assertEquals(p, programmes.get("esf-integration"));
        Programme withoutTargets = new Programme("helhetslyftet", "Helhetslyftet", null, null, Set.of("1488"),
                null, null, List.of());
        programmes.create(ADMIN, withoutTargets);
        assertEquals(List.of(), programmes.get("helhetslyftet").targets());
        assertEquals(2, programmes.list().size());
    }

    @Test
    void duplicatesDeletesAndUnknownIdsAreClearErrors() {
        assertThrows(ConflictException.class, () -> venues.create(ADMIN,
                new Venue("ikc-vanersborg", "Dubblett", null, "1487", Set.of())));
        activities.create(ADMIN, RecordServices.swimming("simkurs", "1487", "2026-12-01T18:00:00+01:00"));
        assertThrows(ConflictException.class, () -> organisations.delete(ADMIN, "support-group-network"));
        assertTrue(organisations.find("support-group-network").isPresent());
        NotFoundException e = assertThrows(NotFoundException.class, () -> venues.delete(ADMIN, "saknas"));
        assertEquals("No venue with id 'saknas'", e.getMessage());
        activities.delete(ADMIN, "simkurs");
        assertTrue(activities.find("simkurs").isEmpty());
    }

    @Test
    void everyWriteIsAudited() throws Exception {
        activities.create(VANERSBORG, RecordServices.swimming("simkurs", "1487", "2026-12-01T18:00:00+01:00"));
        activities.delete(VANERSBORG, "simkurs");
        try (Connection c = db.dataSource.getConnection(); ResultSet rs = c.createStatement().executeQuery(
                "SELECT actor, operation FROM audit_log WHERE kind = 'activity' ORDER BY id")) {
            assertTrue(rs.next());
            assertEquals("anna CREATE", rs.getString(1) + " " + rs.getString(2));
            assertTrue(rs.next());
            assertEquals("anna DELETE", rs.getString(1) + " " + rs.getString(2));
        }
    }

    @Test
    void statusCountsRecords() {
        var status = new StatusServiceImpl(db.schema).database();
        assertTrue(status.product().startsWith("Apache Derby"), status.product());
        assertEquals(10, status.schemaVersion(), "the highest script any owner has run: here the records' V10");
        assertEquals(2L, status.counts().get("municipality"));
        assertEquals(1L, status.counts().get("venue"));
    }

    /** The index as a restart builds it: read from the database by a starting activity service. */
    private SearchIndex rebuiltIndex() throws Exception {
        SearchIndex rebuilt = new SearchIndex(db.schema);
        new ActivityServiceImpl(db, contributions, rebuilt, new RecordHooks());
        return rebuilt;
    }

    private List<String> ids(ActivityQuery q) {
        return activities.search(q).items().stream().map(Activity::id).toList();
    }

    private static ActivityQuery query(String municipality, String language, AccessibilityFeature feature,
                                       LocalDate from, LocalDate to) {
        return new ActivityQuery(municipality, null, null, language, feature, from, to, null, 0, 20);
    }

    private static ActivityQuery text(String text) {
        return new ActivityQuery(null, null, null, null, null, null, null, text, 0, 20);
    }
}
