-- Samverkan schema, version 7: an activity's sessions move into one column of its row (the format is described
-- in Sessions.java). A weekly course imported from a calendar has some fifty sessions a year, and a row each made
-- them most of what storing an activity cost. After this script SchemaMigrations copies every occurrence row into
-- its activity's column and drops the occurrence table, in the same transaction.
ALTER TABLE activity ADD COLUMN sessions CLOB;
