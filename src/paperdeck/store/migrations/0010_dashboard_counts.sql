-- A pitch section's spoken length, counted when it is saved (domain/speaking.count_speech):
-- the Dashboard and `paperdeck today` time every pitch on every read, and counting 27,000
-- sections' words with two regexes took ~300 ms at a heavy user's scale. NULL means "not
-- counted": a reader counts the body itself, and a writer's open fills them
-- (store/speech_counts.py), so rows written by an older release or another tool stay right.
ALTER TABLE pitch_sections ADD COLUMN words INTEGER;
ALTER TABLE pitch_sections ADD COLUMN cjk_chars INTEGER;
CREATE INDEX pitch_sections_uncounted ON pitch_sections(id) WHERE words IS NULL OR cjk_chars IS NULL;
-- A body changed without its counts (an undo from an older journal, a hand edit): they are
-- no longer known. A save that sets new counts with the body is left as it is.
CREATE TRIGGER pitch_sections_recount AFTER UPDATE OF body ON pitch_sections
WHEN NEW.body IS NOT OLD.body AND NEW.words IS OLD.words AND NEW.cjk_chars IS OLD.cjk_chars
BEGIN
    UPDATE pitch_sections SET words = NULL, cjk_chars = NULL WHERE id = NEW.id;
END;

-- True retention (the Dashboard, `today`, Stats by week): reviews of cards in the review state
-- since a day, counted in the index alone. 0007's index puts the rating before the time (for
-- the weakest categories), so a month of reviews was found through reviews_time and each row's
-- JSON read: ~280 ms at 1,000,000 reviews, ~9 ms with this one.
CREATE INDEX reviews_retention ON reviews(mode, json_extract(card_before, '$.state'), reviewed_at, rating);
