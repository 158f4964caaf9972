package se.samverkan.plugins.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import se.samverkan.api.model.Municipality;
import se.samverkan.api.model.Organisation;
import se.samverkan.api.model.OrganisationKind;
import se.samverkan.api.plugin.Contribution;
import se.samverkan.api.plugin.PluginReport.State;
import se.samverkan.api.testing.InMemoryServices;

class ConfiguredPluginTest {

    @Test
    void aMunicipalityAndAPartnerFromConfigurationAlone() {
        ConfiguredPlugin plugin = new ConfiguredPlugin(Map.ofEntries(
                Map.entry("service.pid", "se.samverkan.plugin.4f2a"), Map.entry("name", "municipality-laxa"),
                Map.entry("municipality.code", "1860"), Map.entry("municipality.name", "Laxå"),
                Map.entry("municipality.county", "Örebro län"), Map.entry("municipality.languages", "ar, so ,ti"),
                Map.entry("municipality.setting.mail.from", "integration@laxa.se"),
                Map.entry("organisation.id", "laxa-folkets-hus"), Map.entry("organisation.name", "Folkets hus Laxå"),
                Map.entry("organisation.kind", "association"), Map.entry("organisation.municipalities", "1860")));
        assertEquals("municipality-laxa", plugin.name());
        Contribution c = plugin.contribution();
        assertEquals(List.of(new Municipality("1860", "Laxå", "Örebro län", null, true, List.of("ar", "so", "ti"),
                Map.of("mail.from", "integration@laxa.se"))), c.municipalities());
        assertEquals(List.of(new Organisation("laxa-folkets-hus", "Folkets hus Laxå", OrganisationKind.ASSOCIATION,
                null, Set.of("1860"))), c.organisations());

        InMemoryServices services = new InMemoryServices();
        Plugins plugins = new Plugins(services.municipalities, services.organisations, services.venues,
                services.agreements, services.programmes, services.activities, services.ledger, null);
        assertEquals(State.APPLIED, plugins.apply(plugin, "samverkan-plugins", "0.1.0", false).state());
        assertEquals("Laxå", services.municipalities.get("1860").name());
    }

    @Test
    void aContributionFileCanBeNamedAndItsNameDefaultsToThePid(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("askersund.json");
        Files.writeString(file, "{\"municipalities\": [{\"code\": \"1882\", \"name\": \"Askersund\", "
                + "\"county\": \"Örebro län\", \"active\": true, \"languages\": [\"ar\"]}]}", StandardCharsets.UTF_8);
        ConfiguredPlugin plugin = new ConfiguredPlugin(Map.of("service.pid", "se.samverkan.plugin.9c1",
                "file", file.toString()));
        assertEquals("se.samverkan.plugin.9c1", plugin.name());
        assertEquals(List.of("ar"), plugin.contribution().municipalities().get(0).languages());
    }

    @Test
    void badValuesAreNamedWhenApplied() {
        ConfiguredPlugin plugin = new ConfiguredPlugin(Map.of("organisation.id", "x", "organisation.kind", "club"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, plugin::contribution);
        assertTrue(e.getMessage().startsWith("organisation.kind 'club' is none of [MUNICIPAL_UNIT"), e.getMessage());
        ConfiguredPlugin missing = new ConfiguredPlugin(Map.of("file", "/no/such/file.json"));
        assertTrue(assertThrows(RuntimeException.class, missing::contribution).getMessage()
                .startsWith("/no/such/file.json cannot be read as a contribution"));
    }
}
