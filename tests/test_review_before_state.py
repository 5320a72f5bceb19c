"""A review's before_state (migration 0014): card_before's state as a column of its own, kept by
triggers whoever writes the row and filled in for the reviews of an older file; the counts
that ask for it (true retention, the weakest categories, today's new cards) read their indexes
alone: SQLite 3.40 read a row per entry of the old indexes on the JSON expression."""

from __future__ import annotations

import re
from datetime import timedelta

from paperdeck.models.common import utcnow
from paperdeck.store import open_store
from paperdeck.store.migrate import MIGRATIONS

from older_files import before_review_state, reopened


def rate(store, card, rating=3, at=None):
    at = at or utcnow()
    return store.cards.record_review(card, store.cards.preview(card, at)[rating], reviewed_at=at, duration_ms=1000)


def kept_right(store) -> list[tuple]:
    """Reviews whose before_state is not their card_before's state (none, when kept)."""
    return store.rows("SELECT id, before_state, card_before FROM reviews "
                      "WHERE before_state IS NOT json_extract(card_before, '$.state')")


def test_a_rating_a_restore_and_a_plain_insert_keep_it(store):
    card = store.cards.cards()[0]
    rate(store, card)
    again = store.cards.get(card.id)
    rate(store, again, at=utcnow() + timedelta(days=1))
    states = [row[0] for row in store.rows("SELECT before_state FROM reviews ORDER BY id")]
    assert states == [0, again.state] and again.state != 0
    # Deleting the deck journals its reviews; its undo restores them, before_state too.
    store.cards.delete_deck(card.deck_id)
    assert store.scalar("SELECT count(*) FROM reviews") == 0
    store.undo("cards")
    assert [row[0] for row in store.rows("SELECT before_state FROM reviews ORDER BY id")] == states
    # Another tool's insert without it, an edit of card_before, a wrong value written: kept.
    with store.transaction() as conn:
        conn.execute("INSERT INTO reviews(card_id, rating, reviewed_at, mode, card_before) "
                     "VALUES (?, 1, '2026-01-01T00:00:00+00:00', 'fsrs', '{\"state\": 2}')", (card.id,))
        conn.execute("UPDATE reviews SET card_before = '{\"state\": 3}' WHERE id = (SELECT min(id) FROM reviews)")
        conn.execute("UPDATE reviews SET before_state = 9 WHERE id = (SELECT max(id) FROM reviews)")
    assert kept_right(store) == []
    assert [row[0] for row in store.rows("SELECT before_state FROM reviews ORDER BY id")] == [3, again.state, 2]


def test_the_reviews_of_an_older_file_get_it(tmp_path):
    """A file of version 13 (before the column): opened, each review has its state."""
    path = tmp_path / "old.db"
    store = open_store(path)
    card = store.cards.cards()[0]
    rate(store, card)
    rate(store, store.cards.get(card.id), at=utcnow() + timedelta(days=1))
    store = reopened(store, before_review_state)
    try:
        assert store.schema_version == MIGRATIONS[-1][0]  # migrated to the latest
        assert [row[0] for row in store.rows("SELECT before_state FROM reviews ORDER BY id")] == [0, 1]
        assert kept_right(store) == []
    finally:
        store.close()


def plans(store, call) -> dict[str, str]:
    """Each SELECT `call` ran on the store's connection -> its query plan, one line."""
    statements: list[str] = []
    store.conn.set_trace_callback(statements.append)
    try:
        call()
    finally:
        store.conn.set_trace_callback(None)
    return {sql: " | ".join(row[3] for row in store.conn.execute("EXPLAIN QUERY PLAN " + sql))
            for sql in statements if sql.lstrip().upper().startswith(("SELECT", "WITH"))}


def test_the_counts_by_state_read_the_reviews_indexes_alone(store):
    from paperdeck.store import card_stats

    card = store.cards.cards()[0]
    rate(store, card)
    now = utcnow()
    calls = {  # (the weakest categories read card_lapses: test_card_lapses.py)
        "true retention": lambda: card_stats.true_retention(store.cards, now),
        "retention by week": lambda: card_stats.retention_by_week(store.cards, now),
        "new cards left": lambda: store.cards.new_remaining(now),
    }
    for name, call in calls.items():
        found = {sql: plan for sql, plan in plans(store, call).items() if "reviews" in sql}
        assert found, name
        for sql, plan in found.items():
            assert "COVERING INDEX" in plan and not re.search(r"(SCAN|SEARCH) reviews(?! USING COVERING INDEX)", plan), (name, plan)


def test_the_categories_in_use_are_sought_not_scanned(store):
    found = plans(store, store.cards.categories)
    card_reads = [plan for sql, plan in found.items() if "cards" in sql]
    assert card_reads and all("SCAN cards" not in plan for plan in card_reads), card_reads
    keys = [row[0] for row in store.rows(
        "SELECT DISTINCT category_key FROM cards WHERE category_key IS NOT NULL ORDER BY category_key")]
    names = store.cards.category_names()
    assert len(keys) > 1
    assert [key for key, _zh, _en in store.cards.categories()] == (
        [key for key in names if key in keys] + [key for key in keys if key not in names])
