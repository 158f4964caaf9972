package ${package};

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import se.samverkan.api.model.Activity;
import se.samverkan.api.model.Organisation;
import se.samverkan.api.model.Venue;
import se.samverkan.api.plugin.Contribution;
import se.samverkan.api.validation.Validation;
import se.samverkan.plugins.internal.ContributionFile;

/**
 * Reads ${artifactId}.json the way the platform does, so a mistake in it (a typo in a field name, an unknown
 * category, a missing Swedish title, a venue that does not exist) fails the build instead of the installation.
 */
class ContributionFileTest {

    private static final String FILE = "/${artifactId}.json";
    private static final String CODE = "${municipalityCode}";
    /**
     * Ids of venues and organisations that this file uses but does not bring: records of another plugin or made
     * through the API. The platform accepts them if they exist when the plugin is applied.
     */
    private static final Set<String> ELSEWHERE = Set.of();

    private static Contribution read() throws IOException {
        try (InputStream in = ContributionFileTest.class.getResourceAsStream(FILE)) {
            assertTrue(in != null, FILE + " is missing");
            return ContributionFile.parse(in, LocalDate.now());
        }
    }

    @Test
    void theFileFitsThePlatform() throws IOException {
        Contribution c = read();
        assertTrue(c.municipalities().stream().anyMatch(m -> m.code().equals(CODE)),
                "the file brings its own municipality (and may bring neighbours its partners work in)");
        c.municipalities().forEach(Validation::validate);
        c.organisations().forEach(Validation::validate);
        c.venues().forEach(Validation::validate);
        c.activities().forEach(Validation::validate);
        c.activities().forEach(a -> assertFalse(a.occurrences().isEmpty(), a.id() + " has sessions"));
    }

    @Test
    void referencesPointAtRecordsOfThisFile() throws IOException {
        Contribution c = read();
        Set<String> venues = c.venues().stream().map(Venue::id).collect(Collectors.toSet());
        Set<String> organisations = c.organisations().stream().map(Organisation::id).collect(Collectors.toSet());
        Set<String> municipalities = c.municipalities().stream().map(m -> m.code()).collect(Collectors.toSet());
        c.venues().forEach(v -> assertTrue(municipalities.contains(v.municipalityCode()), v.id()
                + ": municipality " + v.municipalityCode() + " is not in the file"));
        for (Activity a : c.activities()) {
            assertTrue(municipalities.contains(a.municipalityCode()), a.id() + ": municipality "
                    + a.municipalityCode() + " is not in the file");
            assertTrue(a.venueId() == null || venues.contains(a.venueId()) || ELSEWHERE.contains(a.venueId()),
                    a.id() + ": venue " + a.venueId() + " is not in the file (nor in ELSEWHERE)");
            if (a.organiserIds() != null) {
                a.organiserIds().forEach(o -> assertTrue(organisations.contains(o) || ELSEWHERE.contains(o),
                        a.id() + ": organiser " + o + " is not in the file (nor in ELSEWHERE)"));
            }
        }
    }
}
