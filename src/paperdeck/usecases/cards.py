"""The card browser's and the stats screen's questions, and the writes on single cards (add,
edit, suspend, delete) that the browser, the review session and their dialogs make."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta, tzinfo
from typing import TYPE_CHECKING

from ..models.cards import BrowsedCard, Card, CardStats, Deck, Review

if TYPE_CHECKING:
    from ..store import Store


@dataclass(frozen=True)
class BrowserFilter:
    text: str = ""
    deck_id: int | None = None
    category_key: str | None = None
    sort: str = "deck"            # one of models.cards.SORTS
    descending: bool = False


@dataclass(frozen=True)
class CardBrowserView:
    decks: tuple[Deck, ...]
    categories: tuple[tuple[str, str, str], ...]  # (key, zh, en) of the categories in use
    rows: tuple[BrowsedCard, ...]                 # the matches in the filter's order, at most `limit`
    more: bool                                    # more matched than are listed
    filter: BrowserFilter

    def deck(self, deck_id: int) -> Deck | None:
        return next((deck for deck in self.decks if deck.id == deck_id), None)

    @property
    def cards(self) -> tuple[Card, ...]:
        return tuple(row.card for row in self.rows)

    def card(self, card_id: int) -> Card | None:
        return next((row.card for row in self.rows if row.card.id == card_id), None)


def card_browser(store: "Store", wanted: BrowserFilter, limit: int) -> CardBrowserView:
    from ..store.card_history import browse

    cards = store.cards
    found = browse(store, wanted.text, wanted.deck_id, wanted.category_key, sort=wanted.sort,
                   descending=wanted.descending, limit=limit + 1)
    return CardBrowserView(
        decks=tuple(cards.decks()),
        categories=tuple(cards.categories()),
        rows=tuple(found[:limit]),
        more=len(found) > limit,
        filter=wanted,
    )


@dataclass(frozen=True)
class ReviewLine:
    review: Review
    interval: timedelta | None    # what the review led to (None: still new)
    lapse: bool


@dataclass(frozen=True)
class CardInfo:
    """Card info, as Anki's: the schedule, the counts and every review, newest first."""

    card: Card
    deck: Deck
    category: tuple[str, str] | None   # (zh, en)
    history: tuple[ReviewLine, ...]
    zone: tzinfo                       # the user's, for the dates shown

    @property
    def reviews(self) -> int:
        return len(self.history)

    @property
    def lapses(self) -> int:
        return sum(line.lapse for line in self.history)

    @property
    def answer_ms(self) -> int:
        return sum(line.review.duration_ms for line in self.history)


def card_info(store: "Store", card_id: int) -> CardInfo:
    """NotFound when the card is gone."""
    from ..domain.review_history import intervals_after, is_lapse
    from ..store.card_history import card_reviews

    card = store.cards.get(card_id)
    reviews = card_reviews(store, card_id)
    lines = [ReviewLine(review, interval, is_lapse(review))
             for review, interval in zip(reviews, intervals_after(card, reviews))]
    names = store.cards.category_names()
    return CardInfo(card, store.cards.deck(card.deck_id), names.get(card.category_key or ""),
                    tuple(reversed(lines)), store.settings.zone())


def card_stats(store: "Store", now: datetime) -> CardStats:
    """Reviews per day, true retention against the target, weakest categories, the forecast."""
    return store.cards.stats(now)


def add_card(store: "Store", deck_id: int, front: str, front_zh: str, back: str, category_key: str | None) -> Card:
    """ValidationError (an empty question, text too long) with a message to show."""
    return store.cards.add(deck_id, front, front_zh, back, category_key=category_key)


def edit_card(store: "Store", card: Card, *, front: str, front_zh: str, back: str, category_key: str | None,
              deck_id: int | None, expected_version: int | None | str = "shown") -> Card:
    """Change the card's text, deck or category, never its schedule. ConflictError when it was
    changed elsewhere since `card` was read (expected_version: that of `card` by default; a
    conflict's answer passes the stored one, or None to save over it)."""
    expected = card.version if expected_version == "shown" else expected_version
    return store.cards.edit(card.id, front=front, front_zh=front_zh, back=back, category_key=category_key or "",
                            deck_id=deck_id, expected_version=expected)


def set_suspended(store: "Store", card_id: int, suspended: bool) -> Card:
    return store.cards.set_suspended(card_id, suspended)


def delete_card(store: "Store", card_id: int) -> None:
    """The card and its reviews; a generated card stays deleted when decks are regenerated."""
    store.cards.delete(card_id)


def remember_interview_date(store: "Store", day: date) -> None:
    store.settings.update(interview_date=day)
