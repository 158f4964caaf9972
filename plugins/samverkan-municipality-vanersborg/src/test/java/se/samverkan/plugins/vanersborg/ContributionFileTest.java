package se.samverkan.plugins.vanersborg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static se.samverkan.plugintesting.PluginFiles.idSet;
import static se.samverkan.plugintesting.PluginFiles.ids;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import se.samverkan.api.model.Activity;
import se.samverkan.api.model.Agreement;
import se.samverkan.api.model.AgreementStatus;
import se.samverkan.api.plugin.Contribution;
import se.samverkan.plugintesting.PluginFiles;

/** The plugin's file, read the way the platform reads it (DemoDataWithPluginsTest applies it, alone and with all). */
class ContributionFileTest {

    private static final LocalDate TODAY = LocalDate.of(2027, 1, 4);

    private static Contribution read() {
        return PluginFiles.read("/samverkan-municipality-vanersborg.json", TODAY);
    }

    @Test
    void theFileFitsThePlatform() {
        PluginFiles.assertValid("/samverkan-municipality-vanersborg.json");
    }

    @Test
    void bringsTheInterculturalCentreItsActivitiesAndItsStartUpGrant() {
        Contribution c = read();
        assertEquals(Set.of("1487", "1488"), idSet(c.municipalities(), m -> m.code()),
                "Trollhättan too: Support Group Network works in both");
        assertEquals(List.of("support-group-network", "open-society-foundations"), ids(c.organisations(), o -> o.id()));
        assertEquals(List.of("ikc-vanersborg"), ids(c.venues(), v -> v.id()));
        assertEquals(List.of("osf-startstod-ikc-vanersborg"), ids(c.agreements(), Agreement::id));
        assertTrue(c.programmes().isEmpty());
        assertEquals(List.of("kulturmote-barn-ikc-vanersborg", "kulturmote-vuxna-ikc-vanersborg",
                "samhallsinformation-ikc-vanersborg", "arbete-foretagande-ikc-vanersborg"), ids(c.activities(), Activity::id));
        for (Activity a : c.activities()) {
            assertEquals("1487", a.municipalityCode(), a.id());
            assertEquals("ikc-vanersborg", a.venueId(), a.id());
            assertEquals(List.of("support-group-network"), a.organiserIds(), a.id());
        }
    }

    @Test
    void theStartUpGrantFromOpenSocietyFoundationsEndedWith2020() {
        Agreement grant = read().agreements().get(0);
        assertEquals("open-society-foundations", grant.funderId());
        assertEquals(AgreementStatus.ENDED, grant.status());
        assertEquals(LocalDate.of(2020, 12, 31), grant.period().end());
    }

}
