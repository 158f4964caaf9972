package se.samverkan.api.util;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads CSV as spreadsheet programs write it: the delimiter is the one of {@code ;} and {@code ,} that the header
 * row uses most (Swedish Excel writes semicolons), fields may be quoted with {@code "} (a doubled quote inside
 * is one quote, and quoted fields may hold delimiters and line breaks), a leading byte-order mark is dropped,
 * and rows without any text (blank lines, or only delimiters as spreadsheets leave them) are skipped.
 */
public final class Csv {

    /** One row of fields and the line of the file it starts on (1 = the header). */
    public record Row(int line, List<String> fields) {
    }

    private Csv() {
    }

    public static List<Row> parse(String text) {
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        char delimiter = delimiter(text);
        List<Row> rows = new ArrayList<>();
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        int line = 1;
        int rowLine = 1;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    if (c == '\n') {
                        line++;
                    }
                    field.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == delimiter) {
                fields.add(field.toString());
                field.setLength(0);
            } else if (c == '\n' || c == '\r') {
                if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                }
                endRow(rows, rowLine, fields, field);
                line++;
                rowLine = line;
            } else {
                field.append(c);
            }
        }
        endRow(rows, rowLine, fields, field);
        return rows;
    }

    private static void endRow(List<Row> rows, int line, List<String> fields, StringBuilder field) {
        fields.add(field.toString());
        if (fields.stream().anyMatch(f -> !f.isBlank())) {
            rows.add(new Row(line, List.copyOf(fields)));
        }
        fields.clear();
        field.setLength(0);
    }

    private static char delimiter(String text) {
        int end = text.indexOf('\n');
        String header = end < 0 ? text : text.substring(0, end);
        long semicolons = header.chars().filter(c -> c == ';').count();
        long commas = header.chars().filter(c -> c == ',').count();
        return semicolons >= commas ? ';' : ',';
    }

    /** One row as {@link #parse} reads it back: fields joined by {@code delimiter}, quoted where they need it. */
    public static String format(List<String> fields, char delimiter) {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < fields.size(); i++) {
            String f = fields.get(i);
            if (i > 0) {
                line.append(delimiter);
            }
            if (f.indexOf(delimiter) >= 0 || f.indexOf('"') >= 0 || f.indexOf('\n') >= 0 || f.indexOf('\r') >= 0) {
                line.append('"').append(f.replace("\"", "\"\"")).append('"');
            } else {
                line.append(f);
            }
        }
        return line.toString();
    }
}
