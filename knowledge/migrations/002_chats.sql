-- Per-chat and per-user preferences (language…), kept across restarts.
CREATE TABLE preferences (
    platform    TEXT NOT NULL,
    scope_id    TEXT NOT NULL,      -- a user id or a chat id, as the platform gives it
    key         TEXT NOT NULL,
    value       TEXT NOT NULL,
    updated_at  TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
    PRIMARY KEY (platform, scope_id, key)
);
