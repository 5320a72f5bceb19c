"""What an Anki package holds: the decks that have cards, each card's fields, human tags,
scheduling state and review log (domain/anki_progress.py says how Anki encodes them)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING, Callable

from ..domain.anki_progress import AnkiRevlog, AnkiSchedule, day_number, revlog, schedule, tag
from ..models.cards import Card, Deck

if TYPE_CHECKING:
    from ..store import Store


@dataclass(frozen=True, slots=True)
class AnkiCard:
    card: Card
    category: str           # the category's English name ("" for none)
    tags: tuple[str, ...]
    schedule: AnkiSchedule
    revlog: tuple[AnkiRevlog, ...]


@dataclass(frozen=True, slots=True)
class AnkiDeck:
    deck: Deck
    cards: tuple[AnkiCard, ...]


def anki_export(store: "Store", decks: list[Deck], crt: datetime) -> list[AnkiDeck]:
    """The decks with at least one card, with progress. `crt`: the package collection's creation
    instant, which Anki counts review days from."""
    from ..store.card_history import reviews_by_card

    names = store.cards.category_names()
    retention = store.settings.load().desired_retention
    days: Callable[[datetime], int] = day_number(crt, store.cards.study_day)
    history = reviews_by_card(store, [deck.id for deck in decks])
    result = []
    for deck in decks:
        cards = []
        for card in store.cards.cards(deck.id):
            reviews = history.get(card.id, [])
            category = names.get(card.category_key, (card.category_key,) * 2)[1] if card.category_key else ""
            cards.append(AnkiCard(
                card, category, (tag(category),) if category else (),
                schedule(card, reviews, days, retention), tuple(revlog(card, reviews)),
            ))
        if cards:
            result.append(AnkiDeck(deck, tuple(cards)))
    return result
