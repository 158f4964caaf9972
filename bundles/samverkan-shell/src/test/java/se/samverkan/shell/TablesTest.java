package se.samverkan.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static se.samverkan.shell.testing.ConsoleOutput.output;
import static se.samverkan.shell.testing.ConsoleOutput.row;
import static se.samverkan.shell.testing.Fixtures.occurrence;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import org.apache.karaf.shell.support.CommandException;
import org.apache.karaf.shell.support.table.ShellTable;
import org.junit.jupiter.api.Test;

import se.samverkan.shell.Details;
import se.samverkan.shell.Tables;
import se.samverkan.shell.testing.Fixtures;

class TablesTest {

    @Test
    void activityRowShowsSwedishTitleAndNextOccurrenceInSwedishTime() throws CommandException {
        Instant now = Instant.parse("2025-03-01T12:00:00Z");
        ShellTable table = Tables.activities(List.of(Fixtures.swimming(List.of(
                occurrence(1, OffsetDateTime.parse("2025-02-25T17:00:00Z"), false),
                occurrence(2, OffsetDateTime.parse("2025-03-02T17:00:00Z"), true),
                occurrence(3, OffsetDateTime.parse("2025-03-04T17:00:00Z"), false)))), now);
        String output = output(table::print);

        assertEquals(List.of("ID", "Title (sv)", "Category", "Municipality", "Languages", "Next occurrence"),
                row(output, "ID"));
        assertEquals(List.of("swim-vbg", "Simkurs för vuxna", "swimming", "1487", "ar, sv", "2025-03-04 18:00"),
                row(output, "swim-vbg"));
    }

    @Test
    void emptyTablesSaySo() throws CommandException {
        assertTrue(output(Tables.activities(List.of(), Instant.now())::print).contains("No activities match."));
    }

    @Test
    void listRows() throws CommandException {
        assertEquals(List.of("1487", "Vänersborg", "Västra Götalands län", "Fyrbodal", "ar, so, ti", "yes"),
                row(output(Tables.municipalities(List.of(Fixtures.VANERSBORG))::print), "1487"));
        assertEquals(List.of("0180", "Stockholm", "Stockholms län", "", "", "no"),
                row(output(Tables.municipalities(List.of(Fixtures.STOCKHOLM))::print), "0180"));
        assertEquals(List.of("abf", "ABF Fyrbodal", "study_association", "802002-1234", "1480, 1487"),
                row(output(Tables.organisations(List.of(Fixtures.ABF))::print), "abf"));
        assertEquals(List.of("iop-swim", "IOP simkurser", "iop", "active", "2024-01-01 to 2026-12-31", "abf, 1487"),
                row(output(Tables.agreements(List.of(Fixtures.SWIM_IOP))::print), "iop-swim"));
        assertEquals(List.of("vagen-in", "Vägen in", "abf", "from 2024-01-01", "1480, 1487",
                        "work +20 %, studies +65 %"),
                row(output(Tables.programmes(List.of(Fixtures.ROAD_IN))::print), "vagen-in"));
    }

    @Test
    void countsAreSortedByKind() throws CommandException {
        String output = output(Tables.counts(Map.of("venue", 2L, "activity", 12L, "municipality", 3L))::print);
        assertTrue(output.indexOf("activity") < output.indexOf("municipality"));
        assertTrue(output.indexOf("municipality") < output.indexOf("venue"));
        assertEquals(List.of("activity", "12"), row(output, "activity"));
    }

    @Test
    void longDetailValuesWrapWithoutLosingWords() throws CommandException {
        String description = "Vi träffas varje tisdag och övar simning i små grupper. ".repeat(5).strip();
        Details details = new Details().add("Description [sv]", description).add("Capacity", null);
        String output = output(details::print);

        assertTrue(output.lines().count() > 2, output);
        assertTrue(output.lines().allMatch(line -> line.length() <= "Description [sv] | ".length()
                + Details.VALUE_WIDTH), output);
        assertEquals(5, output.split("grupper", -1).length - 1, output);
        assertEquals(List.of("Capacity", "-"), row(output, "Capacity"));
    }
}
