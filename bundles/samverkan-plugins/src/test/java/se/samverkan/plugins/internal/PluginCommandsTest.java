package se.samverkan.plugins.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static se.samverkan.shell.testing.ConsoleCompletion.complete;
import static se.samverkan.shell.testing.ConsoleCompletion.completerOf;
import static se.samverkan.shell.testing.ConsoleOutput.output;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.apache.karaf.shell.support.CommandException;
import org.junit.jupiter.api.Test;

import se.samverkan.api.plugin.PluginRegistry;
import se.samverkan.api.plugin.PluginReport;
import se.samverkan.api.plugin.PluginReport.Counts;
import se.samverkan.api.plugin.PluginReport.State;
import se.samverkan.api.security.Caller;
import se.samverkan.api.service.NotFoundException;
import se.samverkan.shell.SamverkanCommand;

class PluginCommandsTest {

    private static final PluginReport GOTENE = new PluginReport("samverkan-municipality-gotene",
            "samverkan-municipality-gotene", "0.1.0", State.PARTLY_APPLIED, Instant.parse("2026-11-24T09:00:00Z"),
            Map.of("activity", new Counts(7, 0, 1)), List.of("venue x: municipalityCode: no municipality with id '9999'"),
            List.of("venue simhall: changed by the plugin, but edited through the API since; the API's edit is kept"));

    private final PluginRegistry registry = new PluginRegistry() {
        @Override
        public List<PluginReport> plugins() {
            return List.of(GOTENE);
        }

        @Override
        public Optional<PluginReport> plugin(String name) {
            return plugins().stream().filter(p -> p.name().equals(name)).findFirst();
        }

        @Override
        public PluginReport reapply(Caller caller, String name, boolean takePluginVersion) {
            reapplied.add(name + (takePluginVersion ? " taking its version" : ""));
            return plugin(name).orElseThrow(() -> new NotFoundException("installed plugin", name));
        }
    };
    private final List<String> reapplied = new ArrayList<>();

    @Test
    void listShowsStateTimeAndWhatWasContributed() throws Exception {
        PluginListCommand list = new PluginListCommand();
        list.registry = registry;
        String out = output(list::print);
        assertTrue(out.lines().anyMatch(l -> l.startsWith("samverkan-municipality-gotene") && l.contains("partly_applied")
                && l.contains("2026-11-24 10:00") && l.contains("activity 8")), out);
    }

    @Test
    void showListsEveryProblemWithItsReason() throws Exception {
        PluginShowCommand show = new PluginShowCommand();
        show.registry = registry;
        show.name = "samverkan-municipality-gotene";
        String out = output(show::print);
        assertTrue(out.contains("Problem: venue x: municipalityCode: no municipality with id '9999'"), out);
        assertTrue(out.lines().anyMatch(l -> l.startsWith("activity") && l.contains("7")), out);
        assertTrue(out.contains("Conflict: venue simhall: changed by the plugin, but edited through the API since"), out);
        assertTrue(out.contains("samverkan:plugin-apply --take-plugin-version samverkan-municipality-gotene"), out);
        show.name = "okänd";
        assertEquals("No plugin named 'okänd'; see samverkan:plugin-list",
                assertThrows(CommandException.class, () -> show.print(new PrintStream(new ByteArrayOutputStream()))).getMessage());
    }

    @Test
    void applyAppliesAgainAndSaysWhatCameOfIt() throws Exception {
        PluginApplyCommand apply = new PluginApplyCommand();
        apply.registry = registry;
        apply.name = "samverkan-municipality-gotene";
        apply.takePluginVersion = true;
        String out = output(apply::print);
        assertEquals(List.of("samverkan-municipality-gotene taking its version"), reapplied);
        assertTrue(out.contains("Conflict: venue simhall"), out);
        apply.name = "okänd";
        assertThrows(NotFoundException.class, () -> apply.print(new PrintStream(new ByteArrayOutputStream())));
    }

    @Test
    void showAndApplyCompleteTheInstalledPlugins() {
        for (Class<? extends SamverkanCommand> command : List.of(PluginShowCommand.class, PluginApplyCommand.class)) {
            PluginNames names = (PluginNames) completerOf(command, "name");
            names.registry = registry;
            assertEquals(List.of("samverkan-municipality-gotene"), complete(names, "samverkan-m"));
        }
    }
}
