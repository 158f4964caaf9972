package se.samverkan.plugins.abffyrbodal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
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
import se.samverkan.api.model.Municipality;
import se.samverkan.api.model.Organisation;
import se.samverkan.api.plugin.Contribution;
import se.samverkan.plugintesting.PluginFiles;

/** The plugin's file, read the way the platform reads it (DemoDataWithPluginsTest applies it, alone and with all). */
class ContributionFileTest {

    private static final LocalDate TODAY = LocalDate.of(2027, 1, 4);

    private static Contribution read() {
        return PluginFiles.read("/samverkan-partner-abf-fyrbodal.json", TODAY);
    }

    @Test
    void theFileFitsThePlatform() {
        PluginFiles.assertValid("/samverkan-partner-abf-fyrbodal.json");
    }

    @Test
    void bringsTheStudyAssociationAndMobilaKulturverkstad() {
        Contribution c = read();
        Organisation abf = c.organisations().get(0);
        assertEquals(List.of("abf-fyrbodal"), ids(c.organisations(), Organisation::id));
        assertEquals(abf.municipalityCodes(), idSet(c.municipalities(), Municipality::code));
        assertEquals(9, c.municipalities().size());
        c.municipalities().forEach(m -> assertEquals("Fyrbodal", m.subRegion(), m.code()));
        assertTrue(c.venues().isEmpty());
        assertEquals(List.of("iop-mobila-kulturverkstad"), ids(c.agreements(), Agreement::id));
        assertEquals(List.of("mobila-kulturverkstad-uddevalla"), ids(c.activities(), Activity::id));
    }

    @Test
    void theWorkshopIsAnIopThatStartedInUddevallaAndMovesAround() {
        Contribution c = read();
        Agreement iop = c.agreements().get(0);
        assertEquals(AgreementKind.IOP, iop.kind());
        assertEquals(Set.of("1485"), iop.municipalityCodes());
        Activity workshop = c.activities().get(0);
        assertEquals("1485", workshop.municipalityCode());
        assertEquals("iop-mobila-kulturverkstad", workshop.agreementId());
        assertNull(workshop.venueId(), "mobile: the place is given on registration");
        assertTrue(workshop.targetGroups().containsAll(Set.of("children", "youth")));
    }

}
