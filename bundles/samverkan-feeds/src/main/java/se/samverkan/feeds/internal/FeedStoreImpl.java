package se.samverkan.feeds.internal;

import java.sql.SQLException;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import se.samverkan.api.feed.FeedStatus.RunCounts;
import se.samverkan.persistence.spi.Jdbc;
import se.samverkan.persistence.spi.Storage;
import se.samverkan.routes.ActivityUpsert.Known;

/**
 * Calendar feed bookkeeping in tables {@code calendar_feed} and {@code calendar_event}. Texts longer than their
 * column are shortened (with "…"), since a feed's state must be recorded whatever its error says.
 */
@Component(service = FeedStore.class)
public class FeedStoreImpl implements FeedStore {

    /** The feeds tables\' scripts under db/feeds, in order. Append, never edit. */
    static final List<String> SCRIPTS = List.of("V3__feeds_and_quarantine.sql", "V8__feed_last_read.sql", "V11__feed_warnings_and_runs.sql");

    private static final int ERROR_LENGTH = 2000;
    private static final int WARNINGS_LENGTH = 4000;

    private final Jdbc jdbc;

    @Activate
    public FeedStoreImpl(@Reference Storage storage) throws SQLException {
        storage.migrate("feeds", FeedStoreImpl.class, SCRIPTS);
        this.jdbc = new Jdbc(storage.dataSource(), "the calendar feeds");
    }

    @Override
    public Optional<State> state(String feedId) {
        List<State> found = jdbc.query("SELECT * FROM calendar_feed WHERE id = ?", rs -> new State(rs.getString("id"),
                rs.getString("etag"), rs.getString("last_modified"), Jdbc.instant(rs, "last_sync"),
                Jdbc.instant(rs, "last_success"), rs.getString("last_error"),
                new RunCounts(rs.getInt("created_count"), rs.getInt("updated_count"), rs.getInt("unchanged_count"),
                        rs.getInt("removed_count"), rs.getInt("rejected_count")), Jdbc.instant(rs, "last_read"),
                rs.getString("read_key"), lines(rs.getString("warnings")), Jdbc.instant(rs, "run_started")), feedId);
        return found.stream().findFirst();
    }

    @Override
    public void saveState(State s) {
        RunCounts r = s.lastRun() == null ? RunCounts.NONE : s.lastRun();
        Object[] values = {s.etag(), s.lastModified(), Jdbc.timestamp(s.lastSync()), Jdbc.timestamp(s.lastSuccess()),
                shorten(s.lastError(), ERROR_LENGTH), r.created(), r.updated(), r.unchanged(), r.removed(),
                r.rejected(), Jdbc.timestamp(s.lastRead()), s.readKey(),
                s.warnings().isEmpty() ? null : shorten(String.join("\n", s.warnings()), WARNINGS_LENGTH),
                Jdbc.timestamp(s.runStarted()), s.feedId()};
        if (jdbc.update("UPDATE calendar_feed SET etag = ?, last_modified = ?, last_sync = ?, last_success = ?, "
                + "last_error = ?, created_count = ?, updated_count = ?, unchanged_count = ?, removed_count = ?, "
                + "rejected_count = ?, last_read = ?, read_key = ?, warnings = ?, run_started = ? WHERE id = ?",
                values) == 0) {
            jdbc.update("INSERT INTO calendar_feed (etag, last_modified, last_sync, last_success, last_error, "
                    + "created_count, updated_count, unchanged_count, removed_count, rejected_count, last_read, "
                    + "read_key, warnings, run_started, id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    values);
        }
    }

    private static String shorten(String text, int length) {
        return text == null || text.length() <= length ? text : text.substring(0, length - 1) + "…";
    }

    private static List<String> lines(String text) {
        return text == null ? List.of() : List.of(text.split("\n"));
    }

    @Override
    public Map<String, Known> events(String feedId) {
        Map<String, Known> events = new HashMap<>();
        jdbc.query("SELECT uid, activity_id, fingerprint, removed FROM calendar_event WHERE feed_id = ?",
                rs -> events.put(rs.getString(1), new Known(rs.getString(1), rs.getString(2), rs.getString(3),
                        rs.getBoolean(4))), feedId);
        return events;
    }

    @Override
    public int countEvents(String feedId) {
        return jdbc.query("SELECT COUNT(*) FROM calendar_event WHERE feed_id = ? AND removed = FALSE",
                rs -> rs.getInt(1), feedId).get(0);
    }

    @Override
    public void saveEvents(String feedId, Collection<Known> events) {
        jdbc.upsertAll("SELECT uid FROM calendar_event WHERE feed_id = ?", new Object[] {feedId}, row -> (String) row[4],
                "UPDATE calendar_event SET activity_id = ?, fingerprint = ?, removed = ? WHERE feed_id = ? AND uid = ?",
                "INSERT INTO calendar_event (activity_id, fingerprint, removed, feed_id, uid) VALUES (?, ?, ?, ?, ?)",
                events.stream().map(e -> new Object[]{e.activityId(), e.fingerprint(), e.gone(), feedId, e.key()})
                        .toList());
    }
}
