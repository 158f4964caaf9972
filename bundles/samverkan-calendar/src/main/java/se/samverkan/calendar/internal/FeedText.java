package se.samverkan.calendar.internal;

import java.util.ArrayList;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Locale;

/**
 * Cuts a feed's text into its VTIMEZONE and VEVENT components before ical4j reads them, so that each event is read
 * (and may fail) on its own and its raw text can be quarantined.
 *
 * <p>Lines are unfolded here, relaxed: CRLF, LF or CR line ends; a line starting with a space or tab continues the
 * previous one (RFC 5545 3.1); a non-empty line without any ':' is taken as a continuation whose fold lost its
 * leading space (seen in hand-edited feeds); empty lines are dropped. This is why no ical4j unfolding hint is needed.
 * A VEVENT that never ends (a new BEGIN:VEVENT, END:VCALENDAR or the end of the text comes first) is returned as
 * broken, with its text. VALARM components are left out of what ical4j reads (they stay in the raw text).
 */
public final class FeedText {

    /** One component: its unfolded content lines (what ical4j reads) and its text as in the feed. */
    public record Block(List<String> lines, String raw) {

        /** The value of the first property with this name (unescaped only of \\, and \\;), null if none. */
        public String value(String name) {
            for (String line : lines) {
                if (nameOf(line).equals(name)) {
                    int colon = valueStart(line);
                    return colon < 0 ? null : line.substring(colon + 1).trim();
                }
            }
            return null;
        }
    }

    /**
     * The components of a feed; {@code calendar} is false if the text has no VCALENDAR at all, {@code ended} false
     * if its last VCALENDAR has no END (the text is cut off).
     */
    public record Split(boolean calendar, boolean ended, List<Block> timezones, List<Block> events,
                        List<Block> brokenEvents) {
    }

    private FeedText() {
    }

    public static Split split(String text) {
        String[] physical = text.split("\r\n|\n|\r", -1);
        List<String> logical = new ArrayList<>();
        List<int[]> ranges = new ArrayList<>();
        for (int i = 0; i < physical.length; i++) {
            String p = physical[i];
            if (p.isBlank()) {
                continue;
            }
            boolean folded = p.charAt(0) == ' ' || p.charAt(0) == '\t';
            boolean lostFold = !folded && p.indexOf(':') < 0;
            if ((folded || lostFold) && !logical.isEmpty()) {
                int last = logical.size() - 1;
                logical.set(last, logical.get(last) + (folded ? p.substring(1) : p));
                ranges.get(last)[1] = i;
            } else {
                logical.add(p);
                ranges.add(new int[] {i, i});
            }
        }

        boolean sawCalendar = false;
        boolean inCalendar = false;
        boolean ended = false;
        List<Block> timezones = new ArrayList<>();
        List<Block> events = new ArrayList<>();
        List<Block> broken = new ArrayList<>();
        Current current = null;
        for (int n = 0; n < logical.size(); n++) {
            String line = logical.get(n);
            String name = nameOf(line);
            String value = name.equals("BEGIN") || name.equals("END")
                    ? line.substring(valueStart(line) + 1).trim().toUpperCase(Locale.ROOT) : null;
            if ("BEGIN".equals(name)) {
                if (current != null && (value.equals("VEVENT") || value.equals("VTIMEZONE") || value.equals("VCALENDAR"))) {
                    current.finish(false, physical, ranges, timezones, events, broken);
                    current = null;
                }
                if (current != null) {
                    current.begin(value, line, n);
                } else if (value.equals("VCALENDAR")) {
                    sawCalendar = true;
                    inCalendar = true;
                    ended = false;
                } else if (inCalendar) {
                    current = new Current(value, n);
                }
            } else if ("END".equals(name)) {
                if (current != null) {
                    if (value.equals("VCALENDAR") && !current.nesting.contains("VCALENDAR")) {
                        current.finish(false, physical, ranges, timezones, events, broken);
                        current = null;
                        inCalendar = false;
                        ended = true;
                    } else if (current.end(value, line, n)) {
                        current.finish(true, physical, ranges, timezones, events, broken);
                        current = null;
                    }
                } else if (value.equals("VCALENDAR")) {
                    inCalendar = false;
                    ended = true;
                }
            } else if (current != null) {
                current.line(line, n);
            }
        }
        if (current != null) {
            current.last = logical.size() - 1;
            current.finish(false, physical, ranges, timezones, events, broken);
        }
        return new Split(sawCalendar, ended, timezones, events, broken);
    }

    /** The property name of a content line, upper case ("DTSTART" of "DTSTART;TZID=...:..."). */
    static String nameOf(String line) {
        int end = 0;
        while (end < line.length() && line.charAt(end) != ':' && line.charAt(end) != ';') {
            end++;
        }
        return line.substring(0, end).trim().toUpperCase(Locale.ROOT);
    }

    /** Index of the ':' that starts the value, skipping quoted parameter values; -1 if none. */
    static int valueStart(String line) {
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (c == ':' && !quoted) {
                return i;
            }
        }
        return -1;
    }

    private static final class Current {
        final String kind;
        final int first;
        int last;
        final Deque<String> nesting = new ArrayDeque<>();
        final List<String> lines = new ArrayList<>();
        int alarmDepth;

        Current(String kind, int first) {
            this.kind = kind;
            this.first = first;
            this.last = first;
            nesting.push(kind);
            lines.add("BEGIN:" + kind);
        }

        void begin(String component, String line, int n) {
            nesting.push(component);
            if (component.equals("VALARM") || alarmDepth > 0) {
                alarmDepth++;
            } else {
                lines.add(line);
            }
            last = n;
        }

        /** True when this ends the component itself. */
        boolean end(String component, String line, int n) {
            last = n;
            if (alarmDepth > 0) {
                alarmDepth--;
                nesting.pop();
                return false;
            }
            lines.add(line);
            if (!nesting.isEmpty() && nesting.peek().equals(component)) {
                nesting.pop();
            }
            return nesting.isEmpty();
        }

        void line(String line, int n) {
            if (alarmDepth == 0) {
                lines.add(line);
            }
            last = n;
        }

        void finish(boolean complete, String[] physical, List<int[]> ranges, List<Block> timezones,
                    List<Block> events, List<Block> broken) {
            StringBuilder raw = new StringBuilder();
            for (int i = ranges.get(first)[0]; i <= ranges.get(last)[1]; i++) {
                raw.append(physical[i]).append("\r\n");
            }
            Block block = new Block(List.copyOf(lines), raw.toString());
            if (kind.equals("VEVENT")) {
                (complete ? events : broken).add(block);
            } else if (kind.equals("VTIMEZONE") && complete) {
                timezones.add(block);
            }
        }
    }
}
