package se.samverkan.routes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import se.samverkan.api.model.Activity;
import se.samverkan.api.model.ActivityCategory;
import se.samverkan.api.model.FocusArea;
import se.samverkan.api.model.Occurrence;
import se.samverkan.api.model.OccurrenceStatus;
import se.samverkan.api.quarantine.Quarantined;
import se.samverkan.api.security.Caller;
import se.samverkan.api.service.ActivityService;
import se.samverkan.api.testing.InMemoryQuarantine;
import se.samverkan.api.testing.InMemoryServices;
import se.samverkan.routes.ActivityUpsert.Incoming;
import se.samverkan.routes.ActivityUpsert.Known;
import se.samverkan.routes.ActivityUpsert.Outcome;
import se.samverkan.routes.ActivityUpsert.Result;

/** The one activity upsert, with a ledger (as feeds keep) and without (as routes send), on in-memory services. */
class ActivityUpsertTest {

    private static final OffsetDateTime START = OffsetDateTime.parse("2026-12-01T18:00:00+01:00");
    private static final Caller FEED = Caller.fromRoleNames("feed:kyrkan", List.of("admin"));

    private final InMemoryServices services = new InMemoryServices();
    private final InMemoryQuarantine quarantine = new InMemoryQuarantine();
    /** Each call of the activity service by name, in order. */
    private final List<String> calls = new ArrayList<>();
    private final ActivityService activities = counting(services.activities);

    @Test
    void theFingerprintDoesNotDependOnTheOrderOfSetsAndMaps() {
        Activity a = activity("cafe", new LinkedHashSet<>(List.of("sv", "ar", "ti")),
                ordered("sv", "Språkcafé", "ar", "مقهى"), START);
        Activity b = activity("cafe", new LinkedHashSet<>(List.of("ti", "sv", "ar")),
                ordered("ar", "مقهى", "sv", "Språkcafé"), START);
        assertEquals(ActivityUpsert.fingerprint(a), ActivityUpsert.fingerprint(b));
    }

    @Test
    void aMovedOccurrenceOrAChangedTitleChangesTheFingerprint() {
        Activity a = activity("cafe", Set.of("sv"), Map.of("sv", "Språkcafé"), START);
        assertNotEquals(ActivityUpsert.fingerprint(a),
                ActivityUpsert.fingerprint(activity("cafe", Set.of("sv"), Map.of("sv", "Språkcafé"), START.plusHours(1))));
        assertNotEquals(ActivityUpsert.fingerprint(a),
                ActivityUpsert.fingerprint(activity("cafe", Set.of("sv"), Map.of("sv", "Språkcafe"), START)));
    }

    @Test
    void theFingerprintKeepsItsTextSoLedgersStayValid() {
        // Stored in calendar_event.fingerprint by releases before this one: a change would rewrite every event.
        // SHA-256 of the fields' text, each followed by U+001F, as the feeds wrote it.
        assertEquals("b5db3c5a9b334c7f02e1597766a39d2af482b726b494d5e1c93c1203311e7f03",
                ActivityUpsert.fingerprint(activity("cafe", Set.of("sv"), Map.of("sv", "Språkcafé"), START)));
        Activity absent = new Activity("x", null, null, null, null, null, null, null, null, null, null, null, null,
                null, null);
        Activity empty = new Activity("x", Map.of(), Map.of(), null, null, Set.of(), Set.of(), null, null, null, null,
                null, null, null, List.of());
        assertEquals(ActivityUpsert.fingerprint(empty), ActivityUpsert.fingerprint(absent), "absent is empty");
    }

    @Test
    void withALedgerUnchangedItemsCostNothingAndTheRestAreSavedInOneBatch() {
        ActivityUpsert upsert = new ActivityUpsert(activities, quarantine, "feed:kyrkan", FEED);
        Activity cafe = activity("kyrkan-cafe", Set.of("sv"), Map.of("sv", "Språkcafé"), START);
        Activity choir = activity("kyrkan-kor", Set.of("sv"), Map.of("sv", "Kör"), START);
        List<Result> first = upsert.upsert(List.of(new Incoming("a@k", cafe, "A"), new Incoming("b@k", choir, "B")),
                Map.of());
        assertEquals(List.of(Outcome.CREATED, Outcome.CREATED), first.stream().map(Result::outcome).toList());
        assertEquals(List.of("saveAll"), calls);

        Map<String, Known> ledger = new HashMap<>();
        first.forEach(r -> ledger.put(r.key(), r.known()));
        calls.clear();
        Activity moved = activity("kyrkan-kor", Set.of("sv"), Map.of("sv", "Kör"), START.plusDays(1));
        List<Result> second = upsert.upsert(List.of(new Incoming("a@k", cafe, "A"), new Incoming("b@k", moved, "B")),
                ledger);
        assertEquals(List.of(Outcome.UNCHANGED, Outcome.UPDATED), second.stream().map(Result::outcome).toList());
        assertEquals(List.of("saveAll"), calls, "the unchanged one is neither read nor written");
        assertEquals(START.plusDays(1), services.activities.get("kyrkan-kor").occurrences().get(0).start());
        assertEquals(ActivityUpsert.fingerprint(moved), second.get(1).known().fingerprint());
    }

    @Test
    void aRefusedItemIsQuarantinedWithItsReasonAndRawTextAndTheOthersAreStored() {
        ActivityUpsert upsert = new ActivityUpsert(activities, quarantine, "feed:kyrkan", FEED);
        Activity bad = new Activity("kyrkan-bad", Map.of("sv", "Utan kommun"), Map.of(),
                ActivityCategory.SWEDISH_LANGUAGE_PRACTICE, FocusArea.SOCIAL, Set.of(), Set.of("sv"), "9999",
                List.of("kyrkan"), null, null, null, null, null, List.of());
        List<Result> results = upsert.upsert(List.of(new Incoming("bad@k", bad, "BEGIN:VEVENT bad"),
                new Incoming("a@k", activity("kyrkan-cafe", Set.of("sv"), Map.of("sv", "Café"), START), "A")), Map.of());
        assertEquals(Outcome.REFUSED, results.get(0).outcome());
        assertNull(results.get(0).known());
        assertEquals(Outcome.CREATED, results.get(1).outcome());
        Quarantined held = quarantine.list("feed:kyrkan", true).get(0);
        assertEquals("bad@k", held.key());
        assertEquals("BEGIN:VEVENT bad", held.raw());
        assertEquals(results.get(0).reason(), held.reason());
        assertTrue(held.reason().startsWith("municipalityCode"), held.reason());
    }

    @Test
    void withoutALedgerEachItemIsComparedWithTheStoredActivityWhoseOccurrencesKeepTheirIds() {
        services.activities.seed(new Activity("cafe", Map.of("sv", "Café"), Map.of(),
                ActivityCategory.SWEDISH_LANGUAGE_PRACTICE, FocusArea.SOCIAL, Set.of(), Set.of("sv"), "1487",
                List.of("kyrkan"), null, null, null, null, null,
                List.of(new Occurrence(7L, START, START.plusHours(2), OccurrenceStatus.SCHEDULED))));
        ActivityUpsert upsert = new ActivityUpsert(activities, null, "route:kurser", FEED);
        // The same instant at another offset is the same occurrence.
        Activity same = activity("cafe", Set.of("sv"), Map.of("sv", "Café"),
                START.withOffsetSameInstant(java.time.ZoneOffset.UTC));
        assertEquals(Outcome.UNCHANGED, upsert.upsert(List.of(new Incoming("cafe", same, null)), null).get(0).outcome());
        assertEquals(List.of("find"), calls);

        Activity retitled = activity("cafe", Set.of("sv"), Map.of("sv", "Språkcafé"), START);
        assertEquals(Outcome.UPDATED, upsert.upsert(List.of(new Incoming("cafe", retitled, null)), null).get(0).outcome());
        Activity stored = services.activities.get("cafe");
        assertEquals("Språkcafé", stored.title().get("sv"));
        assertEquals(7L, stored.occurrences().get(0).id(), "the occurrence keeps its id");
    }

    @Test
    void aKeySentTwiceIsStoredInTheOrderSent() {
        ActivityUpsert upsert = new ActivityUpsert(activities, null, "route:kurser", FEED);
        Activity first = activity("cafe", Set.of("sv"), Map.of("sv", "Café"), START);
        Activity second = activity("cafe", Set.of("sv"), Map.of("sv", "Språkcafé"), START);
        List<Result> results = upsert.upsert(List.of(new Incoming("cafe", first, null),
                new Incoming("cafe", second, null)), null);
        assertEquals(List.of(Outcome.CREATED, Outcome.UPDATED), results.stream().map(Result::outcome).toList());
        assertEquals("Språkcafé", services.activities.get("cafe").title().get("sv"));
    }

    @Test
    void keysGoneFromTheSourceHaveTheirOccurrencesCancelledAndARefusalFailsAfterTheOthersAreRecorded() {
        ActivityUpsert upsert = new ActivityUpsert(activities, quarantine, "feed:kyrkan", FEED);
        Map<String, Known> ledger = new LinkedHashMap<>();
        for (Result r : upsert.upsert(List.of(
                new Incoming("a@k", activity("kyrkan-a", Set.of("sv"), Map.of("sv", "A"), START), "A"),
                new Incoming("b@k", activity("kyrkan-b", Set.of("sv"), Map.of("sv", "B"), START), "B"),
                new Incoming("c@k", activity("kyrkan-c", Set.of("sv"), Map.of("sv", "C"), START), "C")), Map.of())) {
            ledger.put(r.key(), r.known());
        }
        List<Known> recorded = new ArrayList<>();
        assertEquals(1, upsert.cancelGone(ledger, Set.of("a@k", "c@k"), recorded::addAll));
        assertEquals(List.of(new Known("b@k", "kyrkan-b", ledger.get("b@k").fingerprint(), true)), recorded);
        assertEquals(OccurrenceStatus.CANCELLED, services.activities.get("kyrkan-b").occurrences().get(0).status());
        assertEquals(OccurrenceStatus.SCHEDULED, services.activities.get("kyrkan-a").occurrences().get(0).status());

        // One that cannot be cancelled (its municipality is no longer valid) fails the run, after the other is recorded.
        recorded.forEach(k -> ledger.put(k.key(), k));
        Activity c = services.activities.get("kyrkan-c");
        services.activities.seed(new Activity(c.id(), c.title(), c.description(), c.category(), c.focusArea(),
                c.targetGroups(), c.languages(), "9999", c.organiserIds(), null, null, null, null, null, c.occurrences()));
        recorded.clear();
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> upsert.cancelGone(ledger, Set.of(), recorded::addAll));
        assertTrue(e.getMessage().startsWith("Cannot cancel the occurrences of kyrkan-c, gone from feed:kyrkan"),
                e.getMessage());
        assertEquals(List.of("a@k"), recorded.stream().map(Known::key).toList());
    }

    private ActivityService counting(ActivityService delegate) {
        return (ActivityService) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {ActivityService.class},
                (proxy, method, args) -> {
                    calls.add(method.getName());
                    try {
                        return method.invoke(delegate, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    private static Map<String, String> ordered(String k1, String v1, String k2, String v2) {
        Map<String, String> map = new LinkedHashMap<>();
        map.put(k1, v1);
        map.put(k2, v2);
        return map;
    }

    private static Activity activity(String id, Set<String> languages, Map<String, String> title, OffsetDateTime start) {
        return new Activity(id, title, Map.of(), ActivityCategory.SWEDISH_LANGUAGE_PRACTICE, FocusArea.SOCIAL, Set.of(),
                languages, "1487", List.of("kyrkan"), null, null, null, null, null,
                List.of(new Occurrence(null, start, start.plusHours(2), OccurrenceStatus.SCHEDULED)));
    }
}
