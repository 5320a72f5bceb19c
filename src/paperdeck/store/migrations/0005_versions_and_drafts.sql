-- Deadlines are user-authored text too: saved with a version check like papers, cards and
-- venues (store/versions.py).
ALTER TABLE deadlines ADD COLUMN version INTEGER NOT NULL DEFAULT 1;
-- Text a screen could not save because what it belonged to was deleted elsewhere (a paper
-- deleted in another window while its pitch was typed): kept here, never saved into another
-- object. No foreign key: a draft outlives what it was written for.
CREATE TABLE drafts (
    id INTEGER PRIMARY KEY,
    kind TEXT NOT NULL,              -- 'pitch', 'paper', ...
    about TEXT NOT NULL,             -- what it was written for, as the user saw it
    body TEXT NOT NULL,
    created_at TEXT NOT NULL
) STRICT;
