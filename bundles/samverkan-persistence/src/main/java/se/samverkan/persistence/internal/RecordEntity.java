package se.samverkan.persistence.internal;

import javax.persistence.Column;
import javax.persistence.MappedSuperclass;
import javax.persistence.Version;

/**
 * What every record's entity has: its version (schema V10). EclipseLink writes an update as {@code ... WHERE id = ?
 * AND version = ?} and raises it by one, so a write based on an older read fails instead of overwriting.
 */
@MappedSuperclass
public abstract class RecordEntity {

    @Version
    @Column(name = "version")
    long version;
}
