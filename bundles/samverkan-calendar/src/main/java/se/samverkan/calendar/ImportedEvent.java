package se.samverkan.calendar;

import java.time.Instant;

import se.samverkan.api.model.Activity;

/**
 * One event series of a feed (all VEVENTs with one UID: the series and its RECURRENCE-ID overrides) as an activity.
 * A store keeps it by {@link #uid()}; a higher {@link #sequence()} or a later {@link #lastModified()} than stored
 * means the event changed.
 *
 * @param uid          the UID (for a feed written by {@link ICalendarExport}: the activity id it carries)
 * @param sequence     the highest SEQUENCE of its VEVENTs, 0 if none
 * @param lastModified the latest LAST-MODIFIED of its VEVENTs, null if none
 * @param cancelled    the whole event is cancelled (STATUS:CANCELLED); every occurrence is then CANCELLED
 * @param activity     the activity, already valid by {@code Validation.validate(Activity)}
 * @param raw          the VEVENT text(s) as in the feed, unfolded
 */
public record ImportedEvent(String uid, int sequence, Instant lastModified, boolean cancelled, Activity activity,
                            String raw) {
}
