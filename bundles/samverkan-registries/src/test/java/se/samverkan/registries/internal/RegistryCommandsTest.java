package se.samverkan.registries.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static se.samverkan.shell.testing.ConsoleCompletion.complete;
import static se.samverkan.shell.testing.ConsoleCompletion.completerOf;
import static se.samverkan.shell.testing.ConsoleOutput.output;
import static se.samverkan.shell.testing.ConsoleOutput.row;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.apache.karaf.shell.support.CommandException;
import org.junit.jupiter.api.Test;

import se.samverkan.api.registry.ImportCounts;
import se.samverkan.api.registry.RegistryRun;
import se.samverkan.api.registry.RegistryRun.Outcome;
import se.samverkan.api.registry.RegistryService;
import se.samverkan.api.registry.RegistryStatus;
import se.samverkan.api.security.Caller;
import se.samverkan.api.service.NotFoundException;

class RegistryCommandsTest {

    private static final Instant RUN = Instant.parse("2026-11-24T09:00:00Z");

    private final List<String> ran = new ArrayList<>();
    private final RegistryService registries = new RegistryService() {
        @Override
        public List<RegistryStatus> registries() {
            return List.of(
                    new RegistryStatus("kolada", "KPIS", "https://api.kolada.se/v3 (N31001)", "on demand only",
                            new RegistryRun("kolada", RUN, RUN.plusSeconds(2), Outcome.FAILED, ImportCounts.NONE,
                                    "HTTP 503 from https://api.kolada.se/v3/data/kpi/N31001/municipality/1487/year/2023"),
                            null),
                    new RegistryStatus("ideella", "ORGANISATIONS", "/srv/register", "every 1 min",
                            new RegistryRun("ideella", RUN, RUN.plusSeconds(1), Outcome.OK, new ImportCounts(7, 1, 90, 2), null),
                            RUN.plusSeconds(1)),
                    new RegistryStatus("municipalities", "MUNICIPALITIES", "shipped list (SCB 2024)", "on demand only",
                            null, null));
        }

        @Override
        public Optional<RegistryStatus> registry(String id) {
            return registries().stream().filter(r -> r.id().equals(id)).findFirst();
        }

        @Override
        public RegistryStatus run(Caller caller, String id) {
            ran.add(id);
            return registry(id).orElseThrow(() -> new NotFoundException("registry", id));
        }
    };

    @Test
    void registryListShowsSourceScheduleAndTheLastRun() throws CommandException {
        RegistryListCommand list = new RegistryListCommand();
        list.registries = registries;
        String out = output(list::print);
        assertEquals(List.of("ideella", "/srv/register", "every 1 min", "2026-11-24 10:00", "ok",
                "7 new, 1 changed, 90 unchanged, 2 rejected", ""), row(out, "ideella"));
        assertEquals(List.of("kolada", "https://api.kolada.se/v3 (N31001)", "on demand only", "2026-11-24 10:00", "failed",
                "0 new, 0 changed, 0 unchanged, 0 rejected",
                "HTTP 503 from https://api.kolada.se/v3/data/kpi/N31001/municipality/1487/year/2023"), row(out, "kolada"));
        assertEquals(List.of("municipalities", "shipped list (SCB 2024)", "on demand only", "never", "", "", ""),
                row(out, "municipalities"));
    }

    @Test
    void registryRunRunsItAndAnUnknownIdIsOneLine() throws CommandException {
        RegistryRunCommand run = new RegistryRunCommand();
        run.registries = registries;
        run.id = "ideella";
        assertTrue(output(run::print).contains("7 new, 1 changed, 90 unchanged, 2 rejected"));
        assertEquals(List.of("ideella"), ran);
        run.id = "okänd";
        assertThrows(NotFoundException.class, () -> output(run::print));
    }

    @Test
    void registryRunCompletesTheConfiguredRegistries() {
        RegistryIds ids = (RegistryIds) completerOf(RegistryRunCommand.class, "id");
        ids.registries = registries;
        assertEquals(List.of("ideella", "kolada", "municipalities"), complete(ids, ""));
        assertEquals(List.of("municipalities"), complete(ids, "m"));
    }
}
