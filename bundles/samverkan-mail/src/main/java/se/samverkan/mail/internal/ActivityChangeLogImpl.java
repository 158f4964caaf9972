package se.samverkan.mail.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import se.samverkan.api.model.Activity;
import se.samverkan.api.model.Occurrence;
import se.samverkan.api.model.OccurrenceStatus;
import se.samverkan.mail.internal.ActivityChange.Kind;
import se.samverkan.persistence.spi.Jdbc;
import se.samverkan.persistence.spi.RecordHook;
import se.samverkan.persistence.spi.Storage;

/**
 * The activity change log in table {@code activity_change}: a hook of the activity service, called inside the
 * transaction of each change, so an entry exists exactly when the change was committed.
 */
@Component(service = {ActivityChangeLog.class, RecordHook.class})
public class ActivityChangeLogImpl implements ActivityChangeLog, RecordHook<Activity> {

    private final Jdbc jdbc;

    @Activate
    public ActivityChangeLogImpl(@Reference Storage storage) throws SQLException {
        storage.migrate("subscriptions", SubscriptionStoreImpl.class, SubscriptionStoreImpl.SCRIPTS);
        this.jdbc = new Jdbc(storage.dataSource(), "the activity change log");
    }

    /**
     * Writes what subscribers hear of: a new activity, occurrences with another start or end, occurrences newly
     * cancelled, another venue.
     *
     * @param before the stored version, null when the activity is created
     */
    @Override
    public Class<Activity> recordType() {
        return Activity.class;
    }

    @Override
    public void written(Rows rows, Activity before, Activity after) {
        Instant now = Instant.now();
        if (before == null) {
            insert(rows, after.id(), null, Kind.CREATED, null, null, null, now);
            return;
        }
        List<Occurrence> gone = new ArrayList<>(before.occurrences());
        List<Occurrence> added = new ArrayList<>();
        for (Occurrence o : after.occurrences()) {
            Occurrence old = match(gone, o);
            if (old == null) {
                added.add(o);
                continue;
            }
            gone.remove(old);
            if (!upcoming(old, now)) {
                continue; // nobody needs to hear about an occurrence that has passed
            }
            if (o.status() == OccurrenceStatus.CANCELLED && old.status() != OccurrenceStatus.CANCELLED) {
                insert(rows, after.id(), o.id(), Kind.CANCELLED, old.start(), o.start(), null, now);
            } else if (o.status() != OccurrenceStatus.CANCELLED
                    && (!o.start().isEqual(old.start()) || !o.end().isEqual(old.end()))) {
                insert(rows, after.id(), o.id(), Kind.MOVED, old.start(), o.start(), null, now);
            }
        }
        // Upcoming occurrences that are gone: moved where new occurrences took their place (paired in time order),
        // cancelled where none did.
        List<Occurrence> dropped = gone.stream().filter(o -> held(o, now)).sorted(BY_START).toList();
        List<Occurrence> taking = added.stream().filter(o -> held(o, now)).sorted(BY_START).toList();
        for (int k = 0; k < dropped.size(); k++) {
            Occurrence old = dropped.get(k);
            if (k < taking.size()) {
                insert(rows, after.id(), taking.get(k).id(), Kind.MOVED, old.start(), taking.get(k).start(), null, now);
            } else {
                insert(rows, after.id(), old.id(), Kind.CANCELLED, old.start(), old.start(), null, now);
            }
        }
        if (before.venueId() != null && !before.venueId().equals(after.venueId())) {
            insert(rows, after.id(), null, Kind.MOVED, null, null, before.venueId(), now);
        }
    }

    private static final Comparator<Occurrence> BY_START = Comparator.comparing(Occurrence::start);

    /**
     * The stored occurrence {@code o} continues: the one with its id, or, for writers that send occurrences without
     * ids (calendar feeds, course catalogues) and so replace them all, the one at the same start.
     */
    private static Occurrence match(List<Occurrence> stored, Occurrence o) {
        return stored.stream().filter(b -> b.id() != null && b.id().equals(o.id())).findFirst()
                .or(() -> stored.stream().filter(b -> b.start().isEqual(o.start())).findFirst())
                .orElse(null);
    }

    private static boolean upcoming(Occurrence o, Instant now) {
        return o.end().toInstant().isAfter(now);
    }

    private static boolean held(Occurrence o, Instant now) {
        return upcoming(o, now) && o.status() != OccurrenceStatus.CANCELLED;
    }

    /** A new activity needs no notice: its row is written as handled, out of the notice route's way (V9). */
    private static void insert(Rows rows, String activityId, Long occurrenceId, Kind kind,
                               OffsetDateTime previousStart, OffsetDateTime start, String previousVenue, Instant now) {
        rows.add("INSERT INTO activity_change (activity_id, occurrence_id, kind, previous_start, new_start, "
                        + "previous_venue_id, changed_at, notices_queued_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                activityId, occurrenceId, kind.name(), timestamp(previousStart), timestamp(start), previousVenue,
                Timestamp.from(now), kind == Kind.CREATED ? Timestamp.from(now) : null);
    }

    private static Timestamp timestamp(OffsetDateTime time) {
        return time == null ? null : Timestamp.from(time.toInstant());
    }

    @Override
    public List<ActivityChange> awaitingNotices(int max) {
        return jdbc.query("SELECT * FROM activity_change WHERE notices_queued_at IS NULL ORDER BY id "
                + "FETCH FIRST " + Math.max(1, max) + " ROWS ONLY", ActivityChangeLogImpl::change);
    }

    @Override
    public void noticesQueued(long changeId, Instant at) {
        jdbc.update("UPDATE activity_change SET notices_queued_at = ? WHERE id = ?", Jdbc.timestamp(at), changeId);
    }

    @Override
    public List<ActivityChange> created(Instant after, Instant until) {
        return jdbc.query("SELECT * FROM activity_change WHERE kind = ? AND changed_at > ? AND changed_at <= ? ORDER BY id",
                ActivityChangeLogImpl::change, Kind.CREATED.name(), Jdbc.timestamp(after), Jdbc.timestamp(until));
    }

    private static ActivityChange change(ResultSet rs) throws SQLException {
        long occurrence = rs.getLong("occurrence_id");
        return new ActivityChange(rs.getLong("id"), rs.getString("activity_id"), rs.wasNull() ? null : occurrence,
                Kind.valueOf(rs.getString("kind")), time(rs, "previous_start"), time(rs, "new_start"),
                rs.getString("previous_venue_id"), Jdbc.instant(rs, "changed_at"), Jdbc.instant(rs, "notices_queued_at"));
    }

    private static OffsetDateTime time(ResultSet rs, String column) throws SQLException {
        Instant i = Jdbc.instant(rs, column);
        return i == null ? null : i.atZone(Activity.ZONE).toOffsetDateTime();
    }
}
