package se.samverkan.shell.internal;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.lang.reflect.Proxy;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.karaf.shell.support.CommandException;
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
final class Fixtures {

    static final Municipality VANERSBORG =
            new Municipality("1487", "Vänersborg", "Västra Götalands län", "Fyrbodal", true, List.of("ar", "so", "ti"),
                    Map.of());
    static final Municipality GOTEBORG = new Municipality("1480", "Göteborg", "Västra Götalands län", null, true);
    static final Municipality STOCKHOLM = new Municipality("0180", "Stockholm", "Stockholms län", null, false);

    static final Organisation ABF = new Organisation("abf", "ABF Fyrbodal", OrganisationKind.STUDY_ASSOCIATION,
            "802002-1234", Set.of("1487", "1480"));
    static final Organisation RED_CROSS =
            new Organisation("red-cross", "Röda Korset Göteborg", OrganisationKind.NGO, null, Set.of("1480"));

    static final Agreement SWIM_IOP = new Agreement("iop-swim", "IOP simkurser", AgreementKind.IOP, Set.of("abf"),
            Set.of("1487"), "Simkunnighet för vuxna", new Period(LocalDate.of(2024, 1, 1), LocalDate.of(2026, 12, 31)),
            new BigDecimal("250000"), null, AgreementStatus.ACTIVE);
    static final Agreement CYCLING_DRAFT = new Agreement("grant-cycling", "Cykelskola", AgreementKind.GRANT,
            Set.of("red-cross"), Set.of(), null, null, null, null, AgreementStatus.DRAFT);

    static final Programme ROAD_IN = new Programme("vagen-in", "Vägen in", "abf", null, Set.of("1487", "1480"),
            new Period(LocalDate.of(2024, 1, 1), null), null,
            List.of(new OutcomeTarget(OutcomeTarget.Outcome.INTO_WORK, new BigDecimal("20")),
                    new OutcomeTarget(OutcomeTarget.Outcome.INTO_STUDIES, new BigDecimal("65.0"))));

    static final Venue ARENA = new Venue("arena", "Arena Vänersborg", "Idrottsvägen 1", "1487",
            Set.of(AccessibilityFeature.WHEELCHAIR_ACCESS, AccessibilityFeature.HEARING_LOOP));

    private Fixtures() {
    }

    /** A swimming course in Vänersborg run by ABF and by an organisation that has since been removed. */
    static Activity swimming(List<Occurrence> occurrences) {
        return new Activity("swim-vbg",
                Map.of("sv", "Simkurs för vuxna", "en", "Swimming for adults", "ar", "دورة سباحة للكبار"),
                Map.of("sv", "Lär dig simma i lugn takt.", "en", "Learn to swim at a calm pace."),
                ActivityCategory.SWIMMING, FocusArea.HEALTH, Set.of("adults", "women"), Set.of("sv", "ar"), "1487",
                List.of("abf", "gone"), "iop-swim", "vagen-in", "arena", 12, BigDecimal.ZERO, occurrences);
    }

    static Occurrence occurrence(long id, OffsetDateTime start, boolean cancelled) {
        return new Occurrence(id, start, start.plusHours(2),
                cancelled ? OccurrenceStatus.CANCELLED : OccurrenceStatus.SCHEDULED);
    }

    /** Anything that prints to the console: a table, a detail view, a command. */
    interface Printer {
        void print(PrintStream out) throws CommandException;
    }

    static String output(Printer printer) throws CommandException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        printer.print(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        return bytes.toString(StandardCharsets.UTF_8);
    }

    /** The cells of the first printed table row whose first cell is {@code firstCell}. */
    static List<String> row(String output, String firstCell) {
        return output.lines()
                .map(line -> List.of(line.split("\\s*[|│]\\s*", -1)).stream().map(String::strip).toList())
                .filter(cells -> cells.get(0).equals(firstCell))
                .findFirst()
                .orElseThrow(() -> new AssertionError("No row '" + firstCell + "' in:\n" + output));
    }

    static BundleContext bundleContext(Bundle... bundles) {
        return proxy(BundleContext.class, Map.of("getBundles", bundles));
    }

    static Bundle bundle(String symbolicName, String version, int state) {
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

    static InMemoryServices.Municipalities municipalities() {
        InMemoryServices.Municipalities m = new InMemoryServices().municipalities;
        m.seed(VANERSBORG, GOTEBORG, STOCKHOLM);
        return m;
    }

    static InMemoryServices.Organisations organisations() {
        InMemoryServices.Organisations o = new InMemoryServices().organisations;
        o.seed(ABF, RED_CROSS);
        return o;
    }

    static InMemoryServices.Agreements agreements() {
        InMemoryServices.Agreements a = new InMemoryServices().agreements;
        a.seed(SWIM_IOP, CYCLING_DRAFT);
        return a;
    }

    static InMemoryServices.Programmes programmes() {
        InMemoryServices.Programmes p = new InMemoryServices().programmes;
        p.seed(ROAD_IN);
        return p;
    }

    static InMemoryServices.Venues venues() {
        InMemoryServices.Venues v = new InMemoryServices().venues;
        v.seed(ARENA);
        return v;
    }

    static InMemoryServices.Activities activities(Activity... activities) {
        InMemoryServices.Activities a = new InMemoryServices().activities;
        a.seed(activities);
        return a;
    }
}
