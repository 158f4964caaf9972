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

    /**
     * A stored record and its version: 1 when it was created, one more with every write that changed it. A writer
     * that read version n and writes with n ({@link #update(Caller, String, Object, long)}) cannot overwrite a write
     * it has not seen.
     */
    record Versioned<T>(T record, long version) {
    }

    /** The record with its current version. */
    Optional<Versioned<T>> findVersioned(String id);

    /** @throws ValidationException, AccessDeniedException, ConflictException (id taken) */
    T create(Caller caller, T record);

    /**
     * Replaces the record with this id, whatever was written since it was read: for writers that own the record
     * (imports). Others use {@link #update(Caller, String, Object, long)}.
     *
     * @throws NotFoundException, ValidationException, AccessDeniedException
     */
    T update(Caller caller, String id, T record);

    /**
     * Replaces the record if it is still at {@code version}.
     *
     * @return the record as stored, with its new version
     * @throws StaleVersionException if it was written since that version; nothing is written then
     */
    Versioned<T> update(Caller caller, String id, T record, long version);

    /**
     * What {@link #saveAll} did with one record: {@code saved} and whether it was {@code created}, or the
     * {@code error} that refused it (nothing of it is stored then).
     */
    record Saved<T>(String id, T saved, boolean created, SamverkanException error) {
    }

    /**
     * Creates the records that do not exist and updates those that do, each checked as {@link #create} and
     * {@link #update} check it. A refused record is reported in its outcome and the others are still written.
     * Implementations write many records per transaction, so imports do not pay a commit per record; this one
     * writes them one at a time.
     *
     * @return one outcome per record, in order
     */
    default List<Saved<T>> saveAll(Caller caller, List<T> records) {
        return records.stream().map(r -> {
            String key = idOf(r);
            try {
                boolean exists = find(key).isPresent();
                return new Saved<>(key, exists ? update(caller, key, r) : create(caller, r), !exists, null);
            } catch (SamverkanException e) {
                return new Saved<T>(key, null, false, e);
            }
        }).toList();
    }

    /** @throws NotFoundException, AccessDeniedException, ConflictException (still referenced) */
    void delete(Caller caller, String id);

    /** Deletes the record if it is still at {@code version}. @throws StaleVersionException if it was written since */
    void delete(Caller caller, String id, long version);

    long count();

    /** The record's id (a municipality's is its code). */
    String idOf(T record);

    /** Singular name of the record kind for messages, e.g. "organisation". */
    String kind();
}
