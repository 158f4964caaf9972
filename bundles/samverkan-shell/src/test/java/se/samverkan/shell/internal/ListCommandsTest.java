package se.samverkan.shell.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static se.samverkan.shell.testing.ConsoleOutput.output;
import static se.samverkan.shell.testing.ConsoleOutput.row;

import org.apache.karaf.shell.support.CommandException;
import org.junit.jupiter.api.Test;

import se.samverkan.shell.testing.Fixtures;

class ListCommandsTest {

    @Test
    void municipalityList() throws CommandException {
        MunicipalityListCommand command = new MunicipalityListCommand();
        command.municipalities = Fixtures.municipalities();
        String output = output(command::print);

        assertEquals("Göteborg", row(output, "1480").get(1));
        assertEquals("no", row(output, "0180").get(5));
        assertEquals("ar, so, ti", row(output, "1487").get(4));
    }

    @Test
    void organisationListFiltersByMunicipality() throws CommandException {
        OrganisationListCommand command = new OrganisationListCommand();
        command.organisations = Fixtures.organisations();
        command.municipalities = Fixtures.municipalities();
        assertTrue(output(command::print).contains("red-cross"));

        command.municipality = "1487";
        String output = output(command::print);
        assertEquals("ABF Fyrbodal", row(output, "abf").get(1));
        assertFalse(output.contains("red-cross"), output);

        command.municipality = "9999";
        assertEquals("No municipality with id '9999'",
                assertThrows(CommandException.class, command::execute).getMessage());
    }

    @Test
    void agreementListFiltersByStatus() throws CommandException {
        AgreementListCommand command = new AgreementListCommand();
        command.agreements = Fixtures.agreements();
        command.status = "ACTIVE";
        String output = output(command::print);
        assertEquals("active", row(output, "iop-swim").get(3));
        assertFalse(output.contains("grant-cycling"), output);

        command.status = "signed";
        assertEquals("Unknown value 'signed' for --status; allowed: draft, active, ended",
                assertThrows(CommandException.class, command::execute).getMessage());
    }

    @Test
    void programmeListShowsTargets() throws CommandException {
        ProgrammeListCommand command = new ProgrammeListCommand();
        command.programmes = Fixtures.programmes();
        assertEquals("work +20 %, studies +65 %", row(output(command::print), "vagen-in").get(5));
    }
}
