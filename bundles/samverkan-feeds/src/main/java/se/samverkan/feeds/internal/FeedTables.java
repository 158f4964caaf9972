package se.samverkan.feeds.internal;

import static se.samverkan.shell.Tables.row;
import static se.samverkan.shell.Tables.table;

import java.util.Collection;
import java.util.Locale;

import org.apache.karaf.shell.support.table.ShellTable;

import se.samverkan.api.feed.FeedStatus;
import se.samverkan.shell.Formats;

/** The table the feed commands print. */
final class FeedTables {

    private FeedTables() {
    }

    static ShellTable feeds(Collection<FeedStatus> feeds) {
        return table(feeds, "No calendar feeds are configured.", f -> row(f.id(), f.state().toLowerCase(Locale.ROOT),
                        Formats.instant(f.lastSync()), Formats.instant(f.lastSuccess()), f.events(), runCounts(f.lastRun()),
                        f.lastError() == null ? "" : f.lastError(), String.join("; ", f.warnings())),
                "Feed", "State", "Last sync", "Last success", "Events", "Last run", "Last error", "Warnings");
    }

    /** What one read of a feed did. */
    static String runCounts(FeedStatus.RunCounts r) {
        return r.created() + " new, " + r.updated() + " changed, " + r.unchanged() + " unchanged, " + r.removed()
                + " removed, " + r.rejected() + " quarantined";
    }
}
