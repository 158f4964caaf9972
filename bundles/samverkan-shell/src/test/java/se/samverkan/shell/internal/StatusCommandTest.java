package se.samverkan.shell.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static se.samverkan.shell.testing.ConsoleOutput.output;
import static se.samverkan.shell.testing.ConsoleOutput.row;
import static se.samverkan.shell.testing.Fixtures.bundle;

import java.util.List;
import java.util.Map;

import org.apache.karaf.shell.support.CommandException;
import org.junit.jupiter.api.Test;
import org.osgi.framework.Bundle;

import se.samverkan.api.service.StatusService.DatabaseStatus;
import se.samverkan.shell.testing.Fixtures;

class StatusCommandTest {

    private static final DatabaseStatus DERBY = new DatabaseStatus("Apache Derby 10.14.2.0",
            "jdbc:derby:data/samverkan", 3, Map.of("activity", 12L, "municipality", 3L));

    private final StatusCommand command = new StatusCommand();

    StatusCommandTest() {
        command.bundleContext = Fixtures.bundleContext(
                bundle("samverkan-shell", "0.1.0.SNAPSHOT", Bundle.RESOLVED),
                bundle("org.apache.karaf.shell.core", "4.4.10", Bundle.ACTIVE),
                bundle("samverkan-api", "0.1.0.SNAPSHOT", Bundle.ACTIVE));
    }

    @Test
    void showsOnlySamverkanBundlesSortedByName() throws CommandException {
        command.status = () -> DERBY;
        String output = output(command::print);

        assertEquals(List.of("samverkan-api", "0.1.0.SNAPSHOT", "Active"), row(output, "samverkan-api"));
        assertEquals(List.of("samverkan-shell", "0.1.0.SNAPSHOT", "Resolved"), row(output, "samverkan-shell"));
        assertTrue(output.indexOf("samverkan-api") < output.indexOf("samverkan-shell"));
        assertFalse(output.contains("org.apache.karaf"), output);
    }

    @Test
    void showsDatabaseAndCounts() throws CommandException {
        command.status = () -> DERBY;
        String output = output(command::print);

        assertEquals("Apache Derby 10.14.2.0", row(output, "Product").get(1));
        assertEquals("jdbc:derby:data/samverkan", row(output, "URL").get(1));
        assertEquals("3", row(output, "Schema version").get(1));
        assertEquals(List.of("activity", "12"), row(output, "activity"));
        assertEquals(List.of("municipality", "3"), row(output, "municipality"));
    }

    @Test
    void aMissingOrFailingDatabaseIsReportedNotThrown() throws CommandException {
        assertTrue(output(command::print).contains("Not available: no bundle offers a StatusService."));

        command.status = () -> {
            throw new IllegalStateException("Connection refused");
        };
        String output = output(command::print);
        assertTrue(output.contains("Not available: Connection refused"), output);
        assertEquals("Active", row(output, "samverkan-api").get(2));
    }

    @Test
    void bundleStatesHaveNames() {
        assertEquals("Active", StatusCommand.state(Bundle.ACTIVE));
        assertEquals("Installed", StatusCommand.state(Bundle.INSTALLED));
        assertEquals("Unknown (64)", StatusCommand.state(64));
    }
}
