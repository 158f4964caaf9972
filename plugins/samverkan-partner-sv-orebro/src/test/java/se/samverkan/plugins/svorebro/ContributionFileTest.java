package se.samverkan.plugins.svorebro;

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
import se.samverkan.api.model.AgreementKind;
import se.samverkan.api.model.Organisation;
import se.samverkan.api.model.OrganisationKind;
import se.samverkan.api.model.Venue;
import se.samverkan.api.plugin.Contribution;
import se.samverkan.plugintesting.PluginFiles;

/** The plugin's file, read the way the platform reads it (DemoDataWithPluginsTest applies it, alone and with all). */
class ContributionFileTest {

    private static final LocalDate TODAY = LocalDate.of(2027, 1, 4);

    private static Contribution read() {
        return PluginFiles.read("/samverkan-partner-sv-orebro.json", TODAY);
    }

    @Test
    void theFileFitsThePlatform() {
        PluginFiles.assertValid("/samverkan-partner-sv-orebro.json");
    }

    @Test
    void bringsTheStudyAssociationItsPremisesCoursesAndAgreements() {
        Contribution c = read();
        assertEquals(List.of("1882", "1861", "1860"), ids(c.municipalities(), m -> m.code()));
        assertEquals(List.of("Askersund", "Hallsberg", "Laxå"), ids(c.municipalities(), m -> m.name()));
        assertEquals(List.of("sv-orebro-lan", "delegationen-mot-segregation", "svenska-esf-radet"),
                ids(c.organisations(), Organisation::id));
        Organisation sv = c.organisations().get(0);
        assertEquals(OrganisationKind.STUDY_ASSOCIATION, sv.kind());
        assertEquals(Set.of("1882", "1861", "1860"), sv.municipalityCodes());
        assertEquals(List.of("sv-askersund", "sv-hallsberg", "sv-laxa"), ids(c.venues(), Venue::id));
        assertEquals(List.of("delmos-kartlaggning-sv-orebro-lan", "langsiktig-plan-askersund-hallsberg-laxa",
                "esf-care-of-folkbildning", "esf-fast-care-of-folkbildning"), ids(c.agreements(), Agreement::id));
        c.agreements().forEach(a -> assertEquals(Set.of("sv-orebro-lan"), a.organisationIds(), a.id()));
        assertEquals(List.of("sv-svenska-arbetslivet-askersund", "sv-samhalle-demokrati-hallsberg",
                "sv-mot-arbetsgivare-laxa"), ids(c.activities(), Activity::id));
    }

    @Test
    void everyCourseIsAtTheAssociationsPremisesInItsMunicipalityUnderOneOfItsAgreements() {
        Contribution c = read();
        Set<String> agreements = idSet(c.agreements(), Agreement::id);
        for (Activity a : c.activities()) {
            Venue venue = c.venues().stream().filter(v -> v.id().equals(a.venueId())).findFirst().orElseThrow();
            assertEquals(venue.municipalityCode(), a.municipalityCode(), a.id());
            assertEquals(List.of("sv-orebro-lan"), a.organiserIds(), a.id());
            assertTrue(agreements.contains(a.agreementId()), a.id());
        }
    }

    @Test
    void theEsfProjectsAreFundedByTheEsfCouncil() {
        List<Agreement> esf = read().agreements().stream().filter(a -> a.kind() == AgreementKind.ESF_PROJECT).toList();
        assertEquals(2, esf.size());
        esf.forEach(a -> assertEquals("svenska-esf-radet", a.funderId(), a.id()));
    }

}
