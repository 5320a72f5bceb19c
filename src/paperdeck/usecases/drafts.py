"""Drafts: text kept aside because what it was typed for was deleted elsewhere meanwhile,
while a save of it waits for the user's answer to a conflict, or while it is typed in a
dialog (TYPED_KIND: deleted when the dialog closes; one left behind outlived its app)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..models.drafts import Draft

if TYPE_CHECKING:
    from ..store import Store


TYPED_KIND = "typed"  # text typed in an open dialog (tui/screens/typing_kept.py)


def keep_draft(store: "Store", kind: str, about: str, body: str) -> Draft:
    return store.drafts.keep(kind, about, body)


def replace_draft(store: "Store", draft_id: int, body: str) -> None:
    store.drafts.replace(draft_id, body)


def drafts(store: "Store") -> list[Draft]:
    """Newest first."""
    return store.drafts.all()


def draft(store: "Store", draft_id: int) -> Draft:
    return store.drafts.get(draft_id)


def delete_draft(store: "Store", draft_id: int) -> None:
    store.drafts.delete(draft_id)


def typed_left_behind(store: "Store") -> list[Draft]:
    """Dialog text whose app ended before the dialog closed (or another window's, still open)."""
    return [draft for draft in store.drafts.all() if draft.kind == TYPED_KIND]
