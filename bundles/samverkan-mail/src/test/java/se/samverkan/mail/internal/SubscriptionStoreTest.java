package se.samverkan.mail.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import se.samverkan.api.model.Activity;
import se.samverkan.api.model.ActivityCategory;
import se.samverkan.api.model.Municipality;
import se.samverkan.api.model.Occurrence;
import se.samverkan.api.model.OccurrenceStatus;
import se.samverkan.api.model.Organisation;
import se.samverkan.api.model.OrganisationKind;
import se.samverkan.api.model.Venue;
import se.samverkan.api.security.Caller;
import se.samverkan.api.service.ValidationException;
import se.samverkan.api.subscription.Subscription;
import se.samverkan.api.subscription.SubscriptionFilter;
import se.samverkan.api.util.Sha256;
import se.samverkan.mail.internal.SubscriptionStore.Purpose;
import se.samverkan.mail.internal.SubscriptionStore.Requested;
import se.samverkan.persistence.internal.ActivityServiceImpl;
import se.samverkan.persistence.internal.DerbyDatabase;
import se.samverkan.persistence.internal.RecordServices;

/** Subscriptions and the activity change log on a real Derby with the real migrations. */
class SubscriptionStoreTest {

    private static final Caller VANERSBORG = Caller.fromRoleNames("anna", List.of("coordinator", "municipality:1487"));
    private static final Caller TROLLHATTAN = Caller.fromRoleNames("omar", List.of("coordinator", "municipality:1488"));
    private static final SubscriptionFilter ARABIC_IN_VANERSBORG = new SubscriptionFilter(Set.of("1487"), Set.of("AR"),
            Set.of(ActivityCategory.SWIMMING));

    private DerbyDatabase db;
    private RecordServices records;
    private ActivityServiceImpl activities;
    private SubscriptionStoreImpl subscriptions;
    private ActivityChangeLogImpl changes;

    @BeforeEach
    void setUp() throws Exception {
        records = new RecordServices();
        db = records.db;
        activities = records.activities;
        subscriptions = new SubscriptionStoreImpl(db.schema);
        changes = new ActivityChangeLogImpl(db.schema);
        records.hooks.add(changes);
        records.municipalities.create(Caller.SYSTEM,
                new Municipality("1487", "Vänersborg", "Västra Götalands län", "Fyrbodal", true));
        records.municipalities.create(Caller.SYSTEM,
                new Municipality("1488", "Trollhättan", "Västra Götalands län", "Fyrbodal", true));
        records.organisations.create(Caller.SYSTEM, new Organisation("support-group-network",
                "Support Group Network", OrganisationKind.ASSOCIATION, null, Set.of("1487", "1488")));
        records.venues.create(Caller.SYSTEM,
                new Venue("ikc-vanersborg", "Interkulturellt Center Vänersborg", null, "1487", Set.of()));
    }

    @AfterEach
    void tearDown() {
        records.close();
    }

    @Test
    void aRequestIsOnePendingSubscriptionPerAddressAndFilterAndConsentIsAudited() throws Exception {
        Instant now = Instant.parse("2026-11-24T08:00:00Z");
        Requested first = subscriptions.request("nyckelperson@example.se", "ar", ARABIC_IN_VANERSBORG, "rest 192.0.2.7", now);
        assertTrue(first.created());
        Subscription s = first.subscription();
        assertEquals(Subscription.State.PENDING, s.state());
        assertEquals(Set.of("ar"), s.filter().languages(), "languages in lower case");
        SubscriptionFilter sameInOtherOrder = new SubscriptionFilter(Set.of("1487"), Set.of("ar"),
                Set.of(ActivityCategory.SWIMMING));
        Requested again = subscriptions.request("nyckelperson@example.se", "sv", sameInOtherOrder, "rest 192.0.2.8", now);
        assertFalse(again.created());
        assertEquals(s.id(), again.subscription().id());
        assertTrue(subscriptions.request("nyckelperson@example.se", "ar", SubscriptionFilter.ANY, "rest", now).created(),
                "another filter is another subscription");

        String token = "tok-confirm";
        subscriptions.addToken(s.id(), Sha256.hex(token), Purpose.CONFIRM, now.plusSeconds(3600));
        assertTrue(subscriptions.byToken(Sha256.hex(token), Purpose.CONFIRM, now).isPresent());
        assertTrue(subscriptions.byToken(Sha256.hex(token), Purpose.UNSUBSCRIBE, now).isEmpty(), "purpose counts");
        assertTrue(subscriptions.byToken(Sha256.hex(token), Purpose.CONFIRM, now.plusSeconds(3601)).isEmpty(), "expired");
        assertEquals(0, count("SELECT COUNT(*) FROM subscription_token WHERE token_hash = 'tok-confirm'"),
                "no token in clear text");

        Subscription confirmed = subscriptions.confirm(s.id(), "rest 192.0.2.9", now.plusSeconds(60));
        assertEquals(Subscription.State.CONFIRMED, confirmed.state());
        assertEquals("rest 192.0.2.9", confirmed.confirmedFrom());
        assertEquals(confirmed, subscriptions.confirm(s.id(), "again", now.plusSeconds(120)), "confirming twice is once");

        subscriptions.addToken(s.id(), Sha256.hex("tok-unsub"), Purpose.UNSUBSCRIBE, null);
        Subscription gone = subscriptions.unsubscribe(s.id(), "one-click 192.0.2.10", now.plusSeconds(180));
        assertEquals(Subscription.State.UNSUBSCRIBED, gone.state());
        assertNotNull(gone.unsubscribedAt());
        assertTrue(subscriptions.byToken(Sha256.hex(token), Purpose.CONFIRM, now).isEmpty(),
                "an old confirmation link does not bring consent back");
        assertTrue(subscriptions.byToken(Sha256.hex("tok-unsub"), Purpose.UNSUBSCRIBE, now).isPresent());
        assertEquals(3, count("SELECT COUNT(*) FROM audit_log WHERE kind = 'subscription' AND record_id = '" + s.id()
                + "'"), "requested, confirmed, withdrawn");
        assertTrue(subscriptions.request("nyckelperson@example.se", "ar", ARABIC_IN_VANERSBORG, "rest", now).created(),
                "after unsubscribing, subscribing again asks for consent again");
    }

    @Test
    void theChangeLogHoldsNewMovedAndCancelledOccurrencesOnlyWhenTheChangeCommitted() throws Exception {
        Activity created = activities.create(Caller.SYSTEM, RecordServices.swimming("simkurs", "1487",
                inDays(14).toString()));
        Occurrence first = created.occurrences().get(0);
        Activity moved = with(created, new Occurrence(first.id(), first.start().plusHours(1), first.end().plusHours(1),
                OccurrenceStatus.SCHEDULED));
        activities.update(Caller.SYSTEM, "simkurs", moved);
        activities.update(Caller.SYSTEM, "simkurs", with(created, new Occurrence(first.id(), first.start().plusHours(1),
                first.end().plusHours(1), OccurrenceStatus.CANCELLED)));
        // Refused by validation: nothing of it may reach the log.
        assertThrows(ValidationException.class, () -> activities.update(Caller.SYSTEM, "simkurs",
                with(created, new Occurrence(first.id(), first.start(), first.start().minusHours(1), null))));

        List<ActivityChange> notices = changes.awaitingNotices(10);
        assertEquals(List.of(ActivityChange.Kind.MOVED, ActivityChange.Kind.CANCELLED),
                notices.stream().map(ActivityChange::kind).toList());
        assertEquals(first.start().toInstant(), notices.get(0).previousStart().toInstant());
        assertEquals(first.start().plusHours(1).toInstant(), notices.get(0).start().toInstant());
        assertEquals(first.id(), notices.get(1).occurrenceId());
        changes.noticesQueued(notices.get(0).id(), Instant.now());
        assertEquals(1, changes.awaitingNotices(10).size());

        List<ActivityChange> created1 = changes.created(Instant.EPOCH, Instant.now());
        assertEquals(1, created1.size());
        assertEquals("simkurs", created1.get(0).activityId());
        assertEquals(created1.get(0).changedAt(), created1.get(0).noticesQueuedAt(), "a new activity needs no notice");
        assertTrue(changes.created(Instant.now(), Instant.now().plusSeconds(1)).isEmpty());
    }

    @Test
    void occurrencesSentWithoutIdsAreMatchedByTheirStartAndOnlyUpcomingOnesAreLogged() throws Exception {
        Activity weekly = RecordServices.swimming("kurs", "1487", inDays(-2).toString());
        List<Occurrence> occurrences = new ArrayList<>();
        for (int week = 0; week < 4; week++) {
            OffsetDateTime start = inDays(-2 + 7 * week);
            occurrences.add(new Occurrence(null, start, start.plusMinutes(90), OccurrenceStatus.SCHEDULED));
        }
        activities.create(Caller.SYSTEM, with(weekly, occurrences));
        // As a calendar feed sends it: no ids; the second occurrence cancelled, the third an hour later, the
        // fourth gone, the past one unchanged.
        List<Occurrence> again = List.of(occurrences.get(0),
                new Occurrence(null, occurrences.get(1).start(), occurrences.get(1).end(), OccurrenceStatus.CANCELLED),
                new Occurrence(null, occurrences.get(2).start().plusHours(1), occurrences.get(2).end().plusHours(1), null));
        activities.update(Caller.SYSTEM, "kurs", with(weekly, again));

        List<ActivityChange> logged = changes.awaitingNotices(10);
        assertEquals(List.of(ActivityChange.Kind.CANCELLED, ActivityChange.Kind.MOVED, ActivityChange.Kind.CANCELLED),
                logged.stream().map(ActivityChange::kind).toList());
        assertEquals(occurrences.get(1).start().toInstant(), logged.get(0).previousStart().toInstant());
        assertEquals(occurrences.get(2).start().plusHours(1).toInstant(), logged.get(1).start().toInstant());
        assertEquals(occurrences.get(3).start().toInstant(), logged.get(2).previousStart().toInstant());
    }

    private static OffsetDateTime inDays(int days) {
        return OffsetDateTime.now(Activity.ZONE).plusDays(days).truncatedTo(ChronoUnit.HOURS);
    }

    private static Activity with(Activity a, Occurrence o) {
        return with(a, List.of(o));
    }

    private static Activity with(Activity a, List<Occurrence> occurrences) {
        return new Activity(a.id(), a.title(), a.description(), a.category(), a.focusArea(), a.targetGroups(),
                a.languages(), a.municipalityCode(), a.organiserIds(), a.agreementId(), a.programmeId(), a.venueId(),
                a.capacity(), a.costSek(), new ArrayList<>(occurrences));
    }

    private int count(String sql) throws Exception {
        try (Connection c = db.dataSource.getConnection(); ResultSet rs = c.createStatement().executeQuery(sql)) {
            rs.next();
            return rs.getInt(1);
        }
    }
}
