package se.samverkan.persistence.spi;

/**
 * Runs inside the transaction that writes a record, so what it adds to {@code rows} commits or rolls back with
 * the change (the activity change log is one). Published as a service; the record services call every hook whose
 * {@link #recordType} the written record is.
 *
 * @param <R> the record, e.g. {@code Activity}
 */
public interface RecordHook<R> {

    /** Statements run as JDBC batches on the record's connection, in the order they were first added. */
    interface Rows {
        void add(String sql, Object... values);
    }

    Class<R> recordType();

    /**
     * Called on create and update.
     *
     * @param before the stored record, null when it is created
     * @param after  the record as saved
     */
    void written(Rows rows, R before, R after);
}
