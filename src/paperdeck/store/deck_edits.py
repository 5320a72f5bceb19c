"""Renaming and deleting decks, each one entry of the undo journal (scope 'decks').

A deleted deck takes its cards and their reviews with it; undo puts every row back as it was,
progress included. A deleted seeded deck stays deleted when seeding runs again (its key is in
`seed_applied`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from . import undo
from .errors import ValidationError

if TYPE_CHECKING:
    from ..models.cards import Deck
    from .cards import CardRepo

SCOPE = "decks"
MAX_NAME = 200


def _other_named(repo: "CardRepo", deck_id: int, name: str) -> bool:
    wanted = name.casefold()
    return any(wanted in (deck.name.casefold(), deck.name_zh.casefold())
               for deck in repo.decks() if deck.id != deck_id)


def rename_deck(repo: "CardRepo", deck_id: int, name: str, language: str) -> "Deck":
    """Give the deck `name` in `language` (what the user sees). The other language's name
    follows unless it was a translation of its own (it differed from the shown name)."""
    from .cards import clean_text

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
        before = undo.capture(conn, "decks", [deck_id], set())
        conn.execute("UPDATE decks SET name = ?, name_zh = ? WHERE id = ?", (english, chinese, deck_id))
        undo.record(conn, SCOPE, f"rename deck {shown} to {name}", before, undo.capture(conn, "decks", [deck_id], set()))
    return repo.deck(deck_id)


def delete_deck(repo: "CardRepo", deck_id: int) -> str:
    """Delete the deck with its cards and reviews; the undo label."""
    from ..models.common import to_iso, utcnow

    deck = repo.deck(deck_id)
    label = f"delete deck {deck.name}"
    with repo.store.transaction() as conn:
        before = undo.capture(conn, "decks", [deck_id])
        if deck.seed_key:
            conn.execute("INSERT OR IGNORE INTO seed_applied(key, applied_at) VALUES (?, ?)",
                         (f"deck:{deck.key}", to_iso(utcnow())))
        conn.execute("DELETE FROM decks WHERE id = ?", (deck_id,))
        undo.record(conn, SCOPE, label, before, {table: [] for table in before})
    return label


def undo_deck_change(repo: "CardRepo", *, redo: bool = False) -> str | None:
    """Undo (or redo) the latest rename or delete; its label, None when there is none."""
    with repo.store.transaction() as conn:
        return undo.step(conn, SCOPE, "decks", redo=redo)
