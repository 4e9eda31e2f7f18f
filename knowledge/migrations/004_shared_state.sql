-- What several processes on one store share, besides the facts and the outbox.

-- An update's deliveries are written in batches after the update itself: how far its fan-out got.
-- Existing updates were fanned out in one transaction, hence the default.
ALTER TABLE updates ADD COLUMN fanned_out INTEGER NOT NULL DEFAULT 1;
ALTER TABLE updates ADD COLUMN fanout_platform TEXT NOT NULL DEFAULT '';
ALTER TABLE updates ADD COLUMN fanout_chat TEXT NOT NULL DEFAULT '';
CREATE INDEX updates_fanout ON updates(fanned_out);
-- Pruning finds old rows by these.
CREATE INDEX deliveries_update ON deliveries(update_id, status);
CREATE INDEX feed_entries_seen ON feed_entries(seen_at);

-- Named leases: one process at a time polls the feeds, or calls Telegram's getUpdates.
CREATE TABLE leases (
    name     TEXT PRIMARY KEY,
    holder   TEXT NOT NULL,
    expires  REAL NOT NULL               -- Unix seconds: past it, anyone may take the lease
);

-- Follow-up memory, when the store is shared: a chat's next message may reach another replica.
CREATE TABLE conversation_memory (
    chat_key  TEXT PRIMARY KEY,
    subject   TEXT,
    lang      TEXT,
    at        REAL NOT NULL
);
CREATE INDEX conversation_memory_at ON conversation_memory(at);

-- Question rate limits, when the store is shared: token buckets every replica spends from.
CREATE TABLE rate_buckets (
    key     TEXT PRIMARY KEY,
    tokens  REAL NOT NULL,
    at      REAL NOT NULL
);
CREATE INDEX rate_buckets_at ON rate_buckets(at);
