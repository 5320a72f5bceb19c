"""A review session's questions: the card to show with its four outcomes, the decks' names and
target times, today's counts; and the writes behind the rating keys (rate, cram, undo)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime
from typing import TYPE_CHECKING

from ..models.cards import Card, Deck, DueTally, Outcome
from .own_answers import OwnAnswer, own_answer

if TYPE_CHECKING:
    from ..store import Store


@dataclass(frozen=True)
class ReviewRequest:
    now: datetime
    deck_ids: tuple[int, ...] | None      # None: every deck
    card_id: int | None = None            # show this card again (a refresh, an undo) if it still exists
    count: bool = False                   # count today's due cards (first view, a new day, a change elsewhere)
    decks: bool = False                   # read the decks and categories (first view, a change elsewhere)
    cram_until: date | None = None        # interview (cram) mode: the interview's day
    cram_queue: bool = False              # load the cram queue (the session's first view)


@dataclass(frozen=True)
class ReviewView:
    """What a review session shows next; the timer, the keys and the status line work from it."""

    card: Card | None                     # the card asked for, else the next one due (never picked in cram)
    outcomes: Mapping[int, Outcome]       # rating -> outcome, computed once, saved as shown
    decks: Mapping[int, Deck] | None      # names and target answer times (None: not asked, unchanged)
    categories: tuple[tuple[str, str, str], ...] | None  # (key, zh, en) for the edit dialog (likewise)
    study_day: date
    tally: DueTally | None = None         # when counted
    next_learning_due: datetime | None = None  # when nothing is due now
    cram_queue: tuple[Card, ...] | None = None
    asked_card_id: int | None = None      # the request's card_id
    own_answer: OwnAnswer | None = None   # a Pitch or Resume card: the user's own pitch part or snippet


def review_view(store: "Store", request: ReviewRequest) -> ReviewView:
    from ..store.errors import NotFound

    cards = store.cards
    deck_ids = list(request.deck_ids) if request.deck_ids is not None else None
    card = None
    if request.card_id is not None:
        try:
            card = cards.get(request.card_id)
        except NotFound:  # deleted meanwhile: the next one
            card = None
    cramming = request.cram_until is not None
    if card is None and not cramming:
        card = cards.next_card(request.now, deck_ids)
    outcomes = {} if card is None or cramming else cards.preview(card, request.now)
    return ReviewView(
        card=card,
        outcomes=outcomes,
        decks={deck.id: deck for deck in cards.decks()} if request.decks else None,
        categories=tuple(cards.categories()) if request.decks else None,
        study_day=cards.study_day(request.now),
        tally=cards.due_tally(request.now, deck_ids) if request.count and not cramming else None,
        next_learning_due=cards.next_learning_due(deck_ids) if card is None and not cramming else None,
        cram_queue=(tuple(cards.cram_cards(deck_ids or [], request.cram_until, request.now))
                    if cramming and request.cram_queue and request.cram_until else None),
        asked_card_id=request.card_id,
        own_answer=own_answer(store, card) if card is not None else None,
    )


def rate_card(store: "Store", card: Card, outcome: Outcome, *, reviewed_at: datetime, duration_ms: int) -> int:
    """Save exactly the outcome shown; the review's id (for undo). ConflictError when the card
    changed elsewhere since it was shown."""
    return store.cards.record_review(card, outcome, reviewed_at=reviewed_at, duration_ms=duration_ms)


def record_cram_answer(store: "Store", card: Card, rating: int, *, reviewed_at: datetime, duration_ms: int) -> int:
    """Log an interview-mode answer; the FSRS schedule is left as it is."""
    return store.cards.record_cram(card, rating, reviewed_at=reviewed_at, duration_ms=duration_ms)


def undo_rating(store: "Store", review_id: int) -> Card:
    """Remove the review and restore its card exactly as it was; the restored card."""
    return store.cards.undo_review(review_id)
