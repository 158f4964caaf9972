package se.samverkan.rest.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.osgi.framework.Bundle;
import org.osgi.framework.dto.ServiceReferenceDTO;
import org.osgi.service.component.runtime.ServiceComponentRuntime;
import org.osgi.service.component.runtime.dto.ComponentConfigurationDTO;
import org.osgi.service.component.runtime.dto.ComponentDescriptionDTO;
import org.osgi.service.component.runtime.dto.ReferenceDTO;
import org.osgi.service.component.runtime.dto.SatisfiedReferenceDTO;
import org.osgi.service.component.runtime.dto.UnsatisfiedReferenceDTO;
import org.osgi.util.promise.Promise;

/** The component runtime's DTOs as Felix SCR fills them, read into health problems. */
class ComponentHealthTest {

    private final ComponentDescriptionDTO registries = component("se.samverkan.registries.internal.Registries",
            reference("addRegistry", "se.samverkan.registries.internal.Registry", "0..n", "dynamic"));

    @Test
    void aComponentThatTookEveryRegisteredServiceIsUp() {
        var health = health(Map.of(registries, List.of(active(bound("addRegistry", 11, 12)))), Set.of(11L, 12L));
        assertEquals(List.of(), health.problems());
    }

    @Test
    void aRegisteredServiceTheComponentDidNotTakeIsNamed() {
        // After a restart, the kolada registry (12) was registered but never bound: a cycle refused getting it.
        var health = health(Map.of(registries, List.of(active(bound("addRegistry", 11)))), Set.of(11L, 12L));
        assertEquals(List.of("se.samverkan.registries.internal.Registries has not taken 1 registered "
                + "se.samverkan.registries.internal.Registry service(s) [12]"), health.problems());
    }

    @Test
    void waitingAndFailedComponentsAreNamedAndDisabledOnesAreNot() {
        ComponentConfigurationDTO waiting = configuration(ComponentConfigurationDTO.UNSATISFIED_REFERENCE);
        UnsatisfiedReferenceDTO schema = new UnsatisfiedReferenceDTO();
        schema.name = "schema";
        waiting.unsatisfiedReferences = new UnsatisfiedReferenceDTO[]{schema};
        ComponentConfigurationDTO failed = configuration(ComponentConfigurationDTO.FAILED_ACTIVATION);
        failed.failure = "java.lang.IllegalStateException: no port\n\tat se.samverkan.X.start(X.java:1)";
        ComponentDescriptionDTO quarantine = component("se.samverkan.routes.internal.QuarantineImpl");
        ComponentDescriptionDTO feed = component("se.samverkan.feeds.internal.Feed");
        ComponentDescriptionDTO off = component("se.samverkan.Off");
        off.defaultEnabled = false;
        var health = health(Map.of(quarantine, List.of(waiting), feed, List.of(failed),
                off, List.of(configuration(ComponentConfigurationDTO.UNSATISFIED_REFERENCE))), Set.of());
        assertEquals(Set.of("se.samverkan.routes.internal.QuarantineImpl waits for schema",
                        "se.samverkan.feeds.internal.Feed failed to start: java.lang.IllegalStateException: no port"),
                Set.copyOf(health.problems()));
    }

    @Test
    void aSatisfiedComponentNotYetActivatedHasBoundNothingAndIsUp() {
        var health = health(Map.of(registries, List.of(configuration(ComponentConfigurationDTO.SATISFIED))),
                Set.of(11L));
        assertEquals(List.of(), health.problems());
    }

    @Test
    void anImmediateComponentNotYetActivatedIsStarting() {
        // The first administrator is created while the security bundle starts: until then a login fails.
        ComponentDescriptionDTO accounts = component("se.samverkan.security.internal.Accounts");
        accounts.immediate = true;
        var health = health(Map.of(accounts, List.of(configuration(ComponentConfigurationDTO.SATISFIED))), Set.of());
        assertEquals(List.of("se.samverkan.security.internal.Accounts is starting"), health.problems());
    }

    private static ComponentHealth health(Map<ComponentDescriptionDTO, List<ComponentConfigurationDTO>> state,
                                          Set<Long> registered) {
        return new ComponentHealth(new Runtime(state), scr -> state.keySet(), (c, r) -> registered);
    }

    private static ComponentDescriptionDTO component(String name, ReferenceDTO... references) {
        ComponentDescriptionDTO d = new ComponentDescriptionDTO();
        d.name = name;
        d.defaultEnabled = true;
        d.references = references;
        return d;
    }

    private static ReferenceDTO reference(String name, String type, String cardinality, String policy) {
        ReferenceDTO r = new ReferenceDTO();
        r.name = name;
        r.interfaceName = type;
        r.cardinality = cardinality;
        r.policy = policy;
        return r;
    }

    private static ComponentConfigurationDTO configuration(int state) {
        ComponentConfigurationDTO c = new ComponentConfigurationDTO();
        c.state = state;
        c.satisfiedReferences = new SatisfiedReferenceDTO[0];
        c.unsatisfiedReferences = new UnsatisfiedReferenceDTO[0];
        return c;
    }

    private static ComponentConfigurationDTO active(SatisfiedReferenceDTO... references) {
        ComponentConfigurationDTO c = configuration(ComponentConfigurationDTO.ACTIVE);
        c.satisfiedReferences = references;
        return c;
    }

    private static SatisfiedReferenceDTO bound(String name, long... serviceIds) {
        SatisfiedReferenceDTO s = new SatisfiedReferenceDTO();
        s.name = name;
        s.boundServices = java.util.Arrays.stream(serviceIds).mapToObj(id -> {
            ServiceReferenceDTO r = new ServiceReferenceDTO();
            r.id = id;
            return r;
        }).toArray(ServiceReferenceDTO[]::new);
        return s;
    }

    /** The runtime's read side over fixed DTOs; enabling and disabling are not used by the health check. */
    private record Runtime(Map<ComponentDescriptionDTO, List<ComponentConfigurationDTO>> state)
            implements ServiceComponentRuntime {

        @Override
        public java.util.Collection<ComponentDescriptionDTO> getComponentDescriptionDTOs(Bundle... bundles) {
            return state.keySet();
        }

        @Override
        public ComponentDescriptionDTO getComponentDescriptionDTO(Bundle bundle, String name) {
            return state.keySet().stream().filter(d -> d.name.equals(name)).findFirst().orElse(null);
        }

        @Override
        public java.util.Collection<ComponentConfigurationDTO> getComponentConfigurationDTOs(
                ComponentDescriptionDTO description) {
            return state.get(description);
        }

        @Override
        public boolean isComponentEnabled(ComponentDescriptionDTO description) {
            return description.defaultEnabled;
        }

        @Override
        public Promise<Void> enableComponent(ComponentDescriptionDTO description) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Promise<Void> disableComponent(ComponentDescriptionDTO description) {
            throw new UnsupportedOperationException();
        }
    }
}
