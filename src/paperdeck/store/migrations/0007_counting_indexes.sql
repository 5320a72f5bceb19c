-- Counting at a heavy user's scale (100,000 cards, 1,000,000 reviews), index-only:
-- the deck list's per-deck totals and due counts,
CREATE INDEX cards_deck_state ON cards(suspended, deck_id, state, due);
-- and true retention and the weakest categories, which ask for reviews of cards that were
-- in the review state (the state before the review, kept in card_before's JSON).
CREATE INDEX reviews_before_state ON reviews(mode, json_extract(card_before, '$.state'), rating, reviewed_at, card_id);
