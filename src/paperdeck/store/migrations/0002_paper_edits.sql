-- Sample papers are seeded like the guide: refreshed from a newer seed only while the user
-- has not edited them. Plain ALTER: v1 files upgrade in place.
ALTER TABLE papers ADD COLUMN user_edited INTEGER NOT NULL DEFAULT 0;
