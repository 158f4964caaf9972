package se.samverkan.plugintesting;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Collectors;

import se.samverkan.api.model.Activity;
import se.samverkan.api.model.Agreement;
import se.samverkan.api.model.Municipality;
import se.samverkan.api.model.Organisation;
import se.samverkan.api.model.Programme;
import se.samverkan.api.model.Venue;
import se.samverkan.api.plugin.Contribution;
import se.samverkan.api.service.SamverkanException;
import se.samverkan.api.validation.Validation;
import se.samverkan.plugins.ContributionFile;

/**
 * The tests of a plugin's contribution file: read with the platform's own reader ({@link ContributionFile}) and
 * checked with the validation the platform's storage runs on every write ({@link Validation}), so that a mistake
 * fails the plugin's build instead of its installation. The whole test of a plugin without Java:
 *
 * <pre>
 * &#64;Test
 * void theFileFitsThePlatform() {
 *     PluginFiles.assertValid("/samverkan-municipality-tanum.json");
 * }
 * </pre>
 */
public final class PluginFiles {

    private PluginFiles() {
    }

    /**
     * Reads the file on the test's class path as the platform would today and fails naming every record the
     * platform would refuse or not take: an invalid field, a reference to a record that is neither in the file
     * nor in {@code elsewhere}, a record brought twice.
     *
     * @param resource  the file's path on the class path, e.g. {@code "/samverkan-municipality-tanum.json"}
     * @param elsewhere ids of records the file refers to but does not bring (another plugin's, or made through
     *                  the API): the platform takes the references if those records exist when it applies the plugin
     * @return what the file contributes, for the plugin's own assertions
     */
    public static Contribution assertValid(String resource, String... elsewhere) {
        Contribution contribution = read(resource, LocalDate.now(Activity.ZONE));
        failOnProblems(resource, contribution, elsewhere);
        return contribution;
    }

    /** {@link #assertValid(String, String...)} for records at hand, e.g. all that several plugins stored. */
    public static void assertValid(Contribution contribution, String... elsewhere) {
        failOnProblems("the records", contribution, elsewhere);
    }

    /** Every problem of {@link #assertValid(String, String...)}, one line each; empty if there is none. */
    public static List<String> problems(Contribution c, Set<String> elsewhere) {
        List<Kind<?>> kinds = List.of(
                new Kind<>("municipality", c.municipalities(), Municipality::code, Validation::validate,
                        m -> List.of()),
                new Kind<>("organisation", c.organisations(), Organisation::id, Validation::validate,
                        o -> refs("municipalityCodes", "municipality", o.municipalityCodes())),
                new Kind<>("venue", c.venues(), Venue::id, Validation::validate,
                        v -> refs("municipalityCode", "municipality", one(v.municipalityCode()))),
                new Kind<>("agreement", c.agreements(), Agreement::id, Validation::validate, a -> concat(
                        refs("organisationIds", "organisation", a.organisationIds()),
                        refs("municipalityCodes", "municipality", a.municipalityCodes()),
                        refs("funderId", "organisation", one(a.funderId())))),
                new Kind<>("programme", c.programmes(), Programme::id, Validation::validate, p -> concat(
                        refs("ownerId", "organisation", one(p.ownerId())),
                        refs("funderId", "organisation", one(p.funderId())),
                        refs("municipalityCodes", "municipality", p.municipalityCodes()))),
                new Kind<>("activity", c.activities(), Activity::id, Validation::validate, a -> concat(
                        refs("municipalityCode", "municipality", one(a.municipalityCode())),
                        refs("organiserIds", "organisation", a.organiserIds()),
                        refs("agreementId", "agreement", one(a.agreementId())),
                        refs("programmeId", "programme", one(a.programmeId())),
                        refs("venueId", "venue", one(a.venueId())))));
        Map<String, Set<String>> brought = new HashMap<>();
        List<String> problems = new ArrayList<>();
        kinds.forEach(kind -> kind.collect(brought, problems));
        kinds.forEach(kind -> kind.check(brought, elsewhere, problems));
        return problems;
    }

    /** The contribution file on the test's class path, as the platform reads it on {@code today}. */
    public static Contribution read(String resource, LocalDate today) {
        try (InputStream in = open(resource)) {
            return ContributionFile.parse(in, today);
        } catch (IOException | IllegalArgumentException e) {
            // What the platform would report as the plugin's failure.
            return fail(resource + " is not a valid contribution: " + e.getMessage(), e);
        }
    }

    /** The file's text. */
    public static String text(String resource) {
        try (InputStream in = open(resource)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The records' ids in order, e.g. {@code ids(c.venues(), Venue::id)}. */
    public static <T> List<String> ids(List<T> records, Function<T, String> id) {
        return records.stream().map(id).toList();
    }

    public static <T> Set<String> idSet(List<T> records, Function<T, String> id) {
        return records.stream().map(id).collect(Collectors.toSet());
    }

    private static InputStream open(String resource) {
        InputStream in = PluginFiles.class.getResourceAsStream(resource);
        assertNotNull(in, resource + " is not on the class path");
        return in;
    }

    private static void failOnProblems(String what, Contribution contribution, String... elsewhere) {
        List<String> problems = problems(contribution, Set.of(elsewhere));
        if (!problems.isEmpty()) {
            fail(what + ": " + problems.size() + " problem(s)\n  " + String.join("\n  ", problems));
        }
    }

    /** A reference from one record to another, as the storage checks it. */
    private record Ref(String field, String kind, String id) {
    }

    private static List<Ref> refs(String field, String kind, Collection<String> ids) {
        return ids == null ? List.of()
                : ids.stream().filter(Objects::nonNull).map(id -> new Ref(field, kind, id)).toList();
    }

    private static List<String> one(String id) {
        return id == null ? List.of() : List.of(id);
    }

    @SafeVarargs
    private static List<Ref> concat(List<Ref>... refs) {
        return Arrays.stream(refs).flatMap(List::stream).toList();
    }

    /** One kind of record of a contribution: how to name, validate and follow it. */
    private record Kind<T>(String name, List<T> records, Function<T, String> idOf, Consumer<T> validate,
                           Function<T, List<Ref>> references) {

        /** Notes the ids this kind brings; the platform keeps the first of two records with one id. */
        void collect(Map<String, Set<String>> brought, List<String> problems) {
            Set<String> ids = brought.computeIfAbsent(name, k -> new HashSet<>());
            Set<String> twice = new LinkedHashSet<>();
            for (T record : records) {
                String id = idOf.apply(record);
                if (id != null && !ids.add(id)) {
                    twice.add(id);
                }
            }
            twice.forEach(id -> problems.add(name + " " + id + ": brought twice; only the first is applied"));
        }

        void check(Map<String, Set<String>> brought, Set<String> elsewhere, List<String> problems) {
            for (T record : records) {
                String id = idOf.apply(record);
                try {
                    validate.accept(record);
                } catch (SamverkanException e) {
                    problems.add(name + " " + id + ": " + e.getMessage());
                }
                references.apply(record).stream()
                        .filter(ref -> !brought.getOrDefault(ref.kind(), Set.of()).contains(ref.id())
                                && !elsewhere.contains(ref.id()))
                        .forEach(ref -> problems.add(name + " " + id + ": " + ref.field() + ": no " + ref.kind()
                                + " with id '" + ref.id() + "' in the file (nor named as elsewhere)"));
            }
        }
    }
}
