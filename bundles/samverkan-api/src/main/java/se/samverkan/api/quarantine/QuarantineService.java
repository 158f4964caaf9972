package se.samverkan.api.quarantine;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import se.samverkan.api.security.Caller;

/**
 * The items imports could not take, kept until they are replayed or superseded. A replay goes through the import
 * job the item's source names ({@code se.samverkan.routes.ImportJobs}).
 */
public interface QuarantineService {

    /**
     * Keeps a bad item. An item of the same source and key that is still waiting is replaced, so a feed that
     * keeps serving the same broken event holds one record of it, with the latest reason and text.
     */
    Quarantined add(String source, String key, String reason, String raw);

    /** Newest first; {@code source} null for all sources. */
    List<Quarantined> list(String source, boolean waitingOnly);

    Optional<Quarantined> find(long id);

    /** Marks the waiting items of the source with these keys as taken, when the source took good versions of them. */
    void discard(String source, Collection<String> keys);

    void resolve(long id, Quarantined.State state);

    /**
     * Drops a waiting item an administrator decided not to take, e.g. one of a calendar feed that is no longer
     * configured, which nothing can replay. It is kept, marked DISCARDED; the audit log names who discarded it.
     *
     * @return the item as discarded
     * @throws se.samverkan.api.service.AccessDeniedException if the caller is not an administrator
     * @throws se.samverkan.api.service.NotFoundException if there is no such item
     * @throws se.samverkan.api.service.ConflictException if it is not waiting (already replayed or discarded)
     */
    Quarantined discard(Caller caller, long id);
}
