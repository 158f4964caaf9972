package se.samverkan.shell.testing;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.apache.karaf.shell.support.CommandException;

/** What a console command printed, read as a user reads it; in the test-jar for every bundle with commands. */
public final class ConsoleOutput {

    private ConsoleOutput() {
    }

    /** Anything that prints to the console: a table, a detail view, a command. */
    public interface Printer {
        void print(PrintStream out) throws CommandException;
    }

    public static String output(Printer printer) throws CommandException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        printer.print(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        return bytes.toString(StandardCharsets.UTF_8);
    }

    /** The cells of the first printed table row whose first cell is {@code firstCell}. */
    public static List<String> row(String output, String firstCell) {
        return output.lines()
                .map(line -> List.of(line.split("\\s*[|│]\\s*", -1)).stream().map(String::strip).toList())
                .filter(cells -> cells.get(0).equals(firstCell))
                .findFirst()
                .orElseThrow(() -> new AssertionError("No row '" + firstCell + "' in:\n" + output));
    }
}
