package se.samverkan.api.security;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import se.samverkan.api.model.Venue;
import se.samverkan.api.service.AccessDeniedException;

class AccessPolicyTest {

    private final Caller vanersborg = Caller.fromRoleNames("anna", List.of("coordinator", "municipality:1487"));
    private final Caller partner = Caller.fromRoleNames("sgn", List.of("partner", "organisation:support-group-network"));
    private final Caller admin = Caller.fromRoleNames("root", List.of("admin", "viewer"));

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
        assertTrue(AccessPolicy.mayWrite(vanersborg, Scopes.of(own)));
        assertFalse(AccessPolicy.mayWrite(vanersborg, Scopes.of(other)));
        AccessDeniedException e = assertThrows(AccessDeniedException.class,
                () -> AccessPolicy.checkWrite(vanersborg, "venue", "ikc-trollhattan", null, Scopes.of(other)));
        assertEquals("User 'anna' (coordinator for municipality 1487) may not change venue 'ikc-trollhattan'",
                e.getMessage());
    }

    @Test
    void movingARecordOutOfAnotherMunicipalityIsRefused() {
        Venue theirs = new Venue("v", "V", null, "1488", Set.of());
        Venue moved = new Venue("v", "V", null, "1487", Set.of());
        assertThrows(AccessDeniedException.class,
                () -> AccessPolicy.checkWrite(vanersborg, "venue", "v", Scopes.of(theirs), Scopes.of(moved)));
    }

    @Test
    void partnerWritesOwnOrganisationsRecords() {
        Scope scope = Scope.of(Set.of("1488"), Set.of("support-group-network"));
        assertTrue(AccessPolicy.mayWrite(partner, scope));
        assertFalse(AccessPolicy.mayWrite(partner, Scope.of(Set.of("1488"), Set.of("abf-fyrbodal"))));
    }

    @Test
    void adminAndSystemWriteEverything() {
        assertDoesNotThrow(() -> AccessPolicy.checkAdmin(admin, "add a municipality"));
        assertTrue(AccessPolicy.mayWrite(Caller.SYSTEM, Scope.NONE));
        assertThrows(AccessDeniedException.class, () -> AccessPolicy.checkAdmin(vanersborg, "add a municipality"));
        assertFalse(AccessPolicy.mayWrite(null, Scope.NONE));
    }

    @Test
    void aCoordinatorWithoutMunicipalityWritesNothing() {
        Caller unbound = Caller.fromRoleNames("x", List.of("coordinator"));
        assertFalse(AccessPolicy.mayWrite(unbound, Scope.of(Set.of("1487"), Set.of())));
    }
}
