package se.samverkan.shell;

import java.io.PrintStream;

import org.apache.karaf.shell.support.table.ShellTable;

/** A two-column view of one record: a label, then its value; long values wrap instead of widening the table. */
public final class Details {

    public static final int VALUE_WIDTH = 80;

    private final ShellTable table = new ShellTable().noHeaders();

    public Details() {
        table.column("Field");
        table.column("Value").maxSize(VALUE_WIDTH).wrap();
    }

    /** A missing or empty value shows as "-", so a reader can tell it is absent rather than overlooked. */
    public Details add(String label, Object value) {
        String text = Formats.text(value);
        table.addRow().addContent(label, text.isBlank() ? "-" : text);
        return this;
    }

    public void print(PrintStream out) {
        table.print(out);
    }
}
