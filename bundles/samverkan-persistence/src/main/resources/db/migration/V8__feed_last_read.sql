-- Samverkan schema, version 8: when each calendar feed was last read whole. Recurring events are expanded over a
-- window that moves with the date, so a source that keeps answering "not modified" is still read whole once a day.
ALTER TABLE calendar_feed ADD COLUMN last_read TIMESTAMP;
