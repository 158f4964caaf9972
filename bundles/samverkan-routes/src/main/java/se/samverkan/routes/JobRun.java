package se.samverkan.routes;

import java.time.Instant;

/**
 * One run of an {@link ImportJob}: one read of its source and what storing it did.
 *
 * @param started  when it began
 * @param finished when it ended; null while it runs, when it was cut off, and when the job does not keep it (a
 *                 calendar feed keeps when its last read began, so after a restart only that is known)
 * @param counts   what it stored; a calendar feed's or a registry's failed run stores nothing (its last good data
 *                 stays), a polled job's counts the items it took before it failed
 * @param error    why it failed or was cut off, else null
 */
public record JobRun(Instant started, Instant finished, Outcome outcome, Counts counts, String error) {

    public enum Outcome {
        /** Being read or stored now. */
        RUNNING,
        /** The source was read and what it brought stored (items it refused are counted as rejected). */
        OK,
        /** The source could not be read, or what it brought could not be stored; the last good data is kept. */
        FAILED,
        /** Cut off by a stop or crash while it was being stored: part of it may be stored. */
        INTERRUPTED
    }

    /**
     * Items the run created, updated, found unchanged, removed (gone from the source: cancelled, not deleted) and
     * rejected (quarantined, or otherwise refused with a reason).
     */
    public record Counts(int created, int updated, int unchanged, int removed, int rejected) {

        public static final Counts NONE = new Counts(0, 0, 0, 0, 0);

        public Counts plus(Counts o) {
            return new Counts(created + o.created, updated + o.updated, unchanged + o.unchanged, removed + o.removed,
                    rejected + o.rejected);
        }
    }
}
