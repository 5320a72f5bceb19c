"""Drafts: text kept aside because what it was typed for was deleted elsewhere meanwhile, or
while a save of it waits for the user's answer to a conflict."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..models.drafts import Draft

if TYPE_CHECKING:
    from ..store import Store


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
