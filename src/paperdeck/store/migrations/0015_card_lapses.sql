-- Lapses per card with the card's category, kept by triggers: Stats' (store/card_stats.py)
-- weakest categories read this small table's index, not every lapse joined to its card. At
-- 1,000,000 reviews (54,000 lapsed cards) that join was ~110 ms of the Stats read (a card row
-- looked up per lapsed card, then a temp B-tree); this table's covering index, ~7 ms.
-- No foreign key: the undo journal follows foreign keys (store/undo.py) and so leaves this
-- table alone; its restores write reviews and cards, and these triggers follow them.
-- A lapse: an FSRS review rated Again while its card was in the review state (card_stats.py:
-- before_state = 2, which reviews_before_state_* keep equal to card_before's '$.state').
-- category: the card's category_key, '' for none (as Stats groups them).
CREATE TABLE card_lapses (
    card_id INTEGER PRIMARY KEY,
    category TEXT NOT NULL,
    lapses INTEGER NOT NULL
) STRICT;
CREATE INDEX card_lapses_category ON card_lapses(category, lapses);
INSERT INTO card_lapses (card_id, category, lapses)
SELECT l.card_id, coalesce(c.category_key, ''), l.lapses
FROM (SELECT card_id, count(*) AS lapses FROM reviews
      WHERE mode = 'fsrs' AND rating = 1 AND before_state = 2 GROUP BY card_id) l
JOIN cards c ON c.id = l.card_id;

-- A review's state is read from its card_before, as reviews_before_state_* set before_state
-- from it: whichever trigger SQLite runs first, and a before_state written alone (that
-- trigger puts it back) moves nothing here.
CREATE TRIGGER card_lapses_review_insert AFTER INSERT ON reviews
WHEN NEW.mode IS 'fsrs' AND NEW.rating IS 1 AND json_extract(NEW.card_before, '$.state') IS 2
BEGIN
    INSERT INTO card_lapses (card_id, category, lapses)
    SELECT id, coalesce(category_key, ''), 1 FROM cards WHERE id = NEW.card_id
    ON CONFLICT (card_id) DO UPDATE SET lapses = lapses + 1;
END;
CREATE TRIGGER card_lapses_review_delete AFTER DELETE ON reviews
WHEN OLD.mode IS 'fsrs' AND OLD.rating IS 1 AND json_extract(OLD.card_before, '$.state') IS 2
BEGIN
    UPDATE card_lapses SET lapses = lapses - 1 WHERE card_id = OLD.card_id;
    DELETE FROM card_lapses WHERE card_id = OLD.card_id AND lapses <= 0;
END;
-- A review rewritten (an undo's restore): a lapse no longer, a lapse now, or a lapse moved to
-- another card.
CREATE TRIGGER card_lapses_review_update AFTER UPDATE OF mode, rating, card_before, card_id ON reviews
WHEN (OLD.mode IS 'fsrs' AND OLD.rating IS 1 AND json_extract(OLD.card_before, '$.state') IS 2)
         IS NOT (NEW.mode IS 'fsrs' AND NEW.rating IS 1 AND json_extract(NEW.card_before, '$.state') IS 2)
     OR (OLD.card_id IS NOT NEW.card_id
         AND NEW.mode IS 'fsrs' AND NEW.rating IS 1 AND json_extract(NEW.card_before, '$.state') IS 2)
BEGIN
    UPDATE card_lapses SET lapses = lapses - 1
    WHERE card_id = OLD.card_id
      AND OLD.mode IS 'fsrs' AND OLD.rating IS 1 AND json_extract(OLD.card_before, '$.state') IS 2;
    DELETE FROM card_lapses WHERE card_id = OLD.card_id AND lapses <= 0;
    INSERT INTO card_lapses (card_id, category, lapses)
    SELECT id, coalesce(category_key, ''), 1 FROM cards
    WHERE id = NEW.card_id
      AND NEW.mode IS 'fsrs' AND NEW.rating IS 1 AND json_extract(NEW.card_before, '$.state') IS 2
    ON CONFLICT (card_id) DO UPDATE SET lapses = lapses + 1;
END;
CREATE TRIGGER card_lapses_card_category AFTER UPDATE OF category_key ON cards
WHEN NEW.category_key IS NOT OLD.category_key
BEGIN
    UPDATE card_lapses SET category = coalesce(NEW.category_key, '') WHERE card_id = NEW.id;
END;
CREATE TRIGGER card_lapses_card_delete AFTER DELETE ON cards
BEGIN
    DELETE FROM card_lapses WHERE card_id = OLD.id;
END;
