package se.samverkan.routes;

import java.util.List;
import java.util.Optional;

import se.samverkan.api.security.Caller;

/**
 * Every {@link ImportJob} of the platform, for REST and the console: their status, a run now and the replay of
 * a quarantined item through the job it came from. Running and replaying are administrators' work: they take the
 * caller, are refused to anyone else, and are audited under the caller's name.
 */
public interface ImportJobs {

    /** Ordered by id. */
    List<JobStatus> jobs();

    Optional<JobStatus> job(String id);

    /**
     * Runs the job once now ({@link ImportJob#run()}) and waits for it.
     *
     * @return its status afterwards; a failed run is its last run
     * @throws se.samverkan.api.service.AccessDeniedException if the caller is not an administrator
     * @throws se.samverkan.api.service.NotFoundException      if no job has that id
     * @throws se.samverkan.api.service.ConflictException      if it cannot run now
     */
    JobStatus run(Caller caller, String id);

    /**
     * Hands a waiting quarantined item to the job whose quarantine source it carries, and marks it replayed if it
     * was taken.
     *
     * @return null if it was taken; otherwise why not (it stays waiting)
     * @throws se.samverkan.api.service.AccessDeniedException if the caller is not an administrator
     * @throws se.samverkan.api.service.NotFoundException      if there is no such item
     */
    String replay(Caller caller, long quarantinedId);
}
