-- The matcher's index, saved so a start loads it instead of rebuilding it (knowledge/index_cache.py), in
-- chunks (a million facts make a blob over a gigabyte). meta 'matcher_index' names the complete one.
CREATE TABLE matcher_index (
    name  TEXT NOT NULL,
    seq   INTEGER NOT NULL,
    data  BLOB NOT NULL,
    PRIMARY KEY (name, seq)
);
