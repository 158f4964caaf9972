package se.samverkan.shell.testing;

import java.lang.reflect.Proxy;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Version;

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
import se.samverkan.api.testing.InMemoryServices;

/** Sample records, in-memory services and helpers that read what the commands print. */
public final class Fixtures {

    public static final Municipality VANERSBORG =
            new Municipality("1487", "Vänersborg", "Västra Götalands län", "Fyrbodal", true, List.of("ar", "so", "ti"),
                    Map.of());
    public static final Municipality GOTEBORG = new Municipality("1480", "Göteborg", "Västra Götalands län", null, true);
    public static final Municipality STOCKHOLM = new Municipality("0180", "Stockholm", "Stockholms län", null, false);

    public static final Organisation ABF = new Organisation("abf", "ABF Fyrbodal", OrganisationKind.STUDY_ASSOCIATION,
            "802002-1234", Set.of("1487", "1480"));
    public static final Organisation RED_CROSS =
            new Organisation("red-cross", "Röda Korset Göteborg", OrganisationKind.NGO, null, Set.of("1480"));

    public static final Agreement SWIM_IOP = new Agreement("iop-swim", "IOP simkurser", AgreementKind.IOP, Set.of("abf"),
            Set.of("1487"), "Simkunnighet för vuxna", new Period(LocalDate.of(2024, 1, 1), LocalDate.of(2026, 12, 31)),
            new BigDecimal("250000"), null, AgreementStatus.ACTIVE);
    public static final Agreement CYCLING_DRAFT = new Agreement("grant-cycling", "Cykelskola", AgreementKind.GRANT,
            Set.of("red-cross"), Set.of(), null, null, null, null, AgreementStatus.DRAFT);

    public static final Programme ROAD_IN = new Programme("vagen-in", "Vägen in", "abf", null, Set.of("1487", "1480"),
            new Period(LocalDate.of(2024, 1, 1), null), null,
            List.of(new OutcomeTarget(OutcomeTarget.Outcome.INTO_WORK, new BigDecimal("20")),
                    new OutcomeTarget(OutcomeTarget.Outcome.INTO_STUDIES, new BigDecimal("65.0"))));

    public static final Venue ARENA = new Venue("arena", "Arena Vänersborg", "Idrottsvägen 1", "1487",
            Set.of(AccessibilityFeature.WHEELCHAIR_ACCESS, AccessibilityFeature.HEARING_LOOP));

    private Fixtures() {
    }

    /** A swimming course in Vänersborg run by ABF and by an organisation that has since been removed. */
    public static Activity swimming(List<Occurrence> occurrences) {
        return new Activity("swim-vbg",
                Map.of("sv", "Simkurs för vuxna", "en", "Swimming for adults", "ar", "دورة سباحة للكبار"),
                Map.of("sv", "Lär dig simma i lugn takt.", "en", "Learn to swim at a calm pace."),
                ActivityCategory.SWIMMING, FocusArea.HEALTH, Set.of("adults", "women"), Set.of("sv", "ar"), "1487",
                List.of("abf", "gone"), "iop-swim", "vagen-in", "arena", 12, BigDecimal.ZERO, occurrences);
    }

    public static Occurrence occurrence(long id, OffsetDateTime start, boolean cancelled) {
        return new Occurrence(id, start, start.plusHours(2),
                cancelled ? OccurrenceStatus.CANCELLED : OccurrenceStatus.SCHEDULED);
    }

    public static BundleContext bundleContext(Bundle... bundles) {
        return proxy(BundleContext.class, Map.of("getBundles", bundles));
    }

    public static Bundle bundle(String symbolicName, String version, int state) {
        return proxy(Bundle.class, Map.of("getSymbolicName", symbolicName,
                "getVersion", Version.parseVersion(version), "getState", state));
    }

    /** The OSGi interfaces are large; the command reads only a few getters. */
    private static <T> T proxy(Class<T> type, Map<String, Object> answers) {
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (p, method, args) -> {
            if (!answers.containsKey(method.getName())) {
                throw new UnsupportedOperationException(method.getName());
            }
            return answers.get(method.getName());
        }));
    }

    public static InMemoryServices.Municipalities municipalities() {
        InMemoryServices.Municipalities m = new InMemoryServices().municipalities;
        m.seed(VANERSBORG, GOTEBORG, STOCKHOLM);
        return m;
    }

    public static InMemoryServices.Organisations organisations() {
        InMemoryServices.Organisations o = new InMemoryServices().organisations;
        o.seed(ABF, RED_CROSS);
        return o;
    }

    public static InMemoryServices.Agreements agreements() {
        InMemoryServices.Agreements a = new InMemoryServices().agreements;
        a.seed(SWIM_IOP, CYCLING_DRAFT);
        return a;
    }

    public static InMemoryServices.Programmes programmes() {
        InMemoryServices.Programmes p = new InMemoryServices().programmes;
        p.seed(ROAD_IN);
        return p;
    }

    public static InMemoryServices.Venues venues() {
        InMemoryServices.Venues v = new InMemoryServices().venues;
        v.seed(ARENA);
        return v;
    }

    public static InMemoryServices.Activities activities(Activity... activities) {
        InMemoryServices.Activities a = new InMemoryServices().activities;
        a.seed(activities);
        return a;
    }
}
