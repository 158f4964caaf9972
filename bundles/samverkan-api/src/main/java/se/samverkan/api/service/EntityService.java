package se.samverkan.api.service;

import java.util.List;
import java.util.Optional;

import se.samverkan.api.security.Caller;

/**
 * Create, read, update and delete for one kind of record, keyed by its stable id.
 * Writes are checked against the caller's rights and validated before anything is stored; a failed write
 * stores nothing.
 *
 * @param <T> the record type
 */
public interface EntityService<T> {

    /** All records, ordered by id. */
    List<T> list();

    Optional<T> find(String id);

    /** Up to {@code max} ids that start with {@code prefix}, ordered; cheap, for completion and pickers. */
    List<String> ids(String prefix, int max);

    /** @throws NotFoundException if there is no such record */
    default T get(String id) {
        return find(id).orElseThrow(() -> new NotFoundException(kind(), id));
    }

    /** @throws ValidationException, AccessDeniedException, ConflictException (id taken) */
    T create(Caller caller, T record);

    /** Replaces the record with this id. @throws NotFoundException, ValidationException, AccessDeniedException */
    T update(Caller caller, String id, T record);

    /** @throws NotFoundException, AccessDeniedException, ConflictException (still referenced) */
    void delete(Caller caller, String id);

    long count();

    /** Singular name of the record kind for messages, e.g. "organisation". */
    String kind();
}
