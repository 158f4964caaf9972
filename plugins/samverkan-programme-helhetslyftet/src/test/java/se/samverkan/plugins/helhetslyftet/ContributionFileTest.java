package se.samverkan.plugins.helhetslyftet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static se.samverkan.plugintesting.PluginFiles.idSet;
import static se.samverkan.plugintesting.PluginFiles.ids;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import se.samverkan.api.model.Activity;
import se.samverkan.api.model.Municipality;
import se.samverkan.api.model.Organisation;
import se.samverkan.api.model.Programme;
import se.samverkan.api.plugin.Contribution;
import se.samverkan.plugintesting.PluginFiles;

/** The plugin's file, read the way the platform reads it (DemoDataWithPluginsTest applies it, alone and with all). */
class ContributionFileTest {

    private static final LocalDate TODAY = LocalDate.of(2027, 1, 4);

    private static Contribution read() {
        return PluginFiles.read("/samverkan-programme-helhetslyftet.json", TODAY);
    }

    @Test
    void theFileFitsThePlatform() {
        PluginFiles.assertValid("/samverkan-programme-helhetslyftet.json");
    }

    @Test
    void bringsTheProgrammeItsOwnerItsFunderAndItsActivity() {
        Contribution c = read();
        assertEquals(List.of("vastra-gotalandsregionen", "migrationsverket"), ids(c.organisations(), Organisation::id));
        Organisation region = c.organisations().get(0);
        assertEquals(region.municipalityCodes(), idSet(c.municipalities(), Municipality::code),
                "every municipality the region's record names");
        assertEquals(List.of("amif-helhetslyftet"), ids(c.programmes(), Programme::id));
        assertEquals(List.of("helhetslyftet-stromstad"), ids(c.activities(), Activity::id));
        assertTrue(c.venues().isEmpty() && c.agreements().isEmpty());
    }

    @Test
    void theRegionRunsItWithAmifMoneyInTrollhattanVanersborgAndStromstad() {
        Contribution c = read();
        Programme helhetslyftet = c.programmes().get(0);
        assertEquals("vastra-gotalandsregionen", helhetslyftet.ownerId());
        assertEquals("migrationsverket", helhetslyftet.funderId());
        assertEquals(Set.of("1488", "1487", "1486"), helhetslyftet.municipalityCodes());
        for (Activity a : c.activities()) {
            assertEquals("amif-helhetslyftet", a.programmeId(), a.id());
            assertTrue(helhetslyftet.municipalityCodes().contains(a.municipalityCode()), a.id());
            assertTrue(a.targetGroups().contains("third-country-nationals"), a.id());
        }
    }

}
