-- Numbered 006: the PostgreSQL work adds 004 (shared state) and 005 (matcher index) in parallel.
-- People, organisations and places an ingested article introduced (or new aliases it gave a known one),
-- stored with that article so that removing it removes them. Portable SQL: no engine-specific types.
CREATE TABLE IF NOT EXISTS source_entities (
    source_id   TEXT NOT NULL REFERENCES sources(id) ON DELETE CASCADE,
    id          TEXT NOT NULL,
    kind        TEXT NOT NULL,
    name        TEXT NOT NULL,
    aliases     TEXT NOT NULL,          -- JSON array
    role_en     TEXT NOT NULL,
    role_fr     TEXT NOT NULL,
    PRIMARY KEY (source_id, id)
);
CREATE INDEX IF NOT EXISTS source_entities_id ON source_entities(id);
