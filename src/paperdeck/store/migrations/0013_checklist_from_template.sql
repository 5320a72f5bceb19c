-- A paper's checklist may be its stage templates' (the guide's tasks and tools per stage)
-- until its first change, with no rows of its own: an import of 10,000 papers copied 290,000
-- rows (issue 18). 1: read from the templates (store/paper_parts.py, the one reader); the
-- first tick, edit, addition or deletion copies them as rows and sets 0. Papers written
-- before this version have their rows: 0, as the default says.
ALTER TABLE papers ADD COLUMN checklist_from_template INTEGER NOT NULL DEFAULT 0;
