package se.samverkan.calendar;

/**
 * An event of a feed that could not be imported, to be quarantined: the rest of the feed is imported without it.
 *
 * @param uid    its UID, null if it has none or it could not be read
 * @param reason why, in words a coordinator can act on
 * @param raw    the VEVENT text(s) as in the feed, unfolded (all VEVENTs with this UID)
 */
public record RejectedEvent(String uid, String reason, String raw) {
}
