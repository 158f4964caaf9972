package se.samverkan.shell;

import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

import org.apache.karaf.shell.support.table.ShellTable;

import se.samverkan.api.model.Activity;
import se.samverkan.api.model.Agreement;
import se.samverkan.api.model.Municipality;
import se.samverkan.api.model.Occurrence;
import se.samverkan.api.model.Organisation;
import se.samverkan.api.model.Programme;

/** The tables the records' commands print, one method per table, and how any command builds a table. */
public final class Tables {

    /** A Samverkan bundle as the status command shows it; kept apart from {@code Bundle} so it needs no framework. */
    public record BundleRow(String symbolicName, String version, String state) {
    }

    private Tables() {
    }

    public static ShellTable municipalities(Collection<Municipality> municipalities) {
        return table(municipalities, "No municipalities.",
                m -> row(m.code(), m.name(), m.county(), m.subRegion(), String.join(", ", m.languages()),
                        Formats.yesNo(m.active())),
                "Code", "Name", "County", "Sub-region", "Languages", "Active");
    }

    public static ShellTable organisations(Collection<Organisation> organisations) {
        return table(organisations, "No organisations.",
                o -> row(o.id(), o.name(), Formats.label(o.kind()), o.organisationNumber(),
                        Formats.join(o.municipalityCodes())),
                "ID", "Name", "Kind", "Org number", "Municipalities");
    }

    public static ShellTable agreements(Collection<Agreement> agreements) {
        return table(agreements, "No agreements.",
                a -> row(a.id(), a.title(), Formats.label(a.kind()), Formats.label(a.status()),
                        Formats.period(a.period()), parties(a)),
                "ID", "Title", "Kind", "Status", "Period", "Parties");
    }

    public static ShellTable programmes(Collection<Programme> programmes) {
        return table(programmes, "No programmes.",
                p -> row(p.id(), p.name(), p.ownerId(), Formats.period(p.period()),
                        Formats.join(p.municipalityCodes()), Formats.targets(p.targets())),
                "ID", "Name", "Owner", "Period", "Municipalities", "Targets");
    }

    /** @param now what "next" occurrence is measured from */
    public static ShellTable activities(Collection<Activity> activities, Instant now) {
        return table(activities, "No activities match.",
                a -> row(a.id(), a.title() == null ? null : a.title().get("sv"), Formats.label(a.category()),
                        a.municipalityCode(), Formats.join(a.languages()),
                        Occurrences.next(a.occurrences(), now).map(o -> Formats.dateTime(o.start())).orElse("")),
                "ID", "Title (sv)", "Category", "Municipality", "Languages", "Next occurrence");
    }

    public static ShellTable occurrences(Collection<Occurrence> occurrences) {
        return table(occurrences, "No occurrences.",
                o -> row(o.id(), Formats.dateTime(o.start()), Formats.dateTime(o.end()), Formats.label(o.status())),
                "ID", "Start", "End", "Status");
    }

    public static ShellTable bundles(Collection<BundleRow> bundles) {
        return table(bundles, "No Samverkan bundles installed.",
                b -> row(b.symbolicName(), b.version(), b.state()), "Bundle", "Version", "State");
    }

    /** Sorted by kind: the map may come in any order. */
    public static ShellTable counts(Map<String, Long> counts) {
        return table(new TreeMap<>(counts).entrySet(), "No records.", e -> row(e.getKey(), e.getValue()), "Kind", "Records");
    }

    /** Organisations first, then municipalities, each sorted: who the agreement binds. */
    private static String parties(Agreement agreement) {
        String organisations = Formats.join(agreement.organisationIds());
        String municipalities = Formats.join(agreement.municipalityCodes());
        return organisations.isEmpty() || municipalities.isEmpty()
                ? organisations + municipalities
                : organisations + ", " + municipalities;
    }

    /** The cells of one row, in the order of the table's headers. */
    public static Object[] row(Object... cells) {
        return cells;
    }

    /**
     * A table with one row per item; says {@code emptyText} when there are none. Concern bundles build their own
     * tables with it.
     */
    public static <T> ShellTable table(Collection<T> items, String emptyText, Function<T, Object[]> row,
                                       String... headers) {
        ShellTable table = new ShellTable().emptyTableText(emptyText);
        for (String header : headers) {
            table.column(header);
        }
        for (T item : items) {
            table.addRow().addContent(row.apply(item));
        }
        return table;
    }
}
