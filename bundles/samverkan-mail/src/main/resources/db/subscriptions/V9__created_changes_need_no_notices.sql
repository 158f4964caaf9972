-- Samverkan schema, version 9: a new activity goes into the weekly digests and never into a notice, so its change
-- row is written with notices_queued_at already set. Rows written before are set the same way here: left NULL,
-- every feed's new activities lay in the range the notice route looks through each time it runs.
UPDATE activity_change SET notices_queued_at = changed_at WHERE kind = 'CREATED' AND notices_queued_at IS NULL;
