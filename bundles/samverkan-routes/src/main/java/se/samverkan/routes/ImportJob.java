package se.samverkan.routes;

import se.samverkan.api.quarantine.Quarantined;

/**
 * An import that reads a source on a schedule, stores what it brought and quarantines what it could not take:
 * a calendar feed, a registry, a course catalogue, a mailbox. Whiteboard: every ImportJob OSGi service is listed,
 * run on demand and replays its quarantined items through {@link ImportJobs}, for REST
 * ({@code /api/v1/admin/jobs}) and the console ({@code samverkan:job-list}, {@code samverkan:job-run}); there is
 * no list of jobs anywhere. The component that is the job's Camel route usually registers it too. A route that
 * polls its source (a file or mail consumer) keeps its runs with {@link PolledRuns}.
 */
public interface ImportJob {

    /** {@code kind:name}, e.g. {@code feed:dalabergskyrkan}; unique among the jobs, stable across restarts. */
    String id();

    /** The source its quarantined items carry, e.g. {@code feed:dalabergskyrkan}; null if it quarantines nothing. */
    default String quarantineSource() {
        return null;
    }

    /** What it reads, when, and how its last run went. */
    JobStatus status();

    /**
     * Reads the source once now, without the retries its schedule makes, and stores what it brought, as a
     * scheduled run does; waits for it. A run that fails is recorded as the job's last run, not thrown.
     *
     * @return its status afterwards
     * @throws se.samverkan.api.service.ConflictException if it cannot run now (it is off, its route is stopped)
     */
    JobStatus run();

    /**
     * Takes an item of its {@link #quarantineSource()} again, after a fix (of a mapping, a configuration, the data).
     *
     * @return null if it was taken now; otherwise why it still cannot be (the item stays waiting)
     */
    default String replay(Quarantined item) {
        return "the import job " + id() + " replays no items";
    }

    /** A schedule in words, for {@link JobStatus#schedule()}: "every 15 min", or "on demand only" for 0. */
    static String every(long seconds) {
        if (seconds <= 0) {
            return "on demand only";
        }
        return seconds % 86400 == 0 ? "every " + seconds / 86400 + " d"
                : seconds % 3600 == 0 ? "every " + seconds / 3600 + " h"
                : seconds % 60 == 0 ? "every " + seconds / 60 + " min" : "every " + seconds + " s";
    }
}
