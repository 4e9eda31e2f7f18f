-- Sources, the gazetteer and the facts, as built from knowledge/data and from ingested articles.
CREATE TABLE sources (
    id          TEXT PRIMARY KEY,
    title       TEXT NOT NULL,
    lang        TEXT NOT NULL CHECK (lang IN ('en', 'fr')),
    date        TEXT,
    url         TEXT,
    publisher   TEXT,
    body        TEXT,
    digest      TEXT NOT NULL,
    added_at    TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
);

CREATE TABLE entities (
    id          TEXT PRIMARY KEY,
    kind        TEXT NOT NULL,
    name        TEXT NOT NULL,
    aliases     TEXT NOT NULL,          -- JSON array
    role_en     TEXT NOT NULL,
    role_fr     TEXT NOT NULL,
    part_of     TEXT                    -- a broader entity (GPT-2 is part of the GPT series)
);

CREATE TABLE facts (
    id              TEXT PRIMARY KEY,
    source_id       TEXT NOT NULL REFERENCES sources(id) ON DELETE CASCADE,
    kind            TEXT NOT NULL,
    subject         TEXT,
    entities        TEXT NOT NULL,      -- JSON array of entity ids
    sentence        TEXT NOT NULL,
    text_en         TEXT NOT NULL,
    text_fr         TEXT NOT NULL,
    date_value      TEXT,
    date_precision  TEXT CHECK (date_precision IN ('year', 'month', 'day')),
    when_en         TEXT,
    when_fr         TEXT,
    before_fact     TEXT,               -- an undated fact is placed on the timeline before this one
    timeline        INTEGER NOT NULL DEFAULT 0,
    questions_en    TEXT NOT NULL,      -- JSON array
    questions_fr    TEXT NOT NULL,      -- JSON array
    curated         INTEGER NOT NULL,
    digest          TEXT NOT NULL,
    updated_at      TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
);
CREATE INDEX facts_source ON facts(source_id);

-- A fact that another article repeats gains that article as a further source.
CREATE TABLE fact_sources (
    fact_id     TEXT NOT NULL REFERENCES facts(id) ON DELETE CASCADE,
    source_id   TEXT NOT NULL REFERENCES sources(id) ON DELETE CASCADE,
    PRIMARY KEY (fact_id, source_id)
);

CREATE TABLE meta (
    key     TEXT PRIMARY KEY,
    value   TEXT NOT NULL
);
