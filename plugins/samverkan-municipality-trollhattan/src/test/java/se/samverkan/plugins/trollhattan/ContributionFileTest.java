package se.samverkan.plugins.trollhattan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static se.samverkan.plugintesting.PluginFiles.idSet;
import static se.samverkan.plugintesting.PluginFiles.ids;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import se.samverkan.api.model.Activity;
import se.samverkan.api.model.Agreement;
import se.samverkan.api.plugin.Contribution;
import se.samverkan.plugintesting.PluginFiles;

/** The plugin's file, read the way the platform reads it (DemoDataWithPluginsTest applies it, alone and with all). */
class ContributionFileTest {

    private static final LocalDate TODAY = LocalDate.of(2027, 1, 4);

    private static Contribution read() {
        return PluginFiles.read("/samverkan-municipality-trollhattan.json", TODAY);
    }

    @Test
    void theFileFitsThePlatform() {
        PluginFiles.assertValid("/samverkan-municipality-trollhattan.json");
    }

    @Test
    void bringsTheInterculturalCentreAndItsActivitiesUnderTheIop() {
        Contribution c = read();
        assertEquals(Set.of("1488", "1487"), idSet(c.municipalities(), m -> m.code()),
                "Vänersborg too: Support Group Network works in both");
        assertEquals(List.of("support-group-network"), ids(c.organisations(), o -> o.id()));
        assertEquals(List.of("ikc-trollhattan"), ids(c.venues(), v -> v.id()));
        assertEquals(List.of("iop-ikc-trollhattan"), ids(c.agreements(), Agreement::id));
        assertEquals(List.of("kulturmote-barn-ikc-trollhattan", "kulturmote-vuxna-ikc-trollhattan",
                "samhallsinformation-ikc-trollhattan"), ids(c.activities(), Activity::id));
        for (Activity a : c.activities()) {
            assertEquals("1488", a.municipalityCode(), a.id());
            assertEquals("ikc-trollhattan", a.venueId(), a.id());
            assertEquals("iop-ikc-trollhattan", a.agreementId(), a.id());
            assertEquals(List.of("support-group-network"), a.organiserIds(), a.id());
        }
    }

    @Test
    void civicInformationIsGivenInTheLanguagesOfTheKeyPersons() {
        Activity evening = read().activities().stream()
                .filter(a -> a.id().equals("samhallsinformation-ikc-trollhattan")).findFirst().orElseThrow();
        assertEquals(Set.of("sv", "ar", "so", "ti"), evening.languages());
        assertEquals(4, evening.occurrences().size());
    }

}
