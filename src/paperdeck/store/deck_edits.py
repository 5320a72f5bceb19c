"""Renaming a deck: one entry of the cards journal (scope 'cards', as deleting a deck or a card
and importing cards are), so Flashcards' undo takes back the latest of them."""

from __future__ import annotations

from typing import TYPE_CHECKING

from . import undo
from .errors import ValidationError

if TYPE_CHECKING:
    from ..models.cards import Deck
    from .cards import CardRepo

MAX_NAME = 200


def _other_named(repo: "CardRepo", deck_id: int, name: str) -> bool:
    wanted = name.casefold()
    return any(wanted in (deck.name.casefold(), deck.name_zh.casefold())
               for deck in repo.decks() if deck.id != deck_id)


def rename_deck(repo: "CardRepo", deck_id: int, name: str, language: str) -> "Deck":
    """Give the deck `name` in `language` (what the user sees). The other language's name
    follows unless it was a translation of its own (it differed from the shown name)."""
    from .cards import SCOPE, clean_text

    deck = repo.deck(deck_id)
    name = clean_text(name, MAX_NAME, "deck name")
    if not name:
        raise ValidationError("a deck needs a name", field="name")
    if _other_named(repo, deck_id, name):
        raise ValidationError(f"a deck named {name!r} exists already", field="name")
    shown = deck.pick(language)
    english, chinese = deck.name, deck.name_zh
    if language == "zh":
        chinese = name
        english = name if deck.name in ("", shown) else deck.name
    else:
        english = name
        chinese = name if deck.name_zh in ("", shown) else deck.name_zh
    with repo.store.transaction() as conn:
        journal = undo.RowJournal(conn, SCOPE, f"rename deck {shown!r} to {name!r}", ["decks"])
        journal.changing("decks", deck_id)
        conn.execute("UPDATE decks SET name = ?, name_zh = ? WHERE id = ?", (english, chinese, deck_id))
        journal.record()
    return repo.deck(deck_id)
