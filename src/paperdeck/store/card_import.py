"""Applying a planned card import (usecases/imports/cards.py): its new decks and cards in one
transaction and one undo entry (scope 'cards'), so a kill mid-import leaves nothing behind."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from ..models.common import to_iso, utcnow
from ..models.imports import Action, PlanItem
from . import undo
from .cards import SCOPE, insert_deck

if TYPE_CHECKING:
    from .store import Store


def card_identities(store: "Store") -> set[tuple[int, str, str]]:
    """(deck id, front, front_zh) of every card: a row already present is not added twice."""
    return {(row[0], row[1], row[2]) for row in store.rows("SELECT deck_id, front, front_zh FROM cards")}


def apply_card_plan(store: "Store", items: Iterable[PlanItem], label: str) -> None:
    """Add the plan's new decks (by name) and cards; nothing else."""
    items = list(items)
    stamp = to_iso(utcnow())
    seconds = store.cards.default_target_seconds()
    with store.transaction() as conn:
        journal = undo.RowJournal(conn, SCOPE, label, ["decks", "cards"])
        deck_ids: dict[str, int] = {}
        for item in items:
            if item.kind == "deck" and item.action is Action.ADD:
                name = str(item.values["name"])
                deck_ids[name] = insert_deck(conn, name, "", seconds)
                journal.added("decks", deck_ids[name])
        for item in items:
            if item.kind != "card" or item.action is not Action.ADD:
                continue
            values = item.values
            deck_id = values.get("deck_id") or deck_ids[str(values["deck"])]
            cursor = conn.execute(
                "INSERT INTO cards(deck_id, category_key, front, front_zh, back, suspended, state, due, "
                "created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, 0, ?, ?, ?)",
                (deck_id, values.get("category_key") or None, values["front"], values["front_zh"], values["back"],
                 int(bool(values.get("suspended"))), stamp, stamp, stamp),
            )
            journal.added("cards", cursor.lastrowid)
        journal.record()
