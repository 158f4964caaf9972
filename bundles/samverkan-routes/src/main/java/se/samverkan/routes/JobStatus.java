package se.samverkan.routes;

import java.time.Instant;

/**
 * An {@link ImportJob} as an administrator follows it.
 *
 * @param id               {@code kind:name}, e.g. {@code feed:dalabergskyrkan}, {@code registry:kolada}
 * @param kind             e.g. {@code feed}, {@code registry}, {@code catalogue}, {@code mail}
 * @param source           where it reads from (a URL, a folder, a mailbox)
 * @param schedule         when it runs by itself, e.g. "every 15 min", "on demand only", "off"
 * @param quarantineSource the source its quarantined items carry (replayed through this job), or null if it
 *                         quarantines nothing
 * @param lastRun          its latest run, or null if it has not run (since the platform started, for a job that
 *                         keeps its runs in memory)
 * @param lastSuccess      when it last ran successfully, or null
 */
public record JobStatus(String id, String kind, String source, String schedule, String quarantineSource,
                        JobRun lastRun, Instant lastSuccess) {
}
