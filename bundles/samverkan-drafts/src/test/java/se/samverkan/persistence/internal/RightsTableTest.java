package se.samverkan.persistence.internal;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.function.Executable;

import se.samverkan.api.draft.Draft;
import se.samverkan.api.model.Activity;
import se.samverkan.api.model.ActivityCategory;
import se.samverkan.api.model.Agreement;
import se.samverkan.api.model.AgreementKind;
import se.samverkan.api.model.AgreementStatus;
import se.samverkan.api.model.FocusArea;
import se.samverkan.api.model.Municipality;
import se.samverkan.api.model.Occurrence;
import se.samverkan.api.model.Organisation;
import se.samverkan.api.model.OrganisationKind;
import se.samverkan.api.model.Period;
import se.samverkan.api.model.Programme;
import se.samverkan.api.model.Venue;
import se.samverkan.api.security.Caller;
import se.samverkan.api.service.AccessDeniedException;
import se.samverkan.api.service.NotFoundException;
import se.samverkan.drafts.internal.DraftServiceImpl;

/**
 * Every write the services offer (what each REST endpoint and console command calls), as each role, against records
 * of another municipality or organisation: who may and who may not, in one table. Each write runs on the same
 * records: the refused ones first, on one database, each of which must leave every record as it was; then each
 * allowed one on a database of its own.
 * <p>
 * Vänersborg (1487) and Trollhättan (1488); Support Group Network (the partner's organisation) works in both, ABF,
 * the university and a small association in Trollhättan only.
 * <p>
 * It lives with the drafts, the last concern whose writes it lists, in the records' package to reach their wiring.
 */
class RightsTableTest {

    private static final Caller ADMIN = Caller.fromRoleNames("root", List.of("admin"));
    private static final Caller VANERSBORG = Caller.fromRoleNames("anna", List.of("coordinator", "municipality:1487"));
    private static final Caller TROLLHATTAN = Caller.fromRoleNames("omar", List.of("coordinator", "municipality:1488"));
    private static final Caller PARTNER = Caller.fromRoleNames("sgn", List.of("partner", "organisation:sgn"));
    private static final List<Caller> ROLES = List.of(ADMIN, VANERSBORG, TROLLHATTAN, PARTNER);

    /** A write, done as the given caller on the fixture. */
    private interface Write {
        void run(Fixture f, Caller caller);
    }

    /** One write and what admin, Vänersborg's and Trollhättan's coordinators and SGN's partner get: ok, 403 or 404. */
    private record Row(String what, Write write, List<String> expected) {
    }

    private static final String OK = "ok";
    private static final String NO = "403";
    private static final String HIDDEN = "404";

    private static Row row(String what, Write write, String admin, String vanersborg, String trollhattan,
                           String partner) {
        return new Row(what, write, List.of(admin, vanersborg, trollhattan, partner));
    }

    private static final List<Row> ROWS = List.of(
            // municipalities
            row("create a municipality", (f, c) -> f.municipalities.create(c,
                    new Municipality("1480", "Göteborg", "Västra Götalands län", null, true)), OK, NO, NO, NO),
            row("update Trollhättan", (f, c) -> f.municipalities.update(c, "1488",
                    new Municipality("1488", "Trollhättans stad", "Västra Götalands län", "Fyrbodal", true)), OK, NO, OK, NO),
            row("delete a municipality", (f, c) -> f.municipalities.delete(c, "1489"), OK, NO, NO, NO),
            // organisations
            row("create an organisation in Trollhättan", (f, c) -> f.organisations.create(c,
                    org("ny-forening", "1488")), OK, NO, OK, NO),
            row("create an organisation naming both municipalities", (f, c) -> f.organisations.create(c,
                    org("ny-forening", "1487", "1488")), OK, NO, NO, NO),
            row("rename ABF (Trollhättan only)", (f, c) -> f.organisations.update(c, "abf",
                    renamed(f.organisations.get("abf"))), OK, NO, OK, NO),
            row("drop Trollhättan from shared SGN", (f, c) -> f.organisations.update(c, "sgn",
                    org("sgn", "1487")), OK, NO, OK, OK),
            row("drop Vänersborg from shared SGN", (f, c) -> f.organisations.update(c, "sgn",
                    org("sgn", "1488")), OK, OK, NO, OK),
            row("rename shared SGN", (f, c) -> f.organisations.update(c, "sgn",
                    renamed(f.organisations.get("sgn"))), OK, NO, NO, OK),
            row("delete an organisation of Trollhättan", (f, c) -> f.organisations.delete(c, "forening"), OK, NO, OK, NO),
            row("delete a shared organisation", (f, c) -> f.organisations.delete(c, "delad-forening"), OK, NO, NO, NO),
            // agreements
            row("create an agreement naming both municipalities", (f, c) -> f.agreements.create(c,
                    agreement("nytt-avtal", Set.of("1487", "1488"), Set.of(), AgreementStatus.DRAFT, 1000)), OK, NO, NO, NO),
            row("create Trollhättan's IOP with ABF", (f, c) -> f.agreements.create(c,
                    agreement("nytt-avtal", Set.of("1488"), Set.of("abf"), AgreementStatus.DRAFT, 1000)), OK, NO, OK, NO),
            row("drop Trollhättan from a shared agreement", (f, c) -> f.agreements.update(c, "delat-avtal",
                    agreement("delat-avtal", Set.of("1487"), Set.of(), AgreementStatus.DRAFT, 1000)), OK, NO, OK, NO),
            row("end a shared agreement (DRAFT to ENDED)", (f, c) -> f.agreements.update(c, "delat-avtal",
                    agreement("delat-avtal", Set.of("1487", "1488"), Set.of(), AgreementStatus.ENDED, 1000)), OK, NO, NO, NO),
            row("change the budget of Trollhättan's IOP with SGN", (f, c) -> f.agreements.update(c, "iop",
                    agreement("iop", Set.of("1488"), Set.of("sgn"), AgreementStatus.ACTIVE, 1)), OK, NO, OK, NO),
            row("delete a shared agreement", (f, c) -> f.agreements.delete(c, "delat-avtal"), OK, NO, NO, NO),
            row("delete Trollhättan's IOP with SGN", (f, c) -> f.agreements.delete(c, "iop"), OK, NO, OK, NO),
            // programmes
            row("create a programme naming both municipalities", (f, c) -> f.programmes.create(c,
                    programme("nytt-program", Set.of("1487", "1488"), 5000)), OK, NO, NO, NO),
            row("drop Trollhättan from a shared programme", (f, c) -> f.programmes.update(c, "delat-program",
                    programme("delat-program", Set.of("1487"), 5000)), OK, NO, OK, NO),
            row("change the budget of a shared programme", (f, c) -> f.programmes.update(c, "delat-program",
                    programme("delat-program", Set.of("1487", "1488"), 1)), OK, NO, NO, NO),
            row("delete a shared programme owned by a university", (f, c) -> f.programmes.delete(c, "delat-program"),
                    OK, NO, NO, NO),
            // venues
            row("create a venue in Trollhättan", (f, c) -> f.venues.create(c, venue("ny-lokal", "1488")), OK, NO, OK, NO),
            row("rename Trollhättan's venue", (f, c) -> f.venues.update(c, "lokal-trollhattan",
                    new Venue("lokal-trollhattan", "Nytt namn", null, "1488", Set.of())), OK, NO, OK, NO),
            row("move Trollhättan's venue to Vänersborg", (f, c) -> f.venues.update(c, "lokal-trollhattan",
                    venue("lokal-trollhattan", "1487")), OK, NO, NO, NO),
            row("delete Trollhättan's venue", (f, c) -> f.venues.delete(c, "lokal-trollhattan"), OK, NO, OK, NO),
            // activities
            row("create an activity in Trollhättan run by SGN", (f, c) -> f.activities.create(c,
                    activity("ny", "1488", List.of("sgn"), null, null, null)), OK, NO, OK, OK),
            row("create an activity in Vänersborg at Trollhättan's venue", (f, c) -> f.activities.create(c,
                    activity("ny", "1487", List.of("sgn"), "lokal-trollhattan", null, null)), OK, NO, NO, NO),
            row("create an activity in Vänersborg under Trollhättan's IOP", (f, c) -> f.activities.create(c,
                    activity("ny", "1487", List.of(), null, "iop", null)), OK, NO, NO, NO),
            row("create an activity in Vänersborg in Trollhättan's programme", (f, c) -> f.activities.create(c,
                    activity("ny", "1487", List.of(), null, null, "program-trollhattan")), OK, NO, NO, NO),
            row("create an activity in Vänersborg run by ABF (Trollhättan only)", (f, c) -> f.activities.create(c,
                    activity("ny", "1487", List.of("abf"), null, null, null)), OK, NO, NO, NO),
            row("move SGN's activity from Trollhättan to Vänersborg", (f, c) -> f.activities.update(c, "sprakcafe",
                    activity("sprakcafe", "1487", List.of("sgn"), null, null, null)), OK, NO, NO, NO),
            row("add ABF as co-organiser of SGN's activity", (f, c) -> f.activities.update(c, "sprakcafe",
                    activity("sprakcafe", "1488", List.of("sgn", "abf"), null, null, null)), OK, NO, OK, NO),
            row("rename SGN's activity in Trollhättan", (f, c) -> f.activities.update(c, "sprakcafe",
                    retitled(f.activities.get("sprakcafe"))), OK, NO, OK, OK),
            row("rename ABF's activity in Trollhättan", (f, c) -> f.activities.update(c, "abf-kurs",
                    retitled(f.activities.get("abf-kurs"))), OK, NO, OK, NO),
            row("delete SGN's activity in Trollhättan", (f, c) -> f.activities.delete(c, "sprakcafe"), OK, NO, OK, OK),
            row("delete ABF's activity in Trollhättan", (f, c) -> f.activities.delete(c, "abf-kurs"), OK, NO, OK, NO),
            // drafts of Trollhättan: another municipality's is not found, as a missing one
            row("read Trollhättan's draft", (f, c) -> f.drafts.get(c, f.draft), OK, HIDDEN, OK, HIDDEN),
            row("approve Trollhättan's draft", (f, c) -> f.drafts.approve(c, f.draft), OK, HIDDEN, OK, HIDDEN),
            row("reject Trollhättan's draft", (f, c) -> f.drafts.reject(c, f.draft), OK, HIDDEN, OK, HIDDEN),
            // the platform itself (plugins, imports) writes everything
            row("the platform ends a shared agreement", (f, c) -> f.agreements.update(Caller.SYSTEM, "delat-avtal",
                    agreement("delat-avtal", Set.of("1487", "1488"), Set.of(), AgreementStatus.ENDED, 1000)), OK, OK, OK, OK));

    @TestFactory
    Stream<DynamicTest> everyWriteAsEveryRole() {
        return ROWS.stream().map(row -> dynamicTest(row.what() + ": " + row.expected(), () -> check(row)));
    }

    /** Every role's outcome is checked and every mismatch reported, the refused writes first. */
    private static void check(Row row) throws Exception {
        List<Executable> checks = new ArrayList<>();
        Fixture f = new Fixture();
        try {
            String before = f.snapshot();
            for (Caller caller : ROLES.stream().sorted(Comparator.comparing(c -> expected(row, c).equals(OK))).toList()) {
                if (f == null) {
                    f = new Fixture();
                }
                String expected = expected(row, caller);
                String outcome = outcome(row, f, caller);
                checks.add(() -> assertEquals(expected, outcome, row.what() + " as " + caller.user()));
                if (outcome.equals(OK)) {
                    // The records changed: the next write needs them as they were.
                    f.close();
                    f = null;
                } else {
                    String after = f.snapshot();
                    checks.add(() -> assertEquals(before, after, "refused, but changed: " + row.what() + " as "
                            + caller.user()));
                }
            }
        } finally {
            if (f != null) {
                f.close();
            }
        }
        assertAll(row.what(), checks);
    }

    private static String expected(Row row, Caller caller) {
        return row.expected().get(ROLES.indexOf(caller));
    }

    private static String outcome(Row row, Fixture f, Caller caller) {
        try {
            row.write().run(f, caller);
            return OK;
        } catch (AccessDeniedException e) {
            return NO;
        } catch (NotFoundException e) {
            return HIDDEN;
        }
    }

    /** The same records in a fresh in-memory database, written by the platform. */
    private static final class Fixture extends RecordServices {
        final DraftServiceImpl drafts;
        final long draft;

        Fixture() throws Exception {
            drafts = new DraftServiceImpl(db.schema, activities);
            Caller system = Caller.SYSTEM;
            for (String[] m : new String[][] {{"1487", "Vänersborg"}, {"1488", "Trollhättan"}, {"1489", "Alingsås"}}) {
                municipalities.create(system, new Municipality(m[0], m[1], "Västra Götalands län", null, true));
            }
            organisations.create(system, org("sgn", "1487", "1488"));
            organisations.create(system, org("abf", "1488"));
            organisations.create(system, org("forening", "1488"));
            organisations.create(system, org("delad-forening", "1487", "1488"));
            organisations.create(system, new Organisation("hogskolan-vast", "Högskolan Väst", OrganisationKind.UNIVERSITY,
                    null, Set.of("1488")));
            venues.create(system, venue("lokal-vanersborg", "1487"));
            venues.create(system, venue("lokal-trollhattan", "1488"));
            agreements.create(system, agreement("iop", Set.of("1488"), Set.of("sgn"), AgreementStatus.ACTIVE, 100_000));
            agreements.create(system, agreement("delat-avtal", Set.of("1487", "1488"), Set.of(), AgreementStatus.DRAFT, 1000));
            programmes.create(system, programme("delat-program", Set.of("1487", "1488"), 5000));
            programmes.create(system, programme("program-trollhattan", Set.of("1488"), 5000));
            activities.create(system, activity("sprakcafe", "1488", List.of("sgn"), null, null, null));
            activities.create(system, activity("abf-kurs", "1488", List.of("abf"), null, null, null));
            draft = drafts.add("mail:<1@sgn.example>", "kurser@sgn.example", "Kurs", "1488", "sgn",
                    activity("mail-kurs", "1488", List.of("sgn"), null, null, null)).id();
        }

        /** Every record and every draft, as text. */
        String snapshot() {
            List<Object> all = new ArrayList<>();
            all.addAll(municipalities.list());
            all.addAll(organisations.list());
            all.addAll(agreements.list());
            all.addAll(programmes.list());
            all.addAll(venues.list());
            all.addAll(activities.list());
            all.addAll(drafts.list(Caller.SYSTEM, null).stream().map(Draft::state).toList());
            return all.toString();
        }
    }

    private static Organisation org(String id, String... municipalities) {
        return new Organisation(id, id.toUpperCase(), OrganisationKind.ASSOCIATION, null, Set.of(municipalities));
    }

    private static Organisation renamed(Organisation o) {
        return new Organisation(o.id(), "Nytt namn", o.kind(), o.organisationNumber(), o.municipalityCodes());
    }

    private static Agreement agreement(String id, Set<String> municipalities, Set<String> organisations,
                                       AgreementStatus status, long budget) {
        return new Agreement(id, "Avtal " + id, AgreementKind.IOP, organisations, municipalities, "Integration",
                new Period(LocalDate.of(2026, 1, 1), LocalDate.of(2027, 12, 31)), BigDecimal.valueOf(budget), null,
                status);
    }

    private static Programme programme(String id, Set<String> municipalities, long budget) {
        return new Programme(id, "Program " + id, "hogskolan-vast", null, municipalities,
                new Period(LocalDate.of(2026, 1, 1), LocalDate.of(2027, 12, 31)), BigDecimal.valueOf(budget), List.of());
    }

    private static Venue venue(String id, String municipality) {
        return new Venue(id, "Lokal " + id, null, municipality, Set.of());
    }

    private static Activity activity(String id, String municipality, List<String> organisers, String venue,
                                     String agreement, String programme) {
        OffsetDateTime start = OffsetDateTime.parse("2026-12-01T18:00:00+01:00");
        return new Activity(id, Map.of("sv", "Språkcafé"), Map.of(), ActivityCategory.SWEDISH_LANGUAGE_PRACTICE,
                FocusArea.SOCIAL, Set.of(), Set.of("sv"), municipality, organisers, agreement, programme, venue, null,
                null, List.of(new Occurrence(null, start, start.plusHours(2), null)));
    }

    private static Activity retitled(Activity a) {
        return new Activity(a.id(), Map.of("sv", "Nytt namn"), a.description(), a.category(), a.focusArea(),
                a.targetGroups(), a.languages(), a.municipalityCode(), a.organiserIds(), a.agreementId(),
                a.programmeId(), a.venueId(), a.capacity(), a.costSek(), a.occurrences());
    }
}
