"""FSRS scheduling (the `fsrs` package, v6) and the study day. Pure: no SQLite, no Textual.

A rating's outcome is computed once by `preview`, shown on the rating bar, and the very same
`Outcome` is saved: fsrs fuzzes review intervals, so computing again could give another date.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime, time, timedelta, timezone, tzinfo
from typing import TYPE_CHECKING

from ..models.card_states import EASY, GOOD, HARD, NEW, RATINGS

if TYPE_CHECKING:  # the cards' models, imported where a card is scheduled: the settings import this module
    from ..models.cards import Card, Outcome

MIN_RETENTION, MAX_RETENTION = 0.7, 0.99
LEARN_AHEAD = timedelta(minutes=20)
ONE_DAY = timedelta(days=1)


def _scheduler(desired_retention: float, fuzz: bool):
    from fsrs import Scheduler

    return Scheduler(desired_retention=desired_retention, enable_fuzzing=fuzz)


def _fsrs_card(card: Card):
    from fsrs import Card as FsrsCard, State

    if card.state == NEW:
        return FsrsCard(card_id=card.id, state=State.Learning, step=0, due=card.due)
    return FsrsCard(
        card_id=card.id, state=State(card.state), step=card.step,
        stability=card.stability, difficulty=card.difficulty,
        due=card.due.astimezone(timezone.utc),
        last_review=card.last_review.astimezone(timezone.utc) if card.last_review else None,
    )


def review_instant(card: Card, now: datetime) -> datetime:
    """The instant a review counts at. A clock that went back since the last review would
    give fsrs a negative elapsed time; the review then counts at the last review's instant."""
    now = now.astimezone(timezone.utc).replace(microsecond=0)
    if card.last_review is not None and card.last_review > now:
        return card.last_review.astimezone(timezone.utc)
    return now


def preview(card: Card, now: datetime, desired_retention: float = 0.9, *, fuzz: bool = True) -> dict[int, Outcome]:
    """Each rating's outcome for `card` reviewed at `now`, keyed by rating 1-4."""
    from fsrs import Rating

    from ..models.cards import Outcome

    at = review_instant(card, now)
    scheduler = _scheduler(desired_retention, fuzz)
    source = _fsrs_card(card)
    outcomes: dict[int, Outcome] = {}
    for rating in RATINGS:
        after, _log = scheduler.review_card(source, Rating(rating), review_datetime=at)
        # Stored with second precision: round here so what is shown is what is saved.
        due = max(after.due.replace(microsecond=0), at + timedelta(seconds=1))
        outcomes[rating] = Outcome(
            rating=rating, state=int(after.state), step=after.step,
            stability=float(after.stability), difficulty=float(after.difficulty),
            due=due, last_review=at,
        )
    return spread_intervals(outcomes)


def _days(outcome: Outcome) -> int | None:
    """The outcome's interval in whole days, or None while it is shorter than a day."""
    interval = outcome.interval
    return interval.days if interval >= ONE_DAY else None


def spread_intervals(outcomes: dict[int, Outcome]) -> dict[int, Outcome]:
    """Hard < Good < Easy, as Anki does: where fsrs (or its fuzz) gives a day-long interval
    no longer than the harder rating's, it becomes one day more than that one. Only the due
    date moves; stability and difficulty stay what fsrs computed."""
    result = dict(outcomes)
    for harder, easier in ((HARD, GOOD), (GOOD, EASY)):
        floor, days = _days(result[harder]), _days(result[easier])
        if floor is not None and days is not None and days <= floor:
            chosen = result[easier]
            result[easier] = replace(chosen, due=chosen.last_review + timedelta(days=floor + 1))
    return result


def format_interval(interval: timedelta) -> str:
    """A short human interval: 45s, 10m, 3h, 4d, 2.5mo, 1.2y. Never negative."""
    seconds = max(0.0, interval.total_seconds())
    if seconds < 60:
        return f"{int(seconds)}s"
    if seconds < 3600:
        return f"{round(seconds / 60)}m"
    if seconds < 86400:
        return f"{round(seconds / 3600)}h"
    days = seconds / 86400
    if days < 30:
        return f"{round(days)}d"
    if days < 365:
        return f"{days / 30:.1f}mo"
    return f"{days / 365:.1f}y"


# -- the study day --------------------------------------------------------------------------

def study_day(now: datetime, zone: tzinfo, rollover_hour: int) -> date:
    """The study day `now` belongs to: the local date, shifted so it starts at the rollover hour."""
    local = now.astimezone(zone).replace(tzinfo=None)
    return (local - timedelta(hours=rollover_hour)).date()


def day_start(day: date, zone: tzinfo, rollover_hour: int) -> datetime:
    """The UTC instant the study day `day` begins (its local rollover hour, DST-aware)."""
    local = datetime.combine(day, time(rollover_hour), tzinfo=zone)
    # zoneinfo resolves an hour inside a spring-forward gap with the pre-gap offset, i.e.
    # just past the gap: the day still starts exactly once.
    return local.astimezone(timezone.utc)


def day_bounds(now: datetime, zone: tzinfo, rollover_hour: int) -> tuple[datetime, datetime]:
    """[start, end) of the study day containing `now`, in UTC. 23 or 25 hours across DST."""
    day = study_day(now, zone, rollover_hour)
    return day_start(day, zone, rollover_hour), day_start(day + timedelta(days=1), zone, rollover_hour)
