package se.samverkan.persistence.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import se.samverkan.api.model.Activity;
import se.samverkan.api.model.Municipality;
import se.samverkan.api.model.Organisation;
import se.samverkan.api.model.OrganisationKind;
import se.samverkan.api.model.Venue;
import se.samverkan.api.security.Caller;
import se.samverkan.api.service.EntityService.Saved;
import se.samverkan.api.service.EntityService.Versioned;
import se.samverkan.api.service.StaleVersionException;

/** Optimistic concurrency: a write names the version it read, and one based on an older read is refused. */
class VersionsTest {

    private static final Caller ADMIN = Caller.SYSTEM;

    private RecordServices stores;
    private OrganisationServiceImpl organisations;
    private VenueServiceImpl venues;
    private ActivityServiceImpl activities;

    @BeforeEach
    void setUp() throws Exception {
        stores = new RecordServices();
        organisations = stores.organisations;
        venues = stores.venues;
        activities = stores.activities;
        stores.municipalities.create(ADMIN, new Municipality("1487", "Vänersborg", "Västra Götalands län", "Fyrbodal", true));
        stores.municipalities.create(ADMIN, new Municipality("1488", "Trollhättan", "Västra Götalands län", "Fyrbodal", true));
        organisations.create(ADMIN, new Organisation("support-group-network", "Support Group Network",
                OrganisationKind.ASSOCIATION, null, Set.of("1487")));
        venues.create(ADMIN, new Venue("ikc-vanersborg", "IKC", null, "1487", Set.of()));
    }

    @AfterEach
    void tearDown() {
        stores.close();
    }

    @Test
    void aStaleUpdateOrDeleteIsRefusedAndChangesNothing() {
        assertEquals(1, venues.findVersioned("ikc-vanersborg").orElseThrow().version());
        Versioned<Venue> mine = venues.update(ADMIN, "ikc-vanersborg", venue("Interkulturellt center"), 1);
        assertEquals(2, mine.version());
        assertEquals(mine, venues.findVersioned("ikc-vanersborg").orElseThrow());

        StaleVersionException stale = assertThrows(StaleVersionException.class,
                () -> venues.update(ADMIN, "ikc-vanersborg", venue("Someone else's edit"), 1));
        assertEquals(412, stale.status());
        assertEquals("The venue 'ikc-vanersborg' was changed by someone else: you have version 1, the stored one is 2; "
                + "read it again and apply your change to that", stale.getMessage());
        assertThrows(StaleVersionException.class, () -> venues.delete(ADMIN, "ikc-vanersborg", 1));
        assertEquals(mine, venues.findVersioned("ikc-vanersborg").orElseThrow());

        venues.delete(ADMIN, "ikc-vanersborg", 2);
        assertTrue(venues.find("ikc-vanersborg").isEmpty());
    }

    @Test
    void aChangeOfACollectionAloneRaisesTheVersionAndNoChangeKeepsIt() {
        Organisation twoPlaces = new Organisation("support-group-network", "Support Group Network",
                OrganisationKind.ASSOCIATION, null, Set.of("1487", "1488"));
        assertEquals(2, organisations.update(ADMIN, "support-group-network", twoPlaces, 1).version());
        assertEquals(2, organisations.update(ADMIN, "support-group-network", twoPlaces, 2).version());
        assertThrows(StaleVersionException.class, () -> organisations.update(ADMIN, "support-group-network",
                new Organisation("support-group-network", "SGN", OrganisationKind.ASSOCIATION, null, Set.of("1487")), 1));

        Activity a = activities.create(ADMIN, RecordServices.swimming("simkurs", "1487", "2026-12-01T18:00:00+01:00"));
        Activity retitled = new Activity(a.id(), Map.of("sv", "Simskola"), a.description(), a.category(), a.focusArea(),
                a.targetGroups(), a.languages(), a.municipalityCode(), a.organiserIds(), a.agreementId(),
                a.programmeId(), a.venueId(), a.capacity(), a.costSek(), a.occurrences());
        assertEquals(2, activities.update(ADMIN, "simkurs", retitled, 1).version());
    }

    @Test
    void batchesStartNewRecordsAtOneAndRaiseUpdatedOnes() {
        List<Activity> first = List.of(RecordServices.swimming("a", "1487", "2026-12-01T18:00:00+01:00"),
                RecordServices.swimming("b", "1487", "2026-12-02T18:00:00+01:00"));
        activities.saveAll(ADMIN, first).forEach(s -> assertTrue(s.created()));
        assertEquals(List.of(1L, 1L), versions("a", "b"));

        List<Saved<Activity>> again = activities.saveAll(ADMIN, List.of(
                RecordServices.swimming("a", "1487", "2026-12-08T18:00:00+01:00"), activities.get("b")));
        assertEquals(2, again.size());
        assertEquals(List.of(2L, 1L), versions("a", "b"), "the changed one is raised, the unchanged one kept");
        assertThrows(StaleVersionException.class, () -> activities.update(ADMIN, "a", first.get(0), 1));
    }

    /**
     * Writers that read, change and write back with the version they read, again on a refusal: every write they
     * count as done is in the result, none is overwritten unseen.
     */
    @Test
    void concurrentReadModifyWritesLoseNoUpdate() throws Exception {
        activities.create(ADMIN, withCapacity(RecordServices.swimming("simkurs", "1487", "2026-12-01T18:00:00+01:00"), 0));
        int writers = 4;
        int writesEach = 15;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        List<Future<Integer>> refusals = new ArrayList<>();
        try {
            for (int w = 0; w < writers; w++) {
                refusals.add(pool.submit((Callable<Integer>) () -> {
                    start.await();
                    int refused = 0;
                    for (int done = 0; done < writesEach; ) {
                        Versioned<Activity> read = activities.findVersioned("simkurs").orElseThrow();
                        try {
                            activities.update(ADMIN, "simkurs",
                                    withCapacity(read.record(), read.record().capacity() + 1), read.version());
                            done++;
                        } catch (StaleVersionException e) {
                            refused++;
                        }
                    }
                    return refused;
                }));
            }
            start.countDown();
            for (Future<Integer> f : refusals) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
        Versioned<Activity> last = activities.findVersioned("simkurs").orElseThrow();
        assertEquals(writers * writesEach, last.record().capacity());
        assertEquals(1 + writers * writesEach, last.version());
    }

    private List<Long> versions(String... ids) {
        return List.of(ids).stream().map(id -> activities.findVersioned(id).orElseThrow().version()).toList();
    }

    private static Venue venue(String name) {
        return new Venue("ikc-vanersborg", name, null, "1487", Set.of());
    }

    private static Activity withCapacity(Activity a, int capacity) {
        return new Activity(a.id(), a.title(), a.description(), a.category(), a.focusArea(), a.targetGroups(),
                a.languages(), a.municipalityCode(), a.organiserIds(), a.agreementId(), a.programmeId(), a.venueId(),
                capacity, a.costSek() == null ? BigDecimal.ZERO : a.costSek(), a.occurrences());
    }
}
