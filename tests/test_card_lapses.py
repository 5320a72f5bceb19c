"""Lapses per card (migration 0015): the table Stats' weakest categories read is kept by
triggers, and always says what counting the reviews themselves says: after lapses, cram
answers, a card moved between categories (and out of any), a deleted card and deck and
their undo, an undone rating, another tool's insert, and in a file migrated from version 14."""

from __future__ import annotations

import sqlite3
from datetime import datetime, timedelta, timezone

from paperdeck.models.cards import AGAIN, EASY, GOOD
from paperdeck.store import open_store
from paperdeck.store.migrate import MIGRATIONS

from older_files import before_card_lapses, reopened

NOW = datetime(2026, 11, 29, 9, 0, tzinfo=timezone.utc)
DAY = timedelta(days=1)


def counted(store) -> dict[int, tuple[str, int]]:
    """card id -> (its category, its lapses), counted from the reviews."""
    rows = store.rows(
        "SELECT r.card_id, coalesce(c.category_key, ''), count(*) FROM reviews r JOIN cards c ON c.id = r.card_id "
        "WHERE r.mode = 'fsrs' AND r.rating = 1 AND r.before_state = 2 GROUP BY r.card_id")
    return {row[0]: (row[1], row[2]) for row in rows}


def kept(store) -> dict[int, tuple[str, int]]:
    return {row[0]: (row[1], row[2]) for row in store.rows("SELECT card_id, category, lapses FROM card_lapses")}


def weakest_counted(store) -> list[tuple[str, int, int]]:
    per_category: dict[str, list[int]] = {}
    for category, lapses in counted(store).values():
        totals = per_category.setdefault(category, [0, 0])
        totals[0] += lapses
        totals[1] += 1
    return sorted(((key, lapses, cards) for key, (lapses, cards) in per_category.items()),
                  key=lambda entry: (-entry[1], entry[0]))


def assert_agree(store) -> None:
    assert kept(store) == counted(store)
    weakest = [(entry.category_key, entry.lapses, entry.cards) for entry in store.cards.weakest_categories(limit=100)]
    assert weakest == weakest_counted(store)
    assert store.cards.weakest_categories() == store.cards.weakest_categories(limit=100)[:5]


def rate(store, card_id: int, rating: int, at: datetime) -> tuple[int, datetime]:
    card = store.cards.get(card_id)
    outcome = store.cards.preview(card, at)[rating]
    review_id = store.cards.record_review(card, outcome, reviewed_at=at, duration_ms=1000)
    return review_id, outcome.due


def lapse(store, card_id: int, at: datetime) -> tuple[int, datetime]:
    """Into the review state, then forgotten: one lapse. (the lapse's review id, a time after it)"""
    _, due = rate(store, card_id, EASY, at)
    review_id, due = rate(store, card_id, AGAIN, due)
    return review_id, due + DAY


def test_the_kept_lapses_agree_with_the_reviews_through_every_change(store):
    cards = store.cards.cards()
    categories = sorted({card.category_key for card in cards if card.category_key})
    assert len(categories) >= 3
    by_category = {key: [card.id for card in cards if card.category_key == key] for key in categories}
    first, second, third = (by_category[key] for key in categories[:3])
    at = NOW - 300 * DAY
    # Lapses: three of one card, one each of others in three categories; Again on a new card
    # and cram answers are no lapses.
    for card_id, times in ((first[0], 3), (first[1], 1), (second[0], 2), (third[0], 1)):
        for _ in range(times):
            _, at = lapse(store, card_id, at)
    rate(store, second[1], AGAIN, at)
    store.cards.record_cram(store.cards.get(third[0]), AGAIN, reviewed_at=at, duration_ms=500)
    assert sum(lapses for _category, lapses in kept(store).values()) == 7
    assert_agree(store)

    # Moved to another category, to one of the user's own, and out of any.
    store.cards.edit(first[0], category_key=categories[1])
    assert_agree(store)
    store.cards.edit(second[0], category_key="my own")
    store.cards.edit(first[1], category_key="")
    assert kept(store)[first[1]] == ("", 1)
    assert_agree(store)

    # A rating undone: the lapse goes; rated again, it comes back.
    review_id, at = lapse(store, third[0], at)
    assert kept(store)[third[0]][1] == 2
    store.cards.undo_review(review_id)
    assert kept(store)[third[0]][1] == 1
    review_id, at = lapse(store, second[1], at)  # its only lapse
    assert kept(store)[second[1]][1] == 1
    store.cards.undo_review(review_id)
    assert second[1] not in kept(store)
    assert_agree(store)

    # A card deleted takes its lapses; its undo brings them back (and its category).
    store.cards.delete(first[0])
    assert first[0] not in kept(store)
    assert_agree(store)
    assert store.undo("cards")
    assert kept(store)[first[0]] == (categories[1], 3)
    assert_agree(store)
    assert store.undo("cards", redo=True)
    assert_agree(store)
    assert store.undo("cards")

    # A whole deck deleted and undone.
    deck_id = store.cards.get(second[0]).deck_id
    in_deck = {card.id for card in store.cards.cards(deck_id)}
    store.cards.delete_deck(deck_id)
    assert second[0] in in_deck and not in_deck & set(kept(store))
    assert_agree(store)
    assert store.undo("cards")
    assert_agree(store)

    # Another tool's writes: a lapse inserted without before_state, one whose card_before says
    # it was learning, a review's rating and card changed, a before_state written wrong.
    with store.transaction() as conn:
        conn.execute("INSERT INTO reviews(card_id, rating, reviewed_at, mode, card_before) "
                     "VALUES (?, 1, '2026-01-01T00:00:00+00:00', 'fsrs', '{\"state\": 2}')", (third[1],))
        conn.execute("INSERT INTO reviews(card_id, rating, reviewed_at, mode, card_before, before_state) "
                     "VALUES (?, 1, '2026-01-01T00:00:00+00:00', 'fsrs', '{\"state\": 1}', 2)", (third[1],))
    assert kept(store)[third[1]] == (store.cards.get(third[1]).category_key or "", 1)
    assert_agree(store)
    with store.transaction() as conn:
        conn.execute("UPDATE reviews SET rating = ? WHERE id = (SELECT max(id) FROM reviews WHERE card_id = ? "
                     "AND rating = 1 AND before_state = 2)", (GOOD, first[1]))
        conn.execute("UPDATE reviews SET card_id = ? WHERE id = (SELECT max(id) FROM reviews WHERE card_id = ? "
                     "AND rating = 1 AND before_state = 2)", (third[1], second[0]))
        conn.execute("UPDATE reviews SET before_state = 3 WHERE card_id = ?", (first[0],))
    assert first[1] not in kept(store)
    assert_agree(store)
    # A card deleted by a connection without foreign keys (its reviews stay, orphaned).
    conn = sqlite3.connect(store.path)
    conn.execute("DELETE FROM cards WHERE id = ?", (third[1],))
    conn.commit()
    conn.close()
    assert third[1] not in kept(store)
    assert_agree(store)


def test_a_file_of_version_14_is_filled_in(tmp_path):
    version = next(number for number, name in MIGRATIONS if "card_lapses" in name)
    path = tmp_path / "old.db"
    store = open_store(path)
    cards = store.cards.cards()
    at = NOW - 200 * DAY
    for card_id in (cards[0].id, cards[0].id, cards[1].id, cards[-1].id):
        _, at = lapse(store, card_id, at)
    expected = counted(store)
    store = reopened(store, before_card_lapses)
    try:
        assert store.schema_version == version
        assert kept(store) == expected and sum(lapses for _c, lapses in expected.values()) == 4
        assert_agree(store)
    finally:
        store.close()


def test_the_weakest_categories_read_one_covering_index(store):
    statements: list[str] = []
    store.conn.set_trace_callback(statements.append)
    try:
        store.cards.weakest_categories()
    finally:
        store.conn.set_trace_callback(None)
    reads = [sql for sql in statements if "card_lapses" in sql]
    assert len(reads) == 1 and "reviews" not in reads[0]
    plan = " | ".join(row[3] for row in store.conn.execute("EXPLAIN QUERY PLAN " + reads[0]))
    assert "COVERING INDEX card_lapses_category" in plan and "GROUP BY" not in plan, plan
