-- paperdeck schema v1. STRICT tables: every column has an explicit type that SQLite enforces.
-- Instants are ISO 8601 UTC text ending in Z; dates are YYYY-MM-DD text.

CREATE TABLE settings (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL              -- JSON
) STRICT;

-- Every item of the guide: reasons, topics, stages, tasks, tools, rhythm, pitch parts,
-- resume formats, question categories and questions, tips, platforms.
CREATE TABLE guide_items (
    id INTEGER PRIMARY KEY,
    key TEXT NOT NULL UNIQUE,
    kind TEXT NOT NULL,
    parent_key TEXT,
    position INTEGER NOT NULL DEFAULT 0,
    zh TEXT NOT NULL DEFAULT '',
    en TEXT NOT NULL DEFAULT '',
    data TEXT NOT NULL DEFAULT '{}',   -- JSON: the section's extra fields
    user_edited INTEGER NOT NULL DEFAULT 0
) STRICT;
CREATE INDEX guide_items_kind ON guide_items(kind, position);

-- Every seed key ever applied. A key here is never inserted again, so re-seeding adds only
-- what is new and never brings back what the user deleted.
CREATE TABLE seed_applied (
    key TEXT PRIMARY KEY,
    applied_at TEXT NOT NULL
) STRICT;

CREATE TABLE venues (
    id INTEGER PRIMARY KEY,
    key TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL,
    full_name TEXT NOT NULL DEFAULT '',
    group_key TEXT,
    field_zh TEXT NOT NULL DEFAULT '',
    field_en TEXT NOT NULL DEFAULT '',
    paper_types_zh TEXT NOT NULL DEFAULT '',
    paper_types_en TEXT NOT NULL DEFAULT '',
    guide_note_zh TEXT NOT NULL DEFAULT '',
    guide_note_en TEXT NOT NULL DEFAULT '',
    url TEXT NOT NULL DEFAULT '',
    favourite INTEGER NOT NULL DEFAULT 0,
    seed_key TEXT,
    user_edited INTEGER NOT NULL DEFAULT 0,
    version INTEGER NOT NULL DEFAULT 1,
    updated_at TEXT
) STRICT;

CREATE TABLE deadlines (
    id INTEGER PRIMARY KEY,
    venue_id INTEGER NOT NULL REFERENCES venues(id) ON DELETE CASCADE,
    edition_year INTEGER NOT NULL,
    kind TEXT NOT NULL,
    label TEXT NOT NULL DEFAULT '',
    at_utc TEXT,                     -- an instant, or NULL for a date-only deadline
    on_date TEXT,                    -- a date-only deadline
    tz_label TEXT NOT NULL DEFAULT 'AoE',
    is_estimate INTEGER NOT NULL DEFAULT 0,
    source TEXT NOT NULL DEFAULT '',
    note TEXT NOT NULL DEFAULT '',
    uid TEXT NOT NULL UNIQUE,        -- stable across exports (.ics UID)
    user_edited INTEGER NOT NULL DEFAULT 0,
    updated_at TEXT,
    CHECK ((at_utc IS NULL) <> (on_date IS NULL))
) STRICT;
CREATE INDEX deadlines_when ON deadlines(coalesce(at_utc, on_date));
CREATE INDEX deadlines_venue ON deadlines(venue_id, edition_year);

CREATE TABLE papers (
    id INTEGER PRIMARY KEY,
    title TEXT NOT NULL,
    stage TEXT NOT NULL,
    position REAL NOT NULL DEFAULT 0,
    venue_key TEXT,                  -- venues.key, kept even if the venue row goes
    target_year INTEGER,
    track TEXT,
    topic_key TEXT,
    status TEXT,
    decision TEXT,
    award TEXT,
    authors TEXT NOT NULL DEFAULT '[]',          -- JSON list of names
    my_author_index INTEGER,
    equal_contribution TEXT NOT NULL DEFAULT '[]', -- JSON list of author indexes
    links TEXT NOT NULL DEFAULT '{}',            -- JSON: kind -> URL
    contribution TEXT NOT NULL DEFAULT '',
    result TEXT NOT NULL DEFAULT '',
    method TEXT NOT NULL DEFAULT '',
    baseline TEXT NOT NULL DEFAULT '',
    dataset TEXT NOT NULL DEFAULT '',
    notes TEXT NOT NULL DEFAULT '',
    bullets TEXT NOT NULL DEFAULT '[]',          -- JSON list: resume bullets
    on_resume INTEGER NOT NULL DEFAULT 1,
    seed_key TEXT,
    selected INTEGER NOT NULL DEFAULT 0,
    doi TEXT,
    arxiv_id TEXT,
    stage_entered_at TEXT NOT NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    version INTEGER NOT NULL DEFAULT 1
) STRICT;
CREATE INDEX papers_board ON papers(stage, position);

CREATE TABLE stage_history (
    id INTEGER PRIMARY KEY,
    paper_id INTEGER NOT NULL REFERENCES papers(id) ON DELETE CASCADE,
    from_stage TEXT,
    to_stage TEXT NOT NULL,
    at TEXT NOT NULL
) STRICT;
CREATE INDEX stage_history_paper ON stage_history(paper_id, at);

CREATE TABLE checklist_items (
    id INTEGER PRIMARY KEY,
    paper_id INTEGER NOT NULL REFERENCES papers(id) ON DELETE CASCADE,
    stage TEXT NOT NULL,
    seed_key TEXT,
    text TEXT NOT NULL,
    done INTEGER NOT NULL DEFAULT 0,
    position INTEGER NOT NULL DEFAULT 0
) STRICT;
CREATE INDEX checklist_paper ON checklist_items(paper_id, stage, position);

CREATE TABLE submissions (
    id INTEGER PRIMARY KEY,
    paper_id INTEGER NOT NULL REFERENCES papers(id) ON DELETE CASCADE,
    venue_key TEXT,
    venue_name TEXT NOT NULL,
    year INTEGER,
    track TEXT,
    submitted_on TEXT,
    scores TEXT NOT NULL DEFAULT '',
    decision TEXT,
    notes TEXT NOT NULL DEFAULT ''
) STRICT;
CREATE INDEX submissions_paper ON submissions(paper_id, submitted_on);

-- Undo/redo journal: each user change with the rows before and after, as JSON.
CREATE TABLE undo_log (
    id INTEGER PRIMARY KEY,
    scope TEXT NOT NULL,             -- 'pipeline', 'cards', ...
    label TEXT NOT NULL,
    before TEXT NOT NULL,            -- JSON {table: [rows]}
    after TEXT NOT NULL,             -- JSON {table: [rows]}
    undone INTEGER NOT NULL DEFAULT 0,
    at TEXT NOT NULL
) STRICT;
CREATE INDEX undo_log_scope ON undo_log(scope, id);

CREATE TABLE decks (
    id INTEGER PRIMARY KEY,
    key TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL,
    name_zh TEXT NOT NULL DEFAULT '',
    paper_id INTEGER REFERENCES papers(id) ON DELETE CASCADE,
    target_seconds INTEGER NOT NULL DEFAULT 90,
    seed_key TEXT
) STRICT;

CREATE TABLE cards (
    id INTEGER PRIMARY KEY,
    deck_id INTEGER NOT NULL REFERENCES decks(id) ON DELETE CASCADE,
    key TEXT,                        -- seed or template key: regeneration never duplicates
    category_key TEXT,
    front TEXT NOT NULL,             -- English (or the user's own text)
    front_zh TEXT NOT NULL DEFAULT '',
    back TEXT NOT NULL DEFAULT '',   -- the user's talking points
    suspended INTEGER NOT NULL DEFAULT 0,
    state INTEGER NOT NULL DEFAULT 0, -- 0 new, then fsrs.State (1 learning, 2 review, 3 relearning)
    step INTEGER,
    stability REAL,
    difficulty REAL,
    due TEXT NOT NULL,
    last_review TEXT,
    user_edited INTEGER NOT NULL DEFAULT 0,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    version INTEGER NOT NULL DEFAULT 1,
    UNIQUE (deck_id, key)
) STRICT;
CREATE INDEX cards_due ON cards(suspended, due);
CREATE INDEX cards_deck ON cards(deck_id);

CREATE TABLE reviews (
    id INTEGER PRIMARY KEY,
    card_id INTEGER NOT NULL REFERENCES cards(id) ON DELETE CASCADE,
    rating INTEGER NOT NULL,
    reviewed_at TEXT NOT NULL,
    duration_ms INTEGER NOT NULL DEFAULT 0,
    mode TEXT NOT NULL DEFAULT 'fsrs',   -- 'fsrs' or 'cram' (cram never touches the schedule)
    card_before TEXT NOT NULL DEFAULT '{}' -- JSON: the card's schedule before, for exact undo
) STRICT;
CREATE INDEX reviews_card ON reviews(card_id, reviewed_at);
CREATE INDEX reviews_time ON reviews(reviewed_at);

CREATE TABLE pitch_sections (
    id INTEGER PRIMARY KEY,
    paper_id INTEGER NOT NULL REFERENCES papers(id) ON DELETE CASCADE,
    part_key TEXT NOT NULL,
    body TEXT NOT NULL DEFAULT '',
    updated_at TEXT,
    version INTEGER NOT NULL DEFAULT 1,
    UNIQUE (paper_id, part_key)
) STRICT;

CREATE TABLE pitch_versions (
    id INTEGER PRIMARY KEY,
    paper_id INTEGER NOT NULL REFERENCES papers(id) ON DELETE CASCADE,
    sections TEXT NOT NULL,          -- JSON part_key -> body
    created_at TEXT NOT NULL
) STRICT;
CREATE INDEX pitch_versions_paper ON pitch_versions(paper_id, id);

CREATE TABLE rehearsals (
    id INTEGER PRIMARY KEY,
    paper_id INTEGER NOT NULL REFERENCES papers(id) ON DELETE CASCADE,
    started_at TEXT NOT NULL,
    total_ms INTEGER NOT NULL,
    laps TEXT NOT NULL DEFAULT '[]', -- JSON list of {part_key, ms}
    words INTEGER NOT NULL DEFAULT 0,
    cjk_chars INTEGER NOT NULL DEFAULT 0
) STRICT;
