"""A card's review history: for card info and for an export that carries progress."""

from __future__ import annotations

from collections import defaultdict
from typing import TYPE_CHECKING

from ..models.cards import Review
from .tables import REVIEWS

if TYPE_CHECKING:
    from .store import Store


def reviews_by_card(store: "Store", deck_ids: list[int] | None = None) -> dict[int, list[Review]]:
    """Every review, oldest first, grouped by card (only the decks' cards when given)."""
    sql = "SELECT r.* FROM reviews r"
    params: list[int] = []
    if deck_ids is not None:
        ids = [int(i) for i in deck_ids] or [-1]
        sql += f" JOIN cards c ON c.id = r.card_id WHERE c.deck_id IN ({', '.join('?' for _ in ids)})"
        params = ids
    grouped: dict[int, list[Review]] = defaultdict(list)
    for row in store.rows(sql + " ORDER BY r.reviewed_at, r.id", params):
        review = REVIEWS.from_row(row)
        grouped[review.card_id].append(review)
    return dict(grouped)


def card_reviews(store: "Store", card_id: int) -> list[Review]:
    """One card's reviews, oldest first."""
    return [REVIEWS.from_row(row) for row in store.rows(
        "SELECT * FROM reviews WHERE card_id = ? ORDER BY reviewed_at, id", (card_id,))]
