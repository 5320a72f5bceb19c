-- Editions (issue 13): a paper may name the cycle of its edition it targets (KDD's review
-- cycles, ARR-era deadlines), and a submission the cycle it went to.
ALTER TABLE papers ADD COLUMN target_cycle INTEGER;
ALTER TABLE submissions ADD COLUMN cycle INTEGER;
-- Where each value came from: JSON field -> source ("label": "huggingface:iclr.yml", ...), so
-- an import never replaces a value with one from a less trusted source (the `source` column
-- stays the source of the deadline's moment).
ALTER TABLE deadlines ADD COLUMN field_sources TEXT NOT NULL DEFAULT '{}';
ALTER TABLE venues ADD COLUMN field_sources TEXT NOT NULL DEFAULT '{}';
-- A venue the user hid: kept (papers may target it) but out of every list.
ALTER TABLE venues ADD COLUMN hidden INTEGER NOT NULL DEFAULT 0;
-- Where `deadlines update` found the venue in each tracker (JSON tracker -> path).
ALTER TABLE venues ADD COLUMN tracker_paths TEXT NOT NULL DEFAULT '{}';
-- `deadlines update`: each tracker file's validators, for conditional requests.
CREATE TABLE tracker_cache (
    url TEXT PRIMARY KEY,
    etag TEXT NOT NULL DEFAULT '',
    last_modified TEXT NOT NULL DEFAULT '',
    checked_at TEXT NOT NULL
) STRICT;
