package se.samverkan.routes;

/**
 * What the {@code samverkan:} endpoint did with one record a route sent it.
 *
 * @param id      the record's id as sent (null if it had none)
 * @param outcome what happened
 * @param reason  why the record was refused (every invalid field named); null unless {@link Outcome#REFUSED}
 */
public record ImportResult(String id, Outcome outcome, String reason) {

    public enum Outcome {
        /** It was not stored before and is now. */
        CREATED,
        /** It was stored and differed; the stored record was replaced. */
        UPDATED,
        /** It was stored with the same content; nothing was written. */
        UNCHANGED,
        /** It was not stored: invalid, not allowed, or in conflict with stored data (see the reason). */
        REFUSED
    }

    public static ImportResult refused(String id, String reason) {
        return new ImportResult(id, Outcome.REFUSED, reason);
    }

    @Override
    public String toString() {
        return id + ": " + outcome.name().toLowerCase(java.util.Locale.ROOT) + (reason == null ? "" : " (" + reason + ")");
    }
}
