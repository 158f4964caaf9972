package se.samverkan.plugins.testing;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import se.samverkan.api.plugin.Contribution;
import se.samverkan.api.service.EntityService;
import se.samverkan.api.testing.InMemoryServices;
import se.samverkan.plugins.internal.ContributionFile;

/** For the tests of plugins without Java: their file read as the platform reads it, and checks on what it stores. */
public final class PluginFiles {

    private PluginFiles() {
    }

    /** The contribution file on the test's class path, as if read on {@code today}. */
    public static Contribution read(String resource, LocalDate today) {
        try (InputStream in = PluginFiles.class.getResourceAsStream(resource)) {
            assertNotNull(in, resource + " is not on the class path");
            return ContributionFile.parse(in, today);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The file's raw text. */
    public static String text(String resource) {
        try (InputStream in = PluginFiles.class.getResourceAsStream(resource)) {
            assertNotNull(in, resource + " is not on the class path");
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What the real storage enforces with foreign keys: every reference names a stored record. */
    public static void assertEveryReferenceIsStored(InMemoryServices s) {
        s.organisations.list().forEach(o -> o.municipalityCodes().forEach(c -> assertStored(s.municipalities, c, o.id())));
        s.venues.list().forEach(v -> assertStored(s.municipalities, v.municipalityCode(), v.id()));
        s.agreements.list().forEach(a -> {
            a.organisationIds().forEach(o -> assertStored(s.organisations, o, a.id()));
            a.municipalityCodes().forEach(c -> assertStored(s.municipalities, c, a.id()));
            assertStored(s.organisations, a.funderId(), a.id());
        });
        s.programmes.list().forEach(p -> {
            assertStored(s.organisations, p.ownerId(), p.id());
            assertStored(s.organisations, p.funderId(), p.id());
            p.municipalityCodes().forEach(c -> assertStored(s.municipalities, c, p.id()));
        });
        s.activities.list().forEach(a -> {
            assertStored(s.municipalities, a.municipalityCode(), a.id());
            a.organiserIds().forEach(o -> assertStored(s.organisations, o, a.id()));
            assertStored(s.venues, a.venueId(), a.id());
            assertStored(s.agreements, a.agreementId(), a.id());
            assertStored(s.programmes, a.programmeId(), a.id());
        });
    }

    /** An optional reference (null) passes. */
    private static void assertStored(EntityService<?> service, String id, String owner) {
        assertTrue(id == null || service.find(id).isPresent(), owner + " refers to unknown " + service.kind() + " " + id);
    }

    public static <T> List<String> ids(List<T> records, Function<T, String> id) {
        return records.stream().map(id).toList();
    }

    public static <T> Set<String> idSet(List<T> records, Function<T, String> id) {
        return records.stream().map(id).collect(Collectors.toSet());
    }
}
