"""Review statistics: per-day counts, true retention, weakest categories, forecast, streak.

Days are study days (local, starting at the rollover hour), so a review at 1 am counts for
the evening before, as the user lives it.
"""

from __future__ import annotations

import json
from datetime import date, datetime, timedelta
from typing import TYPE_CHECKING

from ..models.common import to_iso

if TYPE_CHECKING:
    from ..models.cards import CardStats, CategoryLapses
    from .cards import CardRepo

MAX_STREAK_DAYS = 3660
STREAK_CHUNK = 64  # study days asked per query by `streak`
# A lapse: an FSRS review rated Again while the card was in the review state (the review's
# before_state, migration 0014: counted in its indexes alone).
_WAS_REVIEW = "before_state = 2"


def _ranges(bounds: list[str]) -> tuple[str, list]:
    """A CTE `ranges(i, start, end)`, one row per [bounds[i], bounds[i + 1]), and its
    parameters: a count per range in one statement, not one statement per range. Read in a
    worker, each statement waits for the GIL when it returns; with the UI thread busy (a screen
    built ahead) Stats' ~125 statements took ~3x their time (1,000,000 reviews: 97 -> ~300 ms)."""
    if len(bounds) < 2:
        return "WITH ranges(i, start, end) AS (SELECT 0, '', '' WHERE 0) ", []
    values = ", ".join("(?, ?, ?)" for _ in bounds[1:])
    params = [value for i in range(len(bounds) - 1) for value in (i, bounds[i], bounds[i + 1])]
    return f"WITH ranges(i, start, end) AS (VALUES {values}) ", params


def _day_bounds(first: date, days: int, clock: tuple) -> list[str]:
    """The UTC instants (as stored) at which study days first .. first + days begin: each
    day is [bounds[i], bounds[i + 1]). DST-aware, like study_day."""
    from ..domain.scheduling import day_start

    return [to_iso(day_start(first + timedelta(days=i), *clock)) for i in range(days + 1)]


def reviews_per_day(repo: "CardRepo", now: datetime, days: int = 84) -> list[tuple[date, int]]:
    """Counted in SQL per study day on the reviews_time index (1,000,000 reviews: read one
    by one, this took seconds)."""
    from ..domain.scheduling import study_day

    clock = repo.study_clock()
    today = study_day(now, *clock)
    first = today - timedelta(days=days - 1)
    ranges, params = _ranges(_day_bounds(first, days, clock))
    counts = repo.store.rows(
        ranges + "SELECT i, (SELECT count(*) FROM reviews WHERE reviewed_at >= ranges.start AND reviewed_at < ranges.end) "
        "FROM ranges ORDER BY i", params)
    return [(first + timedelta(days=i), count) for i, count in counts]


def true_retention(repo: "CardRepo", now: datetime, days: int = 30) -> tuple[float | None, int]:
    """Share of reviews of mature (review-state) cards recalled (rated Hard or better)."""
    since = to_iso(now - timedelta(days=days))
    row = repo.store.row(
        f"SELECT count(*), sum(rating > 1) FROM reviews WHERE reviewed_at >= ? AND mode = 'fsrs' AND {_WAS_REVIEW}",
        (since,),
    )
    total, passed = row[0], row[1] or 0
    return (passed / total if total else None), total


def retention_by_week(repo: "CardRepo", now: datetime, weeks: int = 12) -> list[tuple[date, float | None, int]]:
    """True retention per week (oldest first): (the week's first study day, share recalled or
    None without mature reviews, the reviews counted). Counted in SQL per week on the
    reviews_before_state index."""
    from ..domain.scheduling import day_start

    clock = repo.study_clock()
    first = repo.study_day(now) - timedelta(days=7 * weeks - 1)
    ranges, params = _ranges([to_iso(day_start(first + timedelta(days=7 * week), *clock)) for week in range(weeks + 1)])
    rows = repo.store.rows(
        ranges + "SELECT i, (SELECT json_array(count(*), coalesce(sum(rating > 1), 0)) FROM reviews "
        f"WHERE mode = 'fsrs' AND {_WAS_REVIEW} AND reviewed_at >= ranges.start AND reviewed_at < ranges.end) "
        "FROM ranges ORDER BY i", params)  # (two numbers per week from one index range: a JSON pair)
    result = []
    for week, counted in rows:
        total, passed = json.loads(counted)
        result.append((first + timedelta(days=7 * week), passed / total if total else None, total))
    return result


def weakest_categories(repo: "CardRepo", limit: int = 5) -> list[CategoryLapses]:
    from ..models.cards import CategoryLapses

    names = repo.category_names()
    # Lapses per card as migration 0015's triggers keep them, summed per category in its
    # covering index: 1,000,000 reviews, ~7 ms (counted from the reviews, each lapsed card's
    # row looked up for its category: ~110 ms).
    rows = repo.store.rows(
        "SELECT category, sum(lapses) AS lapses, count(*) AS cards "
        "FROM card_lapses GROUP BY category ORDER BY lapses DESC, category LIMIT ?",
        (limit,),
    )
    result = []
    for row in rows:
        key = row["category"]
        zh, en = names.get(key, ("未分类", "Uncategorised") if not key else (key, key))
        result.append(CategoryLapses(key, zh, en, row["lapses"], row["cards"]))
    return result


def forecast(repo: "CardRepo", now: datetime, days: int = 14) -> list[tuple[date, int]]:
    """Cards (learning or review) falling due on each of the next `days` study days;
    overdue ones count for today."""
    from ..domain.scheduling import study_day

    clock = repo.study_clock()
    today = study_day(now, *clock)
    bounds = _day_bounds(today, days, clock)
    bounds[0] = ""  # today's count starts at the beginning of time: overdue cards
    ranges, params = _ranges(bounds)
    counts = repo.store.rows(
        ranges + "SELECT i, (SELECT count(*) FROM cards WHERE suspended = 0 AND due >= ranges.start "
        "AND due < ranges.end AND state != 0) FROM ranges ORDER BY i", params)
    return [(today + timedelta(days=i), count) for i, count in counts]


def streak(repo: "CardRepo", now: datetime) -> int:
    """Consecutive study days with at least one review, ending today (or yesterday, when
    today has none yet: the streak is still alive until the day ends)."""
    from ..domain.scheduling import day_start

    day = repo.study_day(now)
    # The zone and rollover hour once, not per day: each costs a settings query and a
    # filesystem lookup. Days are asked STREAK_CHUNK at a time, one query each (a year-long
    # streak was 366 queries on the way to the Dashboard's first frame and `paperdeck today`).
    clock = repo.study_clock()
    reviewed: list[bool] = []  # reviewed[i]: a review on study day `day - i`

    def reviewed_on(back: int) -> bool:
        while back >= len(reviewed):
            first = day - timedelta(days=len(reviewed) + STREAK_CHUNK - 1)  # the chunk's oldest day
            ranges, params = _ranges([to_iso(day_start(first + timedelta(days=i), *clock)) for i in range(STREAK_CHUNK + 1)])
            found = {row[0] for row in repo.store.rows(
                ranges + "SELECT i FROM ranges WHERE EXISTS "
                "(SELECT 1 FROM reviews WHERE reviewed_at >= ranges.start AND reviewed_at < ranges.end)", params)}
            reviewed.extend(STREAK_CHUNK - 1 - i in found for i in range(STREAK_CHUNK))  # newest first
        return reviewed[back]

    back = 0 if reviewed_on(0) else 1
    count = 0
    while count < MAX_STREAK_DAYS and reviewed_on(back):
        count += 1
        back += 1
    return count


def stats(repo: "CardRepo", now: datetime) -> CardStats:
    from ..models.cards import CardStats

    retention, retention_reviews = true_retention(repo, now)
    return CardStats(
        reviews_per_day=reviews_per_day(repo, now),
        retention=retention,
        retention_reviews=retention_reviews,
        retention_weeks=retention_by_week(repo, now),
        target_retention=repo.store.settings.load().desired_retention,
        weakest=weakest_categories(repo),
        forecast=forecast(repo, now),
        streak=streak(repo, now),
        total_reviews=repo.store.scalar("SELECT count(*) FROM reviews") or 0,
    )
