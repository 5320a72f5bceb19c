-- The state a review found its card in (card_before's '$.state'), as a column of its own.
-- True retention (the Dashboard, `today`, the deck list, Stats), the weakest categories and
-- today's new cards count reviews by it, through indexes on the JSON expression (0007, 0010);
-- SQLite 3.40 never reads such an index alone, so each review counted was a row read: the
-- weakest categories at 1,000,000 reviews read ~75,000 rows (0.3-1 s), twelve weeks of
-- retention ~150,000. Triggers keep it, whoever writes the row (a rating, an undo's restore).
ALTER TABLE reviews ADD COLUMN before_state INTEGER;
UPDATE reviews SET before_state = json_extract(card_before, '$.state');
CREATE TRIGGER reviews_before_state_insert AFTER INSERT ON reviews
WHEN NEW.before_state IS NOT json_extract(NEW.card_before, '$.state')
BEGIN
    UPDATE reviews SET before_state = json_extract(NEW.card_before, '$.state') WHERE id = NEW.id;
END;
CREATE TRIGGER reviews_before_state_update AFTER UPDATE OF card_before, before_state ON reviews
WHEN NEW.before_state IS NOT json_extract(NEW.card_before, '$.state')
BEGIN
    UPDATE reviews SET before_state = json_extract(NEW.card_before, '$.state') WHERE id = NEW.id;
END;
DROP INDEX reviews_before_state;
DROP INDEX reviews_retention;
-- Lapses per card, in card order (no sort), and reviews by state since a time: index-only.
CREATE INDEX reviews_lapses ON reviews(mode, before_state, rating, card_id);
CREATE INDEX reviews_retention ON reviews(mode, before_state, reviewed_at, rating);
-- The categories in use, a few index seeks (store/cards.py, categories), not a scan of
-- every card (~100-200 ms at 100,000 cards).
CREATE INDEX cards_category ON cards(category_key);
