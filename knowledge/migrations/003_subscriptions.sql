-- Subscriptions, the outbox (updates and their deliveries) and the feeds the bot polls.
-- Times the broadcaster compares (next_attempt_at, created, sent) are Unix seconds (REAL), so a
-- due-deliveries scan is one index range; the others are ISO text for people reading the database.

CREATE TABLE subscriptions (
    id           INTEGER PRIMARY KEY,
    platform     TEXT NOT NULL,
    chat_id      TEXT NOT NULL,
    chat_kind    TEXT NOT NULL DEFAULT 'private' CHECK (chat_kind IN ('private', 'group')),
    topic        TEXT NOT NULL,                  -- '*', 'entity:<id>' or 'word:<canonical words>'
    label        TEXT NOT NULL,                  -- the topic as shown to the user
    lang         TEXT NOT NULL DEFAULT 'en',
    mode         TEXT NOT NULL DEFAULT 'immediate' CHECK (mode IN ('immediate', 'digest')),
    digest_time  TEXT,                           -- 'HH:MM' UTC, for mode = 'digest'
    active       INTEGER NOT NULL DEFAULT 1,
    strikes      INTEGER NOT NULL DEFAULT 0,     -- RecipientGone in a row, reset by a delivery
    last_error   TEXT,
    created_at   TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
    updated_at   TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
    UNIQUE (platform, chat_id, topic)
);
CREATE INDEX subscriptions_active ON subscriptions(active, platform);

-- One row per ingested article that brought new facts; written in the same transaction as those facts.
CREATE TABLE updates (
    id          INTEGER PRIMARY KEY,
    source_id   TEXT NOT NULL REFERENCES sources(id) ON DELETE CASCADE,
    fact_ids    TEXT NOT NULL,                   -- JSON array of the new facts' ids
    created     REAL NOT NULL
);

-- One row per (subscription, update): the message owed, and what became of it.
CREATE TABLE deliveries (
    id               INTEGER PRIMARY KEY,
    subscription_id  INTEGER NOT NULL REFERENCES subscriptions(id) ON DELETE CASCADE,
    update_id        INTEGER NOT NULL REFERENCES updates(id) ON DELETE CASCADE,
    platform         TEXT NOT NULL,              -- the subscription's, so each broadcaster scans only its own
    fact_ids         TEXT NOT NULL,              -- JSON: the update's facts this chat's topics select
    status           TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'sent', 'parked')),
    attempts         INTEGER NOT NULL DEFAULT 0,
    next_attempt_at  REAL NOT NULL,              -- also the lease while a broadcaster holds the row
    claimed_by       TEXT,
    last_error       TEXT,
    sent_at          REAL,
    UNIQUE (subscription_id, update_id)
);
CREATE INDEX deliveries_due ON deliveries(status, platform, next_attempt_at);
CREATE INDEX deliveries_subscription ON deliveries(subscription_id, status);

-- RSS/Atom feeds: the validators to send back, and every entry already ingested.
CREATE TABLE feeds (
    url            TEXT PRIMARY KEY,
    etag           TEXT,
    last_modified  TEXT,
    checked_at     REAL
);

CREATE TABLE feed_entries (
    feed_url    TEXT NOT NULL,
    entry_key   TEXT NOT NULL,
    source_id   TEXT,
    seen_at     REAL NOT NULL,
    PRIMARY KEY (feed_url, entry_key)
);
