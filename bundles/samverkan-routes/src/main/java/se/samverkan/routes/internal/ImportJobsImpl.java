package se.samverkan.routes.internal;

import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

import se.samverkan.api.quarantine.QuarantineService;
import se.samverkan.api.quarantine.Quarantined;
import se.samverkan.api.quarantine.Quarantined.State;
import se.samverkan.api.security.AccessPolicy;
import se.samverkan.api.security.Caller;
import se.samverkan.api.service.ConflictException;
import se.samverkan.api.service.NotFoundException;
import se.samverkan.persistence.spi.Jdbc;
import se.samverkan.persistence.spi.Storage;
import se.samverkan.routes.ImportJob;
import se.samverkan.routes.ImportJobs;
import se.samverkan.routes.JobRun;
import se.samverkan.routes.JobStatus;

/**
 * Every {@link ImportJob} service (whiteboard: they come and go with their configurations and bundles). Runs and
 * replays are checked here, for REST and the console alike, and audited like record writes: in {@code audit_log}
 * under the caller's name, and in the log.
 */
@Component(service = ImportJobs.class)
public class ImportJobsImpl implements ImportJobs {

    private static final Logger LOG = System.getLogger(ImportJobsImpl.class.getName());

    private final List<ImportJob> jobs = new CopyOnWriteArrayList<>();
    private final QuarantineService quarantine;
    private final Jdbc audit;

    @Activate
    public ImportJobsImpl(@Reference QuarantineService quarantine, @Reference Storage storage) {
        this.quarantine = quarantine;
        this.audit = new Jdbc(storage.dataSource(), "the audit log");
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    public void addJob(ImportJob job) {
        if (find(job.id()).isPresent()) {
            LOG.log(Level.WARNING, "Two import jobs have the id " + job.id() + ": the first one is run and listed");
        }
        jobs.add(job);
    }

    public void removeJob(ImportJob job) {
        jobs.remove(job);
    }

    @Override
    public List<JobStatus> jobs() {
        Map<String, ImportJob> first = new TreeMap<>();
        jobs.forEach(job -> first.putIfAbsent(job.id(), job));
        return first.values().stream().map(ImportJob::status).toList();
    }

    @Override
    public Optional<JobStatus> job(String id) {
        return find(id).map(ImportJob::status);
    }

    @Override
    public JobStatus run(Caller caller, String id) {
        AccessPolicy.checkAdmin(caller, "run an import job");
        ImportJob job = find(id).orElseThrow(() -> new NotFoundException("import job", id));
        JobStatus status;
        try {
            status = job.run();
        } catch (ConflictException e) {
            throw new ConflictException("import job " + id + " cannot run now: " + e.getMessage());
        } catch (RuntimeException e) {
            // It ran, and failed on its way (e.g. storing its run): who ran it is still on record.
            audit(caller, "RUN", "import_job", id);
            throw e;
        }
        audit(caller, "RUN", "import_job", id);
        JobRun run = status.lastRun();
        LOG.log(Level.INFO, "Import job " + id + " run by " + caller.user() + ": "
                + (run == null ? "no run" : run.outcome() + " " + run.counts()
                + (run.error() == null ? "" : ", " + run.error())));
        return status;
    }

    @Override
    public String replay(Caller caller, long quarantinedId) {
        AccessPolicy.checkAdmin(caller, "replay quarantined items");
        Quarantined item = quarantine.find(quarantinedId)
                .orElseThrow(() -> new NotFoundException("quarantined item", String.valueOf(quarantinedId)));
        if (item.state() != State.WAITING) {
            return "item " + item.id() + " is " + item.state().name().toLowerCase(Locale.ROOT) + ", not waiting";
        }
        Optional<ImportJob> job = jobs.stream().filter(j -> item.source().equals(j.quarantineSource())).findFirst();
        if (job.isEmpty()) {
            return "no configured import job takes items of " + item.source() + " (its import is no longer "
                    + "configured, or not installed); " + item.discardHint();
        }
        String problem = job.get().replay(item);
        if (problem == null) {
            quarantine.resolve(item.id(), State.REPLAYED);
            audit(caller, "REPLAY", "quarantine", String.valueOf(item.id()));
        }
        LOG.log(Level.INFO, "Quarantined item " + item.id() + " of " + item.source() + " replayed by " + caller.user()
                + " through " + job.get().id() + ": " + (problem == null ? "taken" : "not taken, " + problem));
        return problem;
    }

    private Optional<ImportJob> find(String id) {
        return jobs.stream().filter(j -> j.id().equals(id)).findFirst();
    }

    private void audit(Caller caller, String operation, String kind, String recordId) {
        audit.transaction(c -> {
            Jdbc.audit(c, Instant.now(), caller.user(), operation, kind, recordId);
            return null;
        });
    }
}
