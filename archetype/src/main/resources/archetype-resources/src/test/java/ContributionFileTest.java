package ${package};

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import se.samverkan.api.plugin.Contribution;
import se.samverkan.plugintesting.PluginFiles;

/**
 * Reads ${artifactId}.json with the platform's own reader and validation, so a mistake in it (a typo in a field
 * name, an unknown category, a missing Swedish title, a venue that does not exist) fails the build instead of the
 * installation, with every problem named.
 */
class ContributionFileTest {

    /**
     * Ids of records that this file uses but does not bring: another plugin's, or made through the API. The
     * platform accepts them if they exist when the plugin is applied.
     */
    private static final String[] ELSEWHERE = {};

    @Test
    void theFileFitsThePlatform() {
        Contribution c = PluginFiles.assertValid("/${artifactId}.json", ELSEWHERE);
        assertTrue(c.municipalities().stream().anyMatch(m -> m.code().equals("${municipalityCode}")),
                "the file brings its own municipality (and may bring neighbours its partners work in)");
    }
}
