-- An update's deliveries are written in batches after the update itself: how far its fan-out got.
-- Existing updates were fanned out in one transaction, hence the default.
ALTER TABLE updates ADD COLUMN fanned_out INTEGER NOT NULL DEFAULT 1;
ALTER TABLE updates ADD COLUMN fanout_platform TEXT NOT NULL DEFAULT '';
ALTER TABLE updates ADD COLUMN fanout_chat TEXT NOT NULL DEFAULT '';
CREATE INDEX updates_fanout ON updates(fanned_out);
CREATE INDEX deliveries_update ON deliveries(update_id, status);
CREATE INDEX feed_entries_seen ON feed_entries(seen_at);
