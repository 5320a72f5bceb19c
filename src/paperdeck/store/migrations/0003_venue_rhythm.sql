-- Venues: the true submission rhythm of recent editions (the guide's months stay in
-- guide_note_*), and other names a venue goes by in public deadline data (JSON list).
ALTER TABLE venues ADD COLUMN rhythm_zh TEXT NOT NULL DEFAULT '';
ALTER TABLE venues ADD COLUMN rhythm_en TEXT NOT NULL DEFAULT '';
ALTER TABLE venues ADD COLUMN aliases TEXT NOT NULL DEFAULT '[]';
