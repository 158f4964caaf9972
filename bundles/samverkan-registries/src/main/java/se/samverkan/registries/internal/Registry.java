package se.samverkan.registries.internal;

import java.time.Instant;
import java.util.List;

import org.apache.camel.LoggingLevel;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.model.RouteDefinition;

import se.samverkan.api.quarantine.Quarantined;
import se.samverkan.api.registry.ImportCounts;
import se.samverkan.api.registry.RegistryRun;
import se.samverkan.api.registry.RegistryRun.Outcome;
import se.samverkan.api.registry.RegistryStatus;
import se.samverkan.routes.ImportJob;
import se.samverkan.routes.JobRun;
import se.samverkan.routes.JobRun.Counts;
import se.samverkan.routes.JobStatus;
import se.samverkan.routes.Retries;

/**
 * One registry import as a Camel route ({@code registry-ID}) in the platform's CamelContext: a timer runs it
 * every {@code pollSeconds} (0: on demand only). A run that cannot reach its source is retried by the route with
 * doubling delays; every attempt is recorded in {@code registry_run}. A source that cannot be read or parsed
 * changes no stored data; a write that fails part-way keeps the batches of 1 000 rows committed before it (each
 * row whole), and the next run writes the rest. It is the import job {@code registry:ID}.
 */
public abstract class Registry extends RouteBuilder implements ImportJob {

    /** The source could not be read now (down, timing out, 5xx): worth a retry. */
    static final class UnavailableException extends Exception {
        UnavailableException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** The source answered with something unusable as a whole (4xx, a malformed body): a retry would not help. */
    static final class UnusableException extends Exception {
        UnusableException(String message) {
            super(message);
        }

        UnusableException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private final RegistrySettings settings;
    protected final RegistryStore store;

    Registry(RegistrySettings settings, RegistryStore store) {
        this.settings = settings;
        this.store = store;
    }

    String registryId() {
        return settings.id();
    }

    /** The id of a registry's import job. */
    static String jobId(String registryId) {
        return "registry:" + registryId;
    }

    @Override
    public String id() {
        return jobId(registryId());
    }

    /** MUNICIPALITIES, ORGANISATIONS or KPIS. */
    abstract String kind();

    /** Where it reads from, for the console. */
    abstract String source();

    /**
     * Reads the source and stores what it brought.
     *
     * @return what it did, or null if the source has not changed since the last run (no run is recorded)
     */
    abstract ImportCounts importNow() throws UnavailableException, UnusableException;

    /** The quarantine source of its rejected items, or null if it quarantines nothing. */
    @Override
    public String quarantineSource() {
        return null;
    }

    /**
     * Takes a quarantined item of its source again.
     *
     * @return null if it was stored now, else why not
     */
    String replay(String raw) {
        return "registry " + registryId() + " keeps no items to replay";
    }

    @Override
    public String replay(Quarantined item) {
        return replay(item.raw());
    }

    /** Forgets what tells an unchanged source, so the next run reads it whole. */
    public void forget() {
    }

    @Override
    public void configure() {
        // Quiet attempts: an offline platform should not fill its log; each attempt is recorded as a run anyway.
        Retries.withDoublingDelays(this, UnavailableException.class, settings.retries(), settings.retryDelaySeconds(),
                LoggingLevel.DEBUG, LoggingLevel.WARN, "Registry " + registryId() + " failed after retries: "
                        + "${exception.message}; its last good data is kept");
        RouteDefinition route = settings.pollSeconds() > 0
                ? from("timer:samverkan-registry-" + registryId() + "?delay=" + settings.startDelaySeconds() * 1000
                        + "&period=" + settings.pollSeconds() * 1000)
                : from("direct:samverkan-registry-" + registryId());
        route.routeId("registry-" + registryId()).process(exchange -> attempt());
    }

    /** One attempt, recorded whatever its outcome. */
    public synchronized RegistryRun attempt() throws UnavailableException {
        Instant started = Instant.now();
        try {
            ImportCounts counts = importNow();
            if (counts == null) {
                return null;
            }
            return record(started, Outcome.OK, counts, null);
        } catch (UnusableException | RuntimeException e) {
            return record(started, Outcome.FAILED, ImportCounts.NONE, e.getMessage());
        } catch (UnavailableException e) {
            record(started, Outcome.FAILED, ImportCounts.NONE, e.getMessage());
            throw e;
        }
    }

    /**
     * One attempt now, without the route's retries, reading the source even if it seems unchanged; also what
     * {@code RegistryService.run} does. A failure is recorded as the run's error, which the status shows.
     */
    @Override
    public JobStatus run() {
        forget();
        try {
            attempt();
        } catch (UnavailableException e) {
            // Recorded as the run's error.
        }
        return status();
    }

    RegistryStatus registryStatus() {
        List<RegistryRun> last = store.runs(registryId(), 1);
        return new RegistryStatus(registryId(), kind(), source(), settings.schedule(), last.isEmpty() ? null : last.get(0),
                store.lastSuccess(registryId()).orElse(null));
    }

    /** Its runs as an import job's, from the same table as {@link #registryStatus()}. */
    @Override
    public JobStatus status() {
        RegistryStatus registry = registryStatus();
        RegistryRun last = registry.lastRun();
        JobRun run = last == null ? null : new JobRun(last.started(), last.finished(),
                last.outcome() == Outcome.OK ? JobRun.Outcome.OK : JobRun.Outcome.FAILED,
                new Counts(last.counts().created(), last.counts().changed(), last.counts().unchanged(), 0,
                        last.counts().rejected()), last.error());
        return new JobStatus(id(), "registry", registry.source(), registry.schedule(), quarantineSource(), run,
                registry.lastSuccess());
    }

    private RegistryRun record(Instant started, Outcome outcome, ImportCounts counts, String error) {
        RegistryRun run = new RegistryRun(registryId(), started, Instant.now(), outcome, counts,
                error == null && outcome == Outcome.FAILED ? "failed without a message" : error);
        store.record(run);
        return run;
    }
}
