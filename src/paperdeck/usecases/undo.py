"""Undo and redo of a screen's destructive actions, from the store's journal (`undo_log`).

Each screen undoes its own journal: the Venues screen deadlines and venues (and their
imports), the card browser cards and decks with their reviews, the Resume and Pipeline
screens papers (a delete, taking one off the resume), the Pitch screen rehearsals.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ..store import Store

PIPELINE, VENUES, CARDS, PITCH = "pipeline", "venues", "cards", "pitch"


def undo_last(store: "Store", scope: str) -> str | None:
    """Undo the latest change of `scope`; its label, None when there is nothing to undo.
    ConflictError when its rows were changed since (say what to undo first)."""
    return store.undo(scope)


def redo_last(store: "Store", scope: str) -> str | None:
    return store.undo(scope, redo=True)
