"""A card's review history: for card info and for an export that carries progress."""

from __future__ import annotations

from collections import defaultdict
from typing import TYPE_CHECKING

from ..models.cards import BrowsedCard, Review
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


# A lapse: an FSRS review rated Again while the card was in the review state.
LAPSE = "r.mode = 'fsrs' AND r.rating = 1 AND r.before_state = 2"
_REVIEWS = "(SELECT count(*) FROM reviews r WHERE r.card_id = c.id)"
_LAPSES = f"(SELECT count(*) FROM reviews r WHERE r.card_id = c.id AND {LAPSE})"
_INTERVAL = "CASE WHEN c.state = 0 THEN NULL ELSE julianday(c.due) - julianday(c.last_review) END"
_ORDER = {  # each sort's ORDER BY terms, ascending; empties (new cards' due, interval...) last
    "deck": ["c.deck_id"],
    "category": ["c.category_key IS NULL", "c.category_key"],
    "question": ["lower(coalesce(nullif(c.front, ''), c.front_zh))"],
    "state": ["c.suspended", "c.state"],
    "due": ["c.state = 0", "c.due"],
    "interval": [f"({_INTERVAL}) IS NULL", _INTERVAL],
    "stability": ["c.stability IS NULL", "c.stability"],
    "difficulty": ["c.difficulty IS NULL", "c.difficulty"],
    "lapses": [_LAPSES],
    "reviews": [_REVIEWS],
}


def browse(store: "Store", text: str, deck_id: int | None, category_key: str | None, *, sort: str = "deck",
           descending: bool = False, limit: int = 2000) -> list["BrowsedCard"]:
    """The search's cards with their review and lapse counts, sorted in SQL (so the first
    `limit` are the first of the whole order)."""
    from .cards import search_filter
    from .tables import CARDS

    where, params = search_filter(text, deck_id, category_key)
    terms = _ORDER.get(sort, _ORDER["deck"])
    if descending:  # the empties stay last: only the value terms turn
        terms = [term if term.endswith("IS NULL") or term == "c.state = 0" else f"{term} DESC" for term in terms]
    rows = store.rows(
        f"SELECT c.*, {_REVIEWS} AS review_count, {_LAPSES} AS lapse_count FROM cards c WHERE 1=1{where} "
        f"ORDER BY {', '.join(terms)}, c.deck_id, c.id LIMIT {int(limit)}", params)
    result = []
    for row in rows:
        values = dict(row)
        reviews, lapses = values.pop("review_count"), values.pop("lapse_count")
        result.append(BrowsedCard(CARDS.from_row(values), reviews, lapses))
    return result
