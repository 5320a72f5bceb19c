"""The card browser's and the stats screen's questions, and the writes on single cards (add,
edit, suspend, delete) that the browser, the review session and their dialogs make."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import TYPE_CHECKING

from ..models.cards import Card, CardStats, Deck

if TYPE_CHECKING:
    from ..store import Store


@dataclass(frozen=True)
class BrowserFilter:
    text: str = ""
    deck_id: int | None = None
    category_key: str | None = None


@dataclass(frozen=True)
class CardBrowserView:
    decks: tuple[Deck, ...]
    categories: tuple[tuple[str, str, str], ...]  # (key, zh, en) of the categories in use
    cards: tuple[Card, ...]                       # the matches, at most `limit`
    more: bool                                    # more matched than are listed
    filter: BrowserFilter

    def deck(self, deck_id: int) -> Deck | None:
        return next((deck for deck in self.decks if deck.id == deck_id), None)

    def card(self, card_id: int) -> Card | None:
        return next((card for card in self.cards if card.id == card_id), None)


def card_browser(store: "Store", wanted: BrowserFilter, limit: int) -> CardBrowserView:
    cards = store.cards
    found = cards.search(wanted.text, deck_id=wanted.deck_id, category_key=wanted.category_key, limit=limit + 1)
    return CardBrowserView(
        decks=tuple(cards.decks()),
        categories=tuple(cards.categories()),
        cards=tuple(found[:limit]),
        more=len(found) > limit,
        filter=wanted,
    )


def card_stats(store: "Store", now: datetime) -> CardStats:
    """Reviews per day, true retention against the target, weakest categories, the forecast."""
    return store.cards.stats(now)


def add_card(store: "Store", deck_id: int, front: str, front_zh: str, back: str, category_key: str | None) -> Card:
    """ValidationError (an empty question, text too long) with a message to show."""
    return store.cards.add(deck_id, front, front_zh, back, category_key=category_key)


def edit_card(store: "Store", card: Card, *, front: str, front_zh: str, back: str, category_key: str | None,
              deck_id: int | None) -> Card:
    """Change the card's text, deck or category, never its schedule. ConflictError when it was
    changed elsewhere since `card` was read."""
    return store.cards.edit(card.id, front=front, front_zh=front_zh, back=back, category_key=category_key or "",
                            deck_id=deck_id, expected_version=card.version)


def set_suspended(store: "Store", card_id: int, suspended: bool) -> Card:
    return store.cards.set_suspended(card_id, suspended)


def delete_card(store: "Store", card_id: int) -> None:
    """The card and its reviews; a generated card stays deleted when decks are regenerated."""
    store.cards.delete(card_id)


def remember_interview_date(store: "Store", day: date) -> None:
    store.settings.update(interview_date=day)
