-- newsgraph store, version 4: an event has two times. time_* is when the act happened or was
-- said; target_time_* is the time the act points at ("next spring", "by 2030", "until the end
-- of the decade"), null when the text gives none. Same columns as time_* (see docs/schema.md).
-- The events listing (event_index) shows the target time: its rows are derived anew after this
-- file runs (newsgraph.store.migrations.BACKFILLS). IF NOT EXISTS: a store whose index was
-- dropped to be rebuilt runs this file again.

ALTER TABLE events ADD COLUMN IF NOT EXISTS target_time_text VARCHAR;
ALTER TABLE events ADD COLUMN IF NOT EXISTS target_time_start_char INTEGER;
ALTER TABLE events ADD COLUMN IF NOT EXISTS target_time_end_char INTEGER;
ALTER TABLE events ADD COLUMN IF NOT EXISTS target_time_value VARCHAR;
ALTER TABLE events ADD COLUMN IF NOT EXISTS target_time_start DATE;
ALTER TABLE events ADD COLUMN IF NOT EXISTS target_time_end DATE;
ALTER TABLE events ADD COLUMN IF NOT EXISTS target_time_granularity VARCHAR;
ALTER TABLE events ADD COLUMN IF NOT EXISTS target_time_type VARCHAR;
ALTER TABLE events ADD COLUMN IF NOT EXISTS target_time_source VARCHAR;
ALTER TABLE events ADD COLUMN IF NOT EXISTS target_time_reason VARCHAR;
