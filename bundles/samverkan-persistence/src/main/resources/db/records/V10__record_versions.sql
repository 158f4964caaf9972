-- Samverkan schema, version 10: every record has a version, 1 when created and one more with each write that changes
-- it (EclipseLink's optimistic locking, @Version on RecordEntity). A write names the version it was based on and is
-- refused if the stored one has moved on, so no concurrent write is silently lost. Rows stored before start at 1.
ALTER TABLE municipality ADD COLUMN version BIGINT NOT NULL DEFAULT 1;
ALTER TABLE organisation ADD COLUMN version BIGINT NOT NULL DEFAULT 1;
ALTER TABLE agreement ADD COLUMN version BIGINT NOT NULL DEFAULT 1;
ALTER TABLE programme ADD COLUMN version BIGINT NOT NULL DEFAULT 1;
ALTER TABLE venue ADD COLUMN version BIGINT NOT NULL DEFAULT 1;
ALTER TABLE activity ADD COLUMN version BIGINT NOT NULL DEFAULT 1;
