"""A card's review history read back: the interval each review led to and the lapses.
Pure: the reviews come with the card's schedule before each one (`card_before`)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import timedelta
from typing import Any

from ..models.cards import AGAIN, NEW, REVIEW, Card, Review
from ..models.common import from_iso


def snapshot_interval(snapshot: dict[str, Any]) -> timedelta | None:
    """The interval a stored schedule (a review's `card_before`) held; None while new."""
    due, last = from_iso(snapshot.get("due")), from_iso(snapshot.get("last_review"))
    if int(snapshot.get("state") or NEW) == NEW or due is None or last is None:
        return None
    return due - last


def is_lapse(review: Review) -> bool:
    """An FSRS review rated Again while the card was in review: a lapse, as Anki counts them."""
    return review.mode == "fsrs" and review.rating == AGAIN and review.card_before.get("state") == REVIEW


def intervals_after(card: Card, reviews: Sequence[Review]) -> list[timedelta | None]:
    """For each review (oldest first), the interval it led to: the next review's schedule
    before it, or the card's own for the latest. A cram answer leaves the interval as it was."""
    result: list[timedelta | None] = []
    for index, review in enumerate(reviews):
        if review.mode != "fsrs":
            result.append(snapshot_interval(review.card_before or {}))
            continue
        following = next((later.card_before for later in reviews[index + 1:] if later.card_before), None)
        result.append(snapshot_interval(following) if following is not None else card.interval)
    return result
