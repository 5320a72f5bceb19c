"""Stats' counts per study day, per week and per forecast day, each read in one statement (one
row per range), give what counting every review and card by its own study day gives: across a
study day's edges, a DST change, both modes and every state, overdue, suspended and new cards."""

from __future__ import annotations

import json
import random
from collections import Counter
from datetime import datetime, timedelta, timezone

from paperdeck.domain.scheduling import study_day
from paperdeck.models.common import to_iso
from paperdeck.store import card_stats

NOW = datetime(2026, 11, 29, 9, 30, tzinfo=timezone.utc)  # 84 days back crosses the end of summer time


def spread_reviews(store, count: int = 3_000) -> None:
    """Reviews every few minutes or hours over 120 days back and 3 ahead, near the day's edges too."""
    rng = random.Random(18)
    card_ids = [card.id for card in store.cards.cards()]
    rows = []
    for _ in range(count):
        at = NOW - timedelta(days=120) + timedelta(seconds=rng.randrange(123 * 86_400))
        if rng.random() < 0.2:  # close to a rollover in the store's zone: a minute either side
            at = at.replace(minute=rng.choice((59, 0, 1)))
        state = rng.choice((0, 1, 2, 2, 3))
        rows.append((rng.choice(card_ids), rng.randint(1, 4), to_iso(at), rng.choice(("fsrs", "fsrs", "cram")),
                     json.dumps({"state": state})))
    with store.transaction() as conn:
        conn.executemany("INSERT INTO reviews(card_id, rating, reviewed_at, mode, card_before) VALUES (?, ?, ?, ?, ?)", rows)
        for index, card_id in enumerate(card_ids):  # due from 5 days ago to 20 ahead, some new or suspended
            due = NOW + timedelta(hours=rng.randrange(-120, 480) if index != 1 else -50)  # card 1: overdue
            conn.execute("UPDATE cards SET due = ?, state = ?, suspended = ? WHERE id = ?",
                         (to_iso(due), index % 4, int(index % 7 == 0), card_id))


def reviews(store) -> list[tuple[datetime, int, str, int]]:
    return [(datetime.fromisoformat(row[0].replace("Z", "+00:00")), row[1], row[2], row[3])
            for row in store.rows("SELECT reviewed_at, rating, mode, before_state FROM reviews")]


def test_the_counts_per_range_agree_with_each_row_counted(store):
    store.settings.update(timezone="Europe/Berlin", day_rollover_hour=4)
    spread_reviews(store)
    repo = store.cards
    clock = repo.study_clock()
    today = study_day(NOW, *clock)
    rows = reviews(store)

    per_day = Counter(study_day(at, *clock) for at, _r, _m, _s in rows)
    expected_days = [(today - timedelta(days=83 - i), per_day[today - timedelta(days=83 - i)]) for i in range(84)]
    assert card_stats.reviews_per_day(repo, NOW) == expected_days
    assert sum(n for _d, n in expected_days) > 1_000

    first = today - timedelta(days=7 * 12 - 1)
    weeks: dict[int, list[int]] = {}
    for at, rating, mode, state in rows:
        week = (study_day(at, *clock) - first).days // 7
        if mode == "fsrs" and state == 2 and 0 <= week < 12:
            weeks.setdefault(week, [0, 0])[0] += 1
            weeks[week][1] += rating > 1
    expected_weeks = [(first + timedelta(days=7 * week), (weeks[week][1] / weeks[week][0]) if week in weeks else None,
                       weeks.get(week, [0])[0]) for week in range(12)]
    assert card_stats.retention_by_week(repo, NOW) == expected_weeks
    assert all(total for _w, _share, total in expected_weeks)

    due = Counter()
    for row in store.rows("SELECT due FROM cards WHERE suspended = 0 AND state != 0"):
        day = study_day(datetime.fromisoformat(row[0].replace("Z", "+00:00")), *clock)
        due[max(day, today)] += 1  # overdue: today
    expected_forecast = [(today + timedelta(days=i), due[today + timedelta(days=i)]) for i in range(14)]
    assert card_stats.forecast(repo, NOW) == expected_forecast
    assert expected_forecast[0][1] and sum(n for _d, n in expected_forecast) < sum(due.values())  # some later


def test_the_stats_read_in_few_statements(store):
    """One statement per kind of count, not one per day (127 statements before: read in a worker
    while the UI thread builds a screen, each one waited for the GIL)."""
    spread_reviews(store, count=300)
    statements: list[str] = []
    store.conn.set_trace_callback(statements.append)
    try:
        store.cards.stats(NOW)
    finally:
        store.conn.set_trace_callback(None)
    assert len(statements) <= 25, len(statements)
