"""Decks, cards and reviews."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ..models.cards import Card, Deck
from ..models.common import from_iso

if TYPE_CHECKING:
    import sqlite3

    from .store import Store


def deck_from_row(row: "sqlite3.Row | dict[str, Any]") -> Deck:
    return Deck(
        id=row["id"], key=row["key"], name=row["name"], name_zh=row["name_zh"],
        paper_id=row["paper_id"], target_seconds=row["target_seconds"],
    )


def card_from_row(row: "sqlite3.Row | dict[str, Any]") -> Card:
    return Card(
        id=row["id"], deck_id=row["deck_id"], key=row["key"], category_key=row["category_key"],
        front=row["front"], front_zh=row["front_zh"], back=row["back"],
        suspended=bool(row["suspended"]), state=row["state"], step=row["step"],
        stability=row["stability"], difficulty=row["difficulty"],
        due=from_iso(row["due"]), last_review=from_iso(row["last_review"]), version=row["version"],
    )


class CardRepo:
    def __init__(self, store: "Store"):
        self.store = store

    def decks(self) -> list[Deck]:
        return [deck_from_row(row) for row in self.store.rows("SELECT * FROM decks ORDER BY id")]

    def cards(self, deck_id: int | None = None) -> list[Card]:
        if deck_id is None:
            rows = self.store.rows("SELECT * FROM cards ORDER BY deck_id, id")
        else:
            rows = self.store.rows("SELECT * FROM cards WHERE deck_id = ? ORDER BY id", (deck_id,))
        return [card_from_row(row) for row in rows]
