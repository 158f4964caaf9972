package se.samverkan.persistence.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
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
import se.samverkan.api.model.Period;
import se.samverkan.api.model.Programme;
import se.samverkan.api.model.Venue;
import se.samverkan.api.security.Caller;
import se.samverkan.api.service.ActivityQuery;
import se.samverkan.api.service.EntityService.Saved;
import se.samverkan.api.service.EntityService.Versioned;

/**
 * Activities have one mapping, {@link ActivityEntity}, for writing, reading and the search index's load at start:
 * every field of an activity comes back from the database after a create, an update, a batch and a fresh load of
 * the search index, and every column of the activity tables is written.
 */
class ActivityMappingTest {

    private static final Caller ADMIN = Caller.SYSTEM;
    private static final List<String> TABLES = List.of("activity", "activity_title", "activity_description",
            "activity_language", "activity_target_group", "activity_organiser");

    private RecordServices stores;
    private ActivityServiceImpl activities;

    @BeforeEach
    void setUp() throws Exception {
        stores = new RecordServices();
        activities = stores.activities;
        stores.municipalities.create(ADMIN, new Municipality("1487", "Vänersborg", "Västra Götalands län", null, true));
        stores.municipalities.create(ADMIN, new Municipality("1488", "Trollhättan", "Västra Götalands län", null, true));
        for (String id : List.of("support-group-network", "abf")) {
            stores.organisations.create(ADMIN, new Organisation(id, id.toUpperCase(), OrganisationKind.ASSOCIATION,
                    null, Set.of("1487", "1488")));
        }
        stores.venues.create(ADMIN, new Venue("ikc", "IKC", null, "1487", Set.of(AccessibilityFeature.HEARING_LOOP)));
        stores.venues.create(ADMIN, new Venue("folkets-hus", "Folkets hus", null, "1488",
                Set.of(AccessibilityFeature.WHEELCHAIR_ACCESS)));
        for (String id : List.of("iop-ikc", "iop-folkets-hus")) {
            stores.agreements.create(ADMIN, new Agreement(id, id, AgreementKind.IOP, Set.of("abf"), Set.of("1487"),
                    null, new Period(LocalDate.parse("2026-01-01"), null), null, null, AgreementStatus.ACTIVE));
        }
        for (String id : List.of("helhetslyftet", "esf")) {
            stores.programmes.create(ADMIN, new Programme(id, id, null, null, Set.of("1487"), null, null, List.of()));
        }
    }

    @AfterEach
    void tearDown() {
        stores.close();
    }

    @Test
    void everyFieldComesBackFromTheDatabaseAfterACreateAndAnUpdate() throws Exception {
        Activity full = full();
        assertEveryFieldSet(full);
        Activity created = activities.create(ADMIN, full);
        assertEquals(withOccurrenceIds(full, 1, 2), created, "the saved record is what was sent, occurrences numbered");
        assertEquals(new Versioned<>(created, 1), reread().findVersioned("kurs").orElseThrow());

        Activity changed = changed(created);
        assertEveryFieldSet(changed);
        Versioned<Activity> updated = activities.update(ADMIN, "kurs", changed, 1);
        assertEquals(new Versioned<>(withOccurrenceIds(changed, 1, 3), 2L), updated);
        assertEquals(updated, reread().findVersioned("kurs").orElseThrow());
        assertEquals(List.of(updated.record()), reread().list());
    }

    @Test
    void everyColumnOfTheActivityTablesIsWritten() throws Exception {
        activities.create(ADMIN, full());
        try (Connection c = stores.db.dataSource.getConnection()) {
            for (String table : TABLES) {
                String key = table.equals("activity") ? "id" : "activity_id";
                try (PreparedStatement p = c.prepareStatement("SELECT * FROM " + table + " WHERE " + key + " = ?")) {
                    p.setString(1, "kurs");
                    try (ResultSet rs = p.executeQuery()) {
                        ResultSetMetaData columns = rs.getMetaData();
                        assertTrue(rs.next(), table + " has the activity's rows");
                        do {
                            for (int i = 1; i <= columns.getColumnCount(); i++) {
                                assertNotNull(rs.getObject(i), table + "." + columns.getColumnName(i) + " is written");
                            }
                        } while (rs.next());
                    }
                }
            }
        }
    }

    @Test
    void aSearchIndexLoadedFromTheDatabaseFindsTheActivityByEveryFilter() throws Exception {
        activities.create(ADMIN, full());
        Activity changed = changed(activities.get("kurs"));
        activities.update(ADMIN, "kurs", changed);
        SearchIndex loaded = new SearchIndex(stores.db.schema);
        evictCache();
        new ActivityServiceImpl(stores.db, stores.contributions, loaded, stores.hooks);

        List<ActivityQuery> finding = new ArrayList<>(List.of(query("1488", null, null, null, null, null, null),
                query(null, ActivityCategory.CYCLING, null, null, null, null, null),
                query(null, null, FocusArea.WORK, null, null, null, null),
                query(null, null, null, null, AccessibilityFeature.WHEELCHAIR_ACCESS, null, null)));
        changed.languages().forEach(lang -> finding.add(query(null, null, null, lang, null, null, null)));
        changed.organiserIds().forEach(org -> finding.add(query(null, null, null, null, null, null, org)));
        changed.occurrences().forEach(o -> finding.add(query(null, null, null, null, null,
                o.start().toLocalDate(), null)));
        words(changed.title().values()).forEach(word -> finding.add(text(word)));
        words(changed.description().values()).forEach(word -> finding.add(text(word)));
        for (ActivityQuery q : finding) {
            assertEquals(List.of("kurs"), loaded.search(q), "loaded: " + q);
            assertEquals(List.of("kurs"), stores.index.search(q), "live: " + q);
        }
        // What the update replaced is no longer found in the loaded index.
        for (ActivityQuery q : List.of(query("1487", null, null, null, null, null, null),
                query(null, null, null, "ar", null, null, null), text("simkurs"), text("سباحة"),
                query(null, null, null, null, AccessibilityFeature.HEARING_LOOP, null, null))) {
            assertEquals(List.of(), loaded.search(q), "loaded: " + q);
        }
    }

    @Test
    void aBatchOfNewAndChangedActivitiesWritesEachWhole() throws Exception {
        // A batch runs its statements grouped by kind (every new title, then every changed title, ...), so an
        // activity whose values change among new ones must be written by statements that need no order.
        Activity stored = activities.create(ADMIN, full());
        Activity changed = changed(stored);
        Activity first = renamed(full(), "forst");
        Activity last = renamed(changed, "sist");
        List<Saved<Activity>> saved = activities.saveAll(ADMIN, List.of(first, changed, last));

        assertEquals(List.of(), saved.stream().filter(s -> s.error() != null).toList());
        ActivityServiceImpl reread = reread();
        assertEquals(withOccurrenceIds(first, 1, 2), reread.get("forst"));
        assertEquals(withOccurrenceIds(changed, 1, 3), reread.get("kurs"));
        assertEquals(withOccurrenceIds(last, 1, 2), reread.get("sist"));
    }

    @Test
    void aChangeOfTheOrganisersOrderAloneIsWrittenAndRaisesTheVersion() {
        Activity created = activities.create(ADMIN, full());
        Activity swapped = withOrganisers(created, List.of("abf", "support-group-network"));
        assertEquals(2, activities.update(ADMIN, "kurs", swapped, 1).version());
        assertEquals(swapped, reread().get("kurs"));
        assertEquals(2, activities.update(ADMIN, "kurs", swapped, 2).version(), "no change, no new version");
    }

    @Test
    void aPageShowsEachActivityAsItWasLastWritten() {
        ActivityQuery all = query(null, null, null, null, null, null, null);
        Activity created = activities.create(ADMIN, full());
        assertEquals(List.of(created), activities.search(all).items());
        Activity changed = activities.update(ADMIN, "kurs", changed(created));
        assertEquals(List.of(changed), activities.search(all).items(), "not the page shown before the update");
        activities.delete(ADMIN, "kurs");
        assertEquals(List.of(), activities.search(all).items());
    }

    @Test
    void deletingAnActivityDeletesItsValues() throws Exception {
        activities.create(ADMIN, full());
        activities.delete(ADMIN, "kurs");
        try (Connection c = stores.db.dataSource.getConnection()) {
            for (String table : TABLES) {
                try (ResultSet rs = c.createStatement().executeQuery("SELECT COUNT(*) FROM " + table)) {
                    rs.next();
                    assertEquals(0, rs.getInt(1), table);
                }
            }
        }
        assertEquals(0, activities.count());
    }

    /** The activity service with EclipseLink's shared cache emptied: what it reads next comes from the tables. */
    private ActivityServiceImpl reread() {
        evictCache();
        return activities;
    }

    private void evictCache() {
        stores.db.tx(em -> em.getEntityManagerFactory().getCache().evictAll());
    }

    /** An activity with every field set, occurrences in Swedish time (as a read gives them back) without ids. */
    private static Activity full() {
        OffsetDateTime start = OffsetDateTime.parse("2026-12-01T18:00:00+01:00");
        return new Activity("kurs", Map.of("sv", "Simkurs för kvinnor", "en", "Swimming for women",
                "ar", "دورة سباحة للنساء"), Map.of("sv", "Lär dig simma.", "en", "Learn to swim."),
                ActivityCategory.SWIMMING, FocusArea.HEALTH, Set.of("women", "newcomers"), Set.of("sv", "ar"), "1487",
                List.of("support-group-network", "abf"), "iop-ikc", "helhetslyftet", "ikc", 12,
                new BigDecimal("150.50"), List.of(
                        new Occurrence(null, start, start.plusMinutes(90), OccurrenceStatus.SCHEDULED),
                        new Occurrence(null, start.plusWeeks(1), start.plusWeeks(1).plusMinutes(90),
                                OccurrenceStatus.CANCELLED)));
    }

    /**
     * Every field of {@code a} changed: a title kept, one changed, one gone, one new; the organisers in another order
     * with one gone and one new; the first occurrence kept and cancelled, the second gone, a new one.
     */
    private static Activity changed(Activity a) {
        Occurrence first = a.occurrences().get(0);
        OffsetDateTime start = OffsetDateTime.parse("2027-01-12T17:30:00+01:00");
        return new Activity(a.id(), Map.of("sv", "Cykelkurs för kvinnor", "en", "Swimming for women",
                "so", "Koorso baaskiil"), Map.of("sv", "Lär dig cykla på en eftermiddag."), ActivityCategory.CYCLING,
                FocusArea.WORK, Set.of("women", "parents"), Set.of("sv", "so", "ti"), "1488", List.of("abf"),
                "iop-folkets-hus", "esf", "folkets-hus", 8, new BigDecimal("0.25"), List.of(
                        new Occurrence(first.id(), first.start(), first.end(), OccurrenceStatus.CANCELLED),
                        new Occurrence(null, start, start.plusHours(2), OccurrenceStatus.SCHEDULED)));
    }

    private static void assertEveryFieldSet(Activity a) throws Exception {
        for (RecordComponent c : Activity.class.getRecordComponents()) {
            Object value = c.getAccessor().invoke(a);
            assertNotNull(value, c.getName());
            assertFalse(value instanceof Collection<?> values && values.isEmpty(), c.getName());
            assertFalse(value instanceof Map<?, ?> values && values.isEmpty(), c.getName());
        }
    }

    private static Activity withOccurrenceIds(Activity a, long... ids) {
        List<Occurrence> numbered = new ArrayList<>();
        for (int i = 0; i < ids.length; i++) {
            Occurrence o = a.occurrences().get(i);
            numbered.add(new Occurrence(ids[i], o.start(), o.end(), o.status()));
        }
        return new Activity(a.id(), a.title(), a.description(), a.category(), a.focusArea(), a.targetGroups(),
                a.languages(), a.municipalityCode(), a.organiserIds(), a.agreementId(), a.programmeId(), a.venueId(),
                a.capacity(), a.costSek(), numbered);
    }

    private static Activity withOrganisers(Activity a, List<String> organisers) {
        return new Activity(a.id(), a.title(), a.description(), a.category(), a.focusArea(), a.targetGroups(),
                a.languages(), a.municipalityCode(), organisers, a.agreementId(), a.programmeId(), a.venueId(),
                a.capacity(), a.costSek(), a.occurrences());
    }

    private static Activity renamed(Activity a, String id) {
        List<Occurrence> unnumbered = a.occurrences().stream()
                .map(o -> new Occurrence(null, o.start(), o.end(), o.status())).toList();
        return new Activity(id, a.title(), a.description(), a.category(), a.focusArea(), a.targetGroups(),
                a.languages(), a.municipalityCode(), a.organiserIds(), a.agreementId(), a.programmeId(), a.venueId(),
                a.capacity(), a.costSek(), unnumbered);
    }

    private static List<String> words(Collection<String> texts) {
        return texts.stream().flatMap(t -> List.of(t.split("[ .]+")).stream()).filter(w -> !w.isEmpty()).toList();
    }

    private static ActivityQuery query(String municipality, ActivityCategory category, FocusArea focus, String language,
                                       AccessibilityFeature feature, LocalDate day, String organisation) {
        return new ActivityQuery(municipality, category, focus, language, feature, day, day, null, 0, 20, organisation);
    }

    private static ActivityQuery text(String words) {
        return new ActivityQuery(null, null, null, null, null, null, null, words, 0, 20);
    }
}
