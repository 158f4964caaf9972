-- Samverkan schema, version 8: when each calendar feed was last read whole, and with which mapping and bytes.
-- Recurring events are expanded over a window that moves with the date, so a source that keeps answering "not
-- modified" is still read whole once a day; the same bytes under new validators are not parsed again that day.
ALTER TABLE calendar_feed ADD COLUMN last_read TIMESTAMP;
ALTER TABLE calendar_feed ADD COLUMN read_key VARCHAR(129);
