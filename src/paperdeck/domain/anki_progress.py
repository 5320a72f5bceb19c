"""A card's progress in Anki's terms: the `cards` row's scheduling columns and the `revlog`
rows, so that Anki continues where paperdeck stopped. Pure: the CLI writes them.

Anki's encodings (collection schema 11): an interval is whole days, or minus the seconds when
shorter than a day; a review card's `due` is a day number counted from the collection's
creation (`col.crt`); a learning card's `due` is epoch seconds. FSRS memory state lives in
the card's `data` JSON as `s` (stability), `d` (difficulty) and `dr` (desired retention).
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from ..models.cards import LEARNING, NEW, RELEARNING, REVIEW, Card, Review
from .review_history import intervals_after, is_lapse, snapshot_interval

# Anki's revlog.type: what kind of review it was.
REVLOG_LEARN, REVLOG_REVIEW, REVLOG_RELEARN, REVLOG_CRAM = 0, 1, 2, 3
QUEUE_SUSPENDED, QUEUE_NEW, QUEUE_LEARN, QUEUE_REVIEW, QUEUE_DAY_LEARN = -1, 0, 1, 2, 3
DEFAULT_FACTOR = 2500  # Anki's starting ease (permille); FSRS ignores it
ONE_DAY = timedelta(days=1)


@dataclass(frozen=True, slots=True)
class AnkiSchedule:
    type: int
    queue: int
    due: int | None     # None: keep the new card's position genanki gave
    ivl: int
    factor: int
    reps: int
    lapses: int
    left: int
    data: str


@dataclass(frozen=True, slots=True)
class AnkiRevlog:
    at_ms: int
    ease: int
    ivl: int
    last_ivl: int
    factor: int
    time_ms: int
    type: int


def anki_interval(interval: timedelta) -> int:
    """Whole days, or minus the seconds when shorter than a day."""
    if interval >= ONE_DAY:
        return interval.days
    return -max(0, int(interval.total_seconds()))


def _anki(interval: timedelta | None) -> int:
    return 0 if interval is None else anki_interval(interval)


def schedule(card: Card, reviews: Sequence[Review], day_number: Callable[[datetime], int],
             desired_retention: float) -> AnkiSchedule:
    """The card's scheduling columns. `day_number(instant)` is Anki's day number of an instant."""
    fsrs_reviews = [review for review in reviews if review.mode == "fsrs"]
    reps, lapses = len(fsrs_reviews), sum(is_lapse(review) for review in fsrs_reviews)
    data = "" if card.stability is None else json.dumps(
        {"s": round(card.stability, 4), "d": round(card.difficulty or 5.0, 4), "dr": desired_retention},
        separators=(",", ":"))
    if card.state == NEW:
        queue = QUEUE_SUSPENDED if card.suspended else QUEUE_NEW
        return AnkiSchedule(0, queue, None, 0, 0, reps, lapses, 0, data)
    interval = card.due - card.last_review if card.last_review else timedelta(0)
    if card.state == REVIEW:
        queue, due = QUEUE_REVIEW, day_number(card.due)
        ivl = max(1, interval.days)
    else:  # learning or relearning: a step, by the second or (a day or more away) by the day
        if interval >= ONE_DAY:
            queue, due = QUEUE_DAY_LEARN, day_number(card.due)
        else:
            queue, due = QUEUE_LEARN, int(card.due.timestamp())
        ivl = max(1, round(card.stability or 1)) if card.state == RELEARNING else 0
    if card.suspended:
        queue = QUEUE_SUSPENDED
    return AnkiSchedule(card.state, queue, due, ivl, DEFAULT_FACTOR, reps, lapses, 1001, data)


def revlog(card: Card, reviews: Sequence[Review]) -> list[AnkiRevlog]:
    """One row per review, oldest first, each with the interval it led to and the one before.
    The state after a review is the next review's `card_before`, or the card as it is now."""
    ordered = sorted(reviews, key=lambda review: (review.reviewed_at, review.id))
    rows, used = [], set()
    for review, after in zip(ordered, intervals_after(card, ordered)):
        before = review.card_before or {}
        last_ivl, ivl = _anki(snapshot_interval(before)), _anki(after)
        if review.mode == "cram":
            kind = REVLOG_CRAM
        else:
            state = int(before.get("state") or 0)
            kind = {NEW: REVLOG_LEARN, LEARNING: REVLOG_LEARN, REVIEW: REVLOG_REVIEW}.get(state, REVLOG_RELEARN)
        at_ms = int(review.reviewed_at.timestamp() * 1000)
        while at_ms in used:  # revlog ids are epoch milliseconds and must be unique
            at_ms += 1
        used.add(at_ms)
        rows.append(AnkiRevlog(at_ms, review.rating, ivl, last_ivl, DEFAULT_FACTOR if ivl > 0 else 0,
                               max(0, review.duration_ms), kind))
    return rows


def day_number(crt: datetime, study_day: Callable[[datetime], date]) -> Callable[[datetime], int]:
    """Anki's day number of an instant: study days since the collection's creation."""
    origin = study_day(crt)
    return lambda instant: (study_day(instant) - origin).days


_TAG_UNSAFE = re.compile(r"[^\w\-]+")


def tag(name: str) -> str:
    """A human tag from a category's name: `Theory and mechanism` -> `Theory_and_mechanism`
    (Anki separates tags by spaces)."""
    return _TAG_UNSAFE.sub("_", name.strip()).strip("_")
