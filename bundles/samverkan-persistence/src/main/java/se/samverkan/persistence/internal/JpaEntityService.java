package se.samverkan.persistence.internal;

import java.sql.SQLDataException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

import javax.persistence.EntityManager;
import javax.persistence.OptimisticLockException;
import javax.persistence.PersistenceException;

import org.apache.aries.jpa.template.EmFunction;
import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;

import se.samverkan.api.security.AccessPolicy;
import se.samverkan.api.security.Caller;
import se.samverkan.api.service.ConflictException;
import se.samverkan.api.service.EntityService;
import se.samverkan.api.service.NotFoundException;
import se.samverkan.api.service.SamverkanException;
import se.samverkan.api.service.StaleVersionException;
import se.samverkan.api.service.ValidationException;
import se.samverkan.api.service.ValidationException.FieldError;
import se.samverkan.persistence.spi.Jdbc;

/**
 * The one implementation of create/read/update/delete that every record kind shares: validate, check the
 * caller's rights on the stored and the new version, check references, write and audit, all in one
 * transaction so that a refused or failed write leaves nothing behind.
 *
 * @param <R> the API record
 * @param <E> its JPA entity
 */
abstract class JpaEntityService<R, E extends RecordEntity> implements EntityService<R> {

    /**
     * What differs between record kinds apart from the field mapping.
     *
     * @param idField   the entity's id attribute, for ordering
     * @param id        the record's id
     * @param newEntity a new entity with the given id
     * @param validate  form and field rules of the record itself (throws ValidationException)
     * @param rights    who may write the record: one of {@link AccessPolicy}'s rules
     */
    record Kind<R, E>(Class<E> entityClass, String idField, Function<R, String> id, Function<String, E> newEntity,
                      Consumer<R> validate, AccessPolicy.Rule<R> rights) {
    }

    private final Kind<R, E> kind;
    private final Class<E> entityClass;
    private final JpaTemplate jpa;
    private final Contributions contributions;

    /** @param contributions present only once migrations have run, so taking it keeps writes off an old schema */
    protected JpaEntityService(Kind<R, E> kind, JpaTemplate jpa, Contributions contributions) {
        this.kind = kind;
        this.entityClass = kind.entityClass();
        this.jpa = Objects.requireNonNull(jpa);
        this.contributions = Objects.requireNonNull(contributions);
    }

    protected abstract R toRecord(E entity);

    /** Copies the record's fields onto the entity. */
    protected abstract void copy(R record, E entity);

    /** Checks that the records this one points at exist; add an error per missing one. */
    protected void checkReferences(EntityManager em, R record, List<FieldError> errors) {
    }

    /** Checks rules that depend on the stored version, e.g. allowed status transitions. */
    protected void checkChange(R stored, R updated) {
    }

    /**
     * Called inside the transaction of a create or update, after the write; what it adds to {@code rows} commits
     * or rolls back with the change. {@code stored} is null on create.
     */
    protected void written(Rows rows, R stored, R saved) {
    }

    /**
     * False if no record with this id is stored, as far as an in-memory view knows: a batch then skips reading
     * it. A wrong answer costs only time, since the primary key refuses the insert and the batch is written again
     * one record at a time, reading each.
     */
    protected boolean mayExist(String id) {
        return true;
    }

    /** Called after a write has been committed; {@code saved} is null after a delete. */
    protected void committed(String id, R saved) {
    }

    /** Called after a batch of {@link #saveAll} has been committed, with the records it saved. */
    protected void committedAll(List<Saved<R>> saved) {
        saved.forEach(o -> committed(o.id(), o.saved()));
    }

    /** Every active record: those of uninstalled plugins are kept but not listed (find still reads them). */
    @Override
    public List<R> list() {
        return tx(em -> em.createQuery("SELECT e FROM " + entityName() + " e ORDER BY e." + kind.idField(), entityClass)
                .getResultList().stream().map(this::toRecord)
                .filter(r -> !contributions.inactive(kind(), kind.id().apply(r))).toList());
    }

    @Override
    public Optional<R> find(String id) {
        if (id == null) {
            return Optional.empty();
        }
        return tx(em -> Optional.ofNullable(em.find(entityClass, id)).map(this::toRecord));
    }

    @Override
    public Optional<Versioned<R>> findVersioned(String id) {
        if (id == null) {
            return Optional.empty();
        }
        return tx(em -> Optional.ofNullable(em.find(entityClass, id)).map(e -> new Versioned<>(toRecord(e), e.version)));
    }

    @Override
    public List<String> ids(String prefix, int max) {
        String escaped = Jdbc.likeLiteral(prefix == null ? "" : prefix);
        return tx(em -> em.createQuery("SELECT e." + kind.idField() + " FROM " + entityName() + " e WHERE e."
                        + kind.idField() + " LIKE :prefix ESCAPE '\\' ORDER BY e." + kind.idField(), String.class)
                .setParameter("prefix", escaped + "%").setMaxResults(max).getResultList());
    }

    @Override
    public long count() {
        return tx(em -> em.createQuery("SELECT COUNT(e) FROM " + entityName() + " e", Long.class).getSingleResult());
    }

    @Override
    public String idOf(R record) {
        return kind.id().apply(record);
    }

    @Override
    public R create(Caller caller, R record) {
        return writeOne(caller, record, Mode.CREATE, null).record();
    }

    @Override
    public R update(Caller caller, String id, R record) {
        return update(caller, id, record, null).record();
    }

    @Override
    public Versioned<R> update(Caller caller, String id, R record, long version) {
        return update(caller, id, record, Long.valueOf(version));
    }

    private Versioned<R> update(Caller caller, String id, R record, Long version) {
        String recordId = kind.id().apply(record);
        if (!Objects.equals(id, recordId)) {
            throw new ValidationException("id", "'" + recordId + "' does not match the id '" + id + "' being updated");
        }
        return writeOne(caller, record, Mode.UPDATE, version);
    }

    /** Records per transaction in {@link #saveAll}: enough that commits stop mattering, few enough to hold. */
    private static final int BATCH = 500;

    /**
     * Each batch's {@link #committedAll} (for activities, the search index taking them) runs on a thread of its own
     * while the next batch is written, so the two use both cores; all have run when this returns. (A shared pool
     * could be busy with the caller's other work, a feed's mapping, and keep the last batch waiting.)
     */
    @Override
    public List<Saved<R>> saveAll(Caller caller, List<R> records) {
        if (records.size() <= BATCH) {
            List<Saved<R>> saved = records.isEmpty() ? List.of() : saveBatch(caller, records, Set.of());
            committedAll(written(saved));
            return saved;
        }
        List<Saved<R>> outcomes = new ArrayList<>(records.size());
        ExecutorService hookThread = Executors.newSingleThreadExecutor(r -> new Thread(r, "samverkan-saved-" + kind()));
        CompletableFuture<Void> hooks = CompletableFuture.completedFuture(null);
        // What an earlier batch wrote exists, though the index (mayExist) may not have taken it yet.
        Set<String> writtenHere = new HashSet<>();
        try {
            for (int from = 0; from < records.size(); from += BATCH) {
                List<Saved<R>> saved = saveBatch(caller, records.subList(from, Math.min(records.size(), from + BATCH)),
                        writtenHere);
                outcomes.addAll(saved);
                List<Saved<R>> written = written(saved);
                written.forEach(o -> writtenHere.add(o.id()));
                // In order, and each batch's even after an earlier one failed: the first failure is thrown below.
                hooks = hooks.handleAsync((ok, earlier) -> {
                    try {
                        committedAll(written);
                    } catch (RuntimeException e) {
                        if (earlier == null) {
                            throw e;
                        }
                        earlier.addSuppressed(e);
                    }
                    if (earlier != null) {
                        throw earlier instanceof CompletionException c ? c : new CompletionException(earlier);
                    }
                    return null;
                }, hookThread);
            }
        } finally {
            hooks.handle((ok, e) -> null).join();  // all run, whatever became of the batches
            hookThread.shutdown();
        }
        try {
            hooks.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : e;
        }
        return outcomes;
    }

    private static <R> List<Saved<R>> written(List<Saved<R>> saved) {
        return saved.stream().filter(o -> o.error() == null).toList();
    }

    /**
     * Writes a batch in one transaction, leaving out each record a check refuses (checks come before any write
     * of the record). If the database still refuses the batch, each record is written on its own, so only the
     * bad one fails. The caller runs {@link #committedAll} for what was saved.
     */
    private List<Saved<R>> saveBatch(Caller caller, List<R> batch, Set<String> writtenHere) {
        try {
            return tx(em -> {
                // The records are flushed first (EclipseLink batches their statements), then the audit and
                // change-log rows.
                Rows rows = new Rows(em);
                List<Supplier<Saved<R>>> written = new ArrayList<>(batch.size());
                for (R record : batch) {
                    try {
                        Written<E, R> w = write(em, caller, record, Mode.SAVE, null,
                                !writtenHere.contains(kind.id().apply(record)));
                        written.add(() -> finish(rows, caller, w));
                    } catch (SamverkanException e) {
                        Saved<R> refused = new Saved<>(kind.id().apply(record), null, false, e);
                        written.add(() -> refused);
                    }
                }
                em.flush();
                List<Saved<R>> saved = written.stream().map(Supplier::get).toList();
                rows.execute();
                return saved;
            });
        } catch (SamverkanException e) {
            throw e;
        } catch (RuntimeException e) {
            return batch.stream().map(record -> {
                try {
                    return writeInTx(caller, record, Mode.SAVE, null).saved();
                } catch (SamverkanException refused) {
                    return new Saved<R>(kind.id().apply(record), null, false, refused);
                }
            }).toList();
        }
    }

    private enum Mode { CREATE, UPDATE, SAVE }

    /**
     * An entity written in a transaction that has not been flushed (nor audited, which would flush it) yet.
     *
     * @param stored the record before the write; null if it was created
     */
    private record Written<E, R>(String id, E entity, R stored) {
    }

    /** After the flush: audits the write, reads the record back and hands it to {@link #written}. */
    private Saved<R> finish(Rows rows, Caller caller, Written<E, R> w) {
        audit(rows, caller, w.stored() == null ? "CREATE" : "UPDATE", w.id());
        R saved = toRecord(w.entity());
        written(rows, w.stored(), saved);
        return new Saved<>(w.id(), saved, w.stored() == null, null);
    }

    /** One record in its own transaction. */
    private Versioned<R> writeOne(Caller caller, R record, Mode mode, Long version) {
        Outcome<R> outcome = writeInTx(caller, record, mode, version);
        committed(outcome.saved().id(), outcome.saved().saved());
        return new Versioned<>(outcome.saved().saved(), outcome.version());
    }

    /** A record written in its own transaction, and its version after the write. */
    private record Outcome<R>(Saved<R> saved, long version) {
    }

    /** One record in its own transaction, without the {@link #committed} hook. */
    private Outcome<R> writeInTx(Caller caller, R record, Mode mode, Long version) {
        String id = kind.id().apply(record);
        return tx(em -> {
            Rows rows = new Rows(em);
            Written<E, R> written = write(em, caller, record, mode, version, false);
            flush(em, id);
            Saved<R> result = finish(rows, caller, written);
            rows.execute();
            return new Outcome<>(result, written.entity().version);
        });
    }

    /**
     * Checks the record (form, rights on the stored and the new version, references) and, only if all pass,
     * writes it in the transaction of {@code em}.
     *
     * @param version    the version the write is based on, or null to write over whatever is stored
     * @param trustIndex an id {@link #mayExist} does not know is taken as new without a read: only in a batch,
     *                   which is written again record by record if the database refuses it
     */
    private Written<E, R> write(EntityManager em, Caller caller, R record, Mode mode, Long version,
                                boolean trustIndex) {
        String id = kind.id().apply(record);
        kind.validate().accept(record);
        requireActive(id);
        // One primary-key read per record: Derby answers a batch's IN list by scanning the table.
        E entity = trustIndex && !mayExist(id) ? null : em.find(entityClass, id);
        if (entity == null && mode == Mode.UPDATE) {
            throw new NotFoundException(kind(), id);
        }
        if (entity != null && mode == Mode.CREATE) {
            throw new ConflictException("A " + kind() + " with id '" + id + "' already exists");
        }
        R stored = null;
        if (entity == null) {
            kind.rights().check(caller, null, record, new StoredParties(em));
            requireReferences(em, record, true);
            entity = kind.newEntity().apply(id);
            copy(record, entity);
            em.persist(entity);
        } else {
            stored = toRecord(entity);
            kind.rights().check(caller, stored, record, new StoredParties(em));
            requireVersion(entity, version);
            checkChange(stored, record);
            requireReferences(em, record, false);
            copy(record, entity);
        }
        return new Written<>(id, entity, stored);
    }

    @Override
    public void delete(Caller caller, String id) {
        delete(caller, id, null);
    }

    @Override
    public void delete(Caller caller, String id, long version) {
        delete(caller, id, Long.valueOf(version));
    }

    private void delete(Caller caller, String id, Long version) {
        requireActive(id);
        tx(em -> {
            E entity = em.find(entityClass, id);
            if (entity == null) {
                throw new NotFoundException(kind(), id);
            }
            kind.rights().check(caller, toRecord(entity), null, new StoredParties(em));
            requireVersion(entity, version);
            em.remove(entity);
            flush(em, id);
            Rows rows = new Rows(em);
            audit(rows, caller, "DELETE", id);
            rows.execute();
            return null;
        });
        committed(id, null);
    }

    /** Adds an error to {@code errors} for each id in {@code ids} that names no stored, active {@code type}. */
    protected void requireAll(EntityManager em, Class<?> type, String kind, String field,
                                     Collection<String> ids, List<FieldError> errors) {
        if (ids == null) {
            return;
        }
        for (String ref : ids) {
            if (ref != null && em.find(type, ref) == null) {
                errors.add(new FieldError(field, "no " + kind + " with id '" + ref + "'"));
            } else if (ref != null && contributions.inactive(kind, ref)) {
                errors.add(new FieldError(field, inactiveMessage(kind, ref)));
            }
        }
    }

    protected void require(EntityManager em, Class<?> type, String kind, String field, String id,
                                   List<FieldError> errors) {
        requireAll(em, type, kind, field, id == null ? List.of() : List.of(id), errors);
    }

    /** Makes {@code target} hold exactly {@code source} (null meaning empty), touching only what differs. */
    protected static <T> void replace(Set<T> target, Collection<T> source) {
        Set<T> wanted = source == null ? Set.of() : new HashSet<>(source);
        target.retainAll(wanted);
        target.addAll(wanted);
    }

    /** Makes {@code target} hold exactly {@code source} (null meaning empty). */
    protected static <K, V> void replace(Map<K, V> target, Map<K, V> source) {
        Map<K, V> wanted = source == null ? Map.of() : source;
        target.keySet().retainAll(wanted.keySet());
        target.putAll(wanted);
    }

    protected static <T> Set<T> copyOf(Collection<T> values) {
        return values == null ? Set.of() : Set.copyOf(values);
    }

    /** Runs the work in one transaction and hands on our own errors unwrapped. */
    protected <T> T tx(EmFunction<T> work) {
        try {
            return jpa.txExpr(TransactionType.Required, work);
        } catch (RuntimeException e) {
            for (Throwable t = e; t != null; t = t.getCause()) {
                if (t instanceof SamverkanException s) {
                    throw s;
                }
            }
            throw e;
        }
    }

    /** A write based on another version than the stored one is refused before anything is written. */
    private void requireVersion(E entity, Long version) {
        if (version != null && entity.version != version) {
            throw new StaleVersionException(kind(), kind.id().apply(toRecord(entity)), version, entity.version);
        }
    }

    /** Records of uninstalled plugins are kept as they were until the plugin is installed again. */
    private void requireActive(String id) {
        if (id != null && contributions.inactive(kind(), id)) {
            throw new ConflictException(inactiveMessage(kind(), id));
        }
    }

    private static final String INACTIVE = " is inactive: the plugin that brought it is not installed";

    private static String inactiveMessage(String kind, String id) {
        return "the " + kind + " '" + id + "'" + INACTIVE;
    }

    /** A stored record may keep pointing at records that became inactive; a new one may not point at them. */
    private void requireReferences(EntityManager em, R record, boolean creating) {
        List<FieldError> errors = new ArrayList<>();
        checkReferences(em, record, errors);
        if (!creating) {
            errors.removeIf(e -> e.message().endsWith(INACTIVE));
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
    }

    /**
     * Writes now, so that a constraint the checks above did not catch becomes a clear conflict, and a write that
     * another one overtook since this one read the record (the version no longer matches) is refused.
     */
    private void flush(EntityManager em, String id) {
        try {
            em.flush();
        } catch (OptimisticLockException e) {
            throw new StaleVersionException(kind(), id);
        } catch (PersistenceException e) {
            for (Throwable t = e; t != null; t = t.getCause()) {
                if (t instanceof SQLIntegrityConstraintViolationException) {
                    throw new ConflictException("The " + kind() + " '" + id + "' conflicts with stored data: "
                            + t.getMessage());
                }
                // A value the columns cannot hold (validation bounds what it knows): this record is refused, so a
                // batch written again record by record stores the others.
                if (t instanceof SQLDataException) {
                    throw new ValidationException(kind(), "the " + kind() + " '" + id + "' has a value the database "
                            + "cannot store: " + t.getMessage());
                }
            }
            throw e;
        }
    }

    private void audit(Rows rows, Caller caller, String operation, String id) {
        rows.add("INSERT INTO audit_log (changed_at, actor, operation, kind, record_id) VALUES (?, ?, ?, ?, ?)",
                Timestamp.from(Instant.now()), caller.user(), operation, kind(), id);
    }

    private String entityName() {
        return entityClass.getSimpleName().replace("Entity", "");
    }
}
