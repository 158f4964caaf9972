package se.samverkan.routes.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import se.samverkan.api.quarantine.QuarantineService;
import se.samverkan.api.quarantine.Quarantined;
import se.samverkan.api.service.ConflictException;
import se.samverkan.routes.ImportJob;
import se.samverkan.routes.JobRun;
import se.samverkan.routes.JobRun.Counts;
import se.samverkan.routes.JobRun.Outcome;
import se.samverkan.routes.JobStatus;

/**
 * An import job as a plugin writes one, for the tests of the jobs' service and commands: its source is a list of
 * lines; a run takes the lines there are, and quarantines those that start with "bad" under its own source.
 */
final class LinesJob implements ImportJob {

    final String id;
    final String kind;
    private final QuarantineService quarantine;
    /** What the source holds now. */
    final List<String> lines = new ArrayList<>();
    /** Quarantined lines a replay takes now (as after a fix). */
    final Set<String> fixed = new HashSet<>();
    /** Why it cannot run now, or null. */
    String off;
    /** When set, a run fails with this after it began (as a store that fails while recording the run). */
    String broken;
    int runs;
    private JobRun lastRun;
    private Instant lastSuccess;

    LinesJob(String id, QuarantineService quarantine) {
        this.id = id;
        this.kind = id.substring(0, id.indexOf(':'));
        this.quarantine = quarantine;
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public String quarantineSource() {
        return id;
    }

    @Override
    public JobStatus status() {
        return new JobStatus(id, kind, "lines of " + id, "on demand only", id, lastRun, lastSuccess);
    }

    @Override
    public JobStatus run() {
        if (off != null) {
            throw new ConflictException(off);
        }
        if (broken != null) {
            throw new IllegalStateException(broken);
        }
        runs++;
        Instant started = Instant.now();
        int rejected = 0;
        for (String line : lines) {
            if (line.startsWith("bad")) {
                quarantine.add(id, line, "a bad line", line);
                rejected++;
            }
        }
        lastRun = new JobRun(started, Instant.now(), Outcome.OK, new Counts(lines.size() - rejected, 0, 0, 0, rejected),
                null);
        lastSuccess = lastRun.finished();
        lines.clear();
        return status();
    }

    @Override
    public String replay(Quarantined item) {
        return fixed.contains(item.raw()) ? null : item.raw() + " is still bad";
    }
}
