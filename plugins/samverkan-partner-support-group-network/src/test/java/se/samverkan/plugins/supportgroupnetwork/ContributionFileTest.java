package se.samverkan.plugins.supportgroupnetwork;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static se.samverkan.plugintesting.PluginFiles.idSet;
import static se.samverkan.plugintesting.PluginFiles.ids;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import se.samverkan.api.model.Agreement;
import se.samverkan.api.model.AgreementKind;
import se.samverkan.api.model.AgreementStatus;
import se.samverkan.api.model.Organisation;
import se.samverkan.api.plugin.Contribution;
import se.samverkan.plugintesting.PluginFiles;

/** The plugin's file, read the way the platform reads it (DemoDataWithPluginsTest applies it, alone and with all). */
class ContributionFileTest {

    private static final LocalDate TODAY = LocalDate.of(2027, 1, 4);

    private static Contribution read() {
        return PluginFiles.read("/samverkan-partner-support-group-network.json", TODAY);
    }

    @Test
    void theFileFitsThePlatform() {
        PluginFiles.assertValid("/samverkan-partner-support-group-network.json");
    }

    @Test
    void bringsTheAssociationItsCentresAndItsAgreements() {
        Contribution c = read();
        assertEquals(Set.of("1487", "1488", "1480", "1280"), idSet(c.municipalities(), m -> m.code()));
        assertEquals(List.of("support-group-network", "delegationen-mot-segregation"), ids(c.organisations(), Organisation::id));
        Organisation sgn = c.organisations().get(0);
        assertEquals(Set.of("1487", "1488"), sgn.municipalityCodes(), "where its centres are today");
        assertEquals(List.of("ikc-vanersborg", "ikc-trollhattan"), ids(c.venues(), v -> v.id()));
        assertEquals(List.of("1487", "1488"), ids(c.venues(), v -> v.municipalityCode()));
        assertEquals(List.of("iop-ikc-trollhattan", "delmos-ansokan-interkulturellt-center"), ids(c.agreements(), Agreement::id));
        assertTrue(c.activities().isEmpty(), "the centres' activities come with their municipalities");
    }

    @Test
    void theIopIsWithTrollhattanSinceTheEndOf2020() {
        Agreement iop = read().agreements().get(0);
        assertEquals(AgreementKind.IOP, iop.kind());
        assertEquals(Set.of("support-group-network"), iop.organisationIds());
        assertEquals(Set.of("1488"), iop.municipalityCodes());
        assertEquals(LocalDate.of(2020, 12, 1), iop.period().start());
        assertEquals(AgreementStatus.ACTIVE, iop.status());
    }

    @Test
    void theApplicationToDelmosIsStillADraftForFourCities() {
        Agreement application = read().agreements().get(1);
        assertEquals(AgreementStatus.DRAFT, application.status());
        assertEquals("delegationen-mot-segregation", application.funderId());
        assertEquals(Set.of("1487", "1488", "1480", "1280"), application.municipalityCodes());
    }

}
