package se.samverkan.api.security;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;

import se.samverkan.api.model.Activity;
import se.samverkan.api.model.ActivityCategory;
import se.samverkan.api.model.Agreement;
import se.samverkan.api.model.AgreementKind;
import se.samverkan.api.model.AgreementStatus;
import se.samverkan.api.model.FocusArea;
import se.samverkan.api.model.Organisation;
import se.samverkan.api.model.OrganisationKind;
import se.samverkan.api.model.Period;
import se.samverkan.api.model.Venue;
import se.samverkan.api.service.AccessDeniedException;

/** The rules on their own, with a directory of stored records in a map; PersistenceRightsTest runs them on Derby. */
class AccessPolicyTest {

    private final Caller vanersborg = Caller.fromRoleNames("anna", List.of("coordinator", "municipality:1487"));
    private final Caller partner = Caller.fromRoleNames("sgn", List.of("partner", "organisation:support-group-network"));
    private final Caller admin = Caller.fromRoleNames("root", List.of("admin", "viewer"));

    /** SGN works in both municipalities, ABF only in Trollhättan; one venue in each. */
    private final AccessPolicy.Directory directory = new AccessPolicy.Directory() {
        @Override
        public Optional<Set<String>> municipalitiesOf(String organisationId) {
            return Optional.ofNullable(Map.of("support-group-network", Set.of("1487", "1488"), "abf", Set.of("1488"))
                    .get(organisationId));
        }

        @Override
        public Optional<Scope> parties(String kind, String id) {
            return Optional.ofNullable(Map.of("venue:ikc-vanersborg", Scope.of(Set.of("1487"), Set.of()),
                    "venue:ikc-trollhattan", Scope.of(Set.of("1488"), Set.of()),
                    "agreement:iop-trollhattan", Scope.of(Set.of("1488"), Set.of("support-group-network"))).get(kind + ":" + id));
        }
    };

    @Test
    void parsesRealmRoles() {
        assertEquals(Set.of(Role.COORDINATOR), vanersborg.roles());
        assertEquals("1487", vanersborg.municipalityCode());
        assertEquals("support-group-network", partner.organisationId());
        assertEquals(Set.of(Role.ADMIN), admin.roles());
    }

    @Test
    void coordinatorWritesOnlyOwnMunicipality() {
        Venue own = new Venue("ikc-vanersborg", "IKC", "Edsgatan 8", "1487", Set.of());
        Venue other = new Venue("ikc-trollhattan", "IKC", "Drottninggatan 1", "1488", Set.of());
        assertDoesNotThrow(() -> AccessPolicy.venue(vanersborg, null, own, directory));
        AccessDeniedException e = assertThrows(AccessDeniedException.class,
                () -> AccessPolicy.venue(vanersborg, null, other, directory));
        assertEquals("User 'anna' (coordinator for municipality 1487) may not change venue 'ikc-trollhattan': "
                + "it does not belong to municipality 1487", e.getMessage());
        assertThrows(AccessDeniedException.class, () -> AccessPolicy.venue(vanersborg, other,
                new Venue("ikc-trollhattan", "IKC", null, "1487", Set.of()), directory), "moved out of Trollhättan");
    }

    @Test
    void ofASharedOrganisationACoordinatorMayOnlyWithdrawItsOwnMunicipality() {
        Organisation shared = org(Set.of("1487", "1488"), "Support Group Network");
        AccessDeniedException dropped = assertThrows(AccessDeniedException.class,
                () -> AccessPolicy.organisation(vanersborg, shared, org(Set.of("1487"), "Support Group Network"), directory));
        assertTrue(dropped.getMessage().endsWith("it involves municipality 1488, so only an administrator may change "
                + "it; you may only withdraw municipality 1487 from it"), dropped.getMessage());
        assertThrows(AccessDeniedException.class, () -> AccessPolicy.organisation(vanersborg, shared,
                org(Set.of("1487", "1488"), "Renamed"), directory));
        assertThrows(AccessDeniedException.class, () -> AccessPolicy.organisation(vanersborg, shared, null, directory));
        assertDoesNotThrow(() -> AccessPolicy.organisation(vanersborg, shared, org(Set.of("1488"), "Support Group Network"),
                directory));
        // Its own partner decides where it works.
        assertDoesNotThrow(() -> AccessPolicy.organisation(partner, shared, org(Set.of("1488"), "SGN"), directory));
        // Wholly in Vänersborg, it is Vänersborg's to change.
        assertDoesNotThrow(() -> AccessPolicy.organisation(vanersborg, org(Set.of("1487"), "SGN"),
                org(Set.of("1487"), "Renamed"), directory));
    }

    @Test
    void anAgreementsBudgetAndStatusNeedEveryParty() {
        Agreement iop = iop(Set.of("1487", "1488"), Set.of(), BigDecimal.TEN, AgreementStatus.DRAFT);
        assertThrows(AccessDeniedException.class, () -> AccessPolicy.agreement(vanersborg, iop,
                iop(Set.of("1487", "1488"), Set.of(), BigDecimal.TEN, AgreementStatus.ENDED), directory));
        assertThrows(AccessDeniedException.class, () -> AccessPolicy.agreement(vanersborg, iop,
                iop(Set.of("1487"), Set.of(), BigDecimal.TEN, AgreementStatus.DRAFT), directory), "drops Trollhättan");
        assertThrows(AccessDeniedException.class, () -> AccessPolicy.agreement(vanersborg, null, iop, directory),
                "names Trollhättan");
        Agreement withPartner = iop(Set.of("1488"), Set.of("support-group-network"), BigDecimal.TEN, AgreementStatus.ACTIVE);
        assertThrows(AccessDeniedException.class, () -> AccessPolicy.agreement(partner, withPartner,
                iop(Set.of("1488"), Set.of("support-group-network"), BigDecimal.ONE, AgreementStatus.ACTIVE), directory));
        // Vänersborg with an organisation that works there is wholly Vänersborg's.
        Agreement own = iop(Set.of("1487"), Set.of("support-group-network"), BigDecimal.TEN, AgreementStatus.DRAFT);
        assertDoesNotThrow(() -> AccessPolicy.agreement(vanersborg, null, own, directory));
        assertDoesNotThrow(() -> AccessPolicy.agreement(vanersborg, own,
                iop(Set.of("1487"), Set.of("support-group-network"), BigDecimal.ONE, AgreementStatus.ACTIVE), directory));
        assertThrows(AccessDeniedException.class, () -> AccessPolicy.agreement(vanersborg, null,
                iop(Set.of("1487"), Set.of("abf"), BigDecimal.TEN, AgreementStatus.DRAFT), directory), "ABF is not in 1487");
    }

    @Test
    void activitiesReferOnlyToWhatInvolvesThem() {
        assertDoesNotThrow(() -> AccessPolicy.activity(vanersborg, null, activity("1487", List.of("support-group-network"),
                "ikc-vanersborg", null), directory));
        assertThrows(AccessDeniedException.class, () -> AccessPolicy.activity(vanersborg, null,
                activity("1487", List.of(), "ikc-trollhattan", null), directory));
        assertThrows(AccessDeniedException.class, () -> AccessPolicy.activity(vanersborg, null,
                activity("1487", List.of(), null, "iop-trollhattan"), directory));
        assertThrows(AccessDeniedException.class, () -> AccessPolicy.activity(vanersborg, null,
                activity("1487", List.of("abf"), null, null), directory), "ABF does not work in Vänersborg");
        // The partner is a party of Trollhättan's IOP agreement, so its activity may refer to it.
        assertDoesNotThrow(() -> AccessPolicy.activity(partner, null,
                activity("1487", List.of("support-group-network"), null, "iop-trollhattan"), directory));
        // An unchanged reference is not checked again; the admin is not checked at all.
        Activity stored = activity("1487", List.of(), "ikc-trollhattan", null);
        assertDoesNotThrow(() -> AccessPolicy.activity(vanersborg, stored, stored, directory));
        assertDoesNotThrow(() -> AccessPolicy.activity(admin, null, stored, directory));
    }

    @Test
    void aPartnerKeepsItsActivityWhereItIsAndRunsItAlone() {
        Activity own = activity("1488", List.of("support-group-network"), null, null);
        assertDoesNotThrow(() -> AccessPolicy.activity(partner, null, own, directory));
        AccessDeniedException moved = assertThrows(AccessDeniedException.class, () -> AccessPolicy.activity(partner, own,
                activity("1487", List.of("support-group-network"), null, null), directory));
        assertTrue(moved.getMessage().endsWith("a partner may not move an activity to another municipality"));
        assertThrows(AccessDeniedException.class, () -> AccessPolicy.activity(partner, own,
                activity("1488", List.of("support-group-network", "abf"), null, null), directory), "co-organiser");
        assertThrows(AccessDeniedException.class, () -> AccessPolicy.activity(partner, null,
                activity("1480", List.of("support-group-network"), null, null), directory), "SGN is not in Göteborg");
        assertDoesNotThrow(() -> AccessPolicy.activity(partner, own, null, directory));
    }

    @Test
    void adminAndSystemWriteEverything() {
        assertDoesNotThrow(() -> AccessPolicy.checkAdmin(admin, "add a municipality"));
        assertTrue(AccessPolicy.mayWrite(Caller.SYSTEM, Scope.NONE));
        assertThrows(AccessDeniedException.class, () -> AccessPolicy.checkAdmin(vanersborg, "add a municipality"));
        assertFalse(AccessPolicy.mayWrite(null, Scope.NONE));
        assertDoesNotThrow(() -> AccessPolicy.agreement(Caller.SYSTEM, null,
                iop(Set.of("1487", "1488"), Set.of("abf"), BigDecimal.TEN, AgreementStatus.DRAFT), directory));
    }

    @Test
    void aCoordinatorWithoutMunicipalityWritesNothing() {
        Caller unbound = Caller.fromRoleNames("x", List.of("coordinator"));
        assertFalse(AccessPolicy.mayWrite(unbound, Scope.of(Set.of("1487"), Set.of())));
        assertThrows(AccessDeniedException.class, () -> AccessPolicy.venue(unbound, null,
                new Venue("v", "V", null, "1487", Set.of()), directory));
    }

    private static Organisation org(Set<String> municipalities, String name) {
        return new Organisation("support-group-network", name, OrganisationKind.ASSOCIATION, null, municipalities);
    }

    private static Agreement iop(Set<String> municipalities, Set<String> organisations, BigDecimal budget,
                                 AgreementStatus status) {
        return new Agreement("iop", "IOP", AgreementKind.IOP, organisations, municipalities, "purpose",
                new Period(java.time.LocalDate.of(2026, 1, 1), null), budget, null, status);
    }

    private static Activity activity(String municipality, List<String> organisers, String venue, String agreement) {
        return new Activity("a", Map.of("sv", "Språkcafé"), Map.of(), ActivityCategory.SWEDISH_LANGUAGE_PRACTICE,
                FocusArea.SOCIAL, Set.of(), Set.of("sv"), municipality, organisers, agreement, null, venue, null, null,
                List.of());
    }
}
