-- Samverkan schema, version 11: what a calendar feed's last read took but not as the feed said it (a guessed
-- charset, a capped recurrence), one per line; and when the read being stored began, written before its first
-- event is stored and cleared when it ends, so that a run cut off by a crash shows as interrupted.
ALTER TABLE calendar_feed ADD COLUMN warnings VARCHAR(4000);
ALTER TABLE calendar_feed ADD COLUMN run_started TIMESTAMP;
