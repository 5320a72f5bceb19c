"""Drafts: text a screen could not save where it was going (its object was deleted elsewhere).

Kept until the user deletes it; `paperdeck drafts` lists and prints them, the Pitch screen
says where its text went.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..models.common import utcnow
from ..models.drafts import Draft
from .errors import NotFound
from .tables import DRAFTS

if TYPE_CHECKING:
    from .store import Store


class DraftRepo:
    def __init__(self, store: "Store"):
        self.store = store

    def keep(self, kind: str, about: str, body: str) -> Draft:
        with self.store.transaction() as conn:
            draft_id = DRAFTS.insert(conn, kind=kind, about=about, body=body, created_at=utcnow())
        return self.get(draft_id)

    def replace(self, draft_id: int, body: str) -> None:
        """The draft's text, kept current (NotFound once it was deleted, e.g. from the CLI)."""
        with self.store.transaction() as conn:
            if conn.execute("UPDATE drafts SET body = ? WHERE id = ?", (body, draft_id)).rowcount == 0:
                raise NotFound(f"no draft #{draft_id}")

    def all(self) -> list[Draft]:
        """Newest first."""
        return [DRAFTS.from_row(row) for row in self.store.rows("SELECT * FROM drafts ORDER BY id DESC")]

    def get(self, draft_id: int) -> Draft:
        row = self.store.row("SELECT * FROM drafts WHERE id = ?", (draft_id,))
        if row is None:
            raise NotFound(f"no draft #{draft_id}")
        return DRAFTS.from_row(row)

    def delete(self, draft_id: int) -> None:
        self.get(draft_id)
        with self.store.transaction() as conn:
            conn.execute("DELETE FROM drafts WHERE id = ?", (draft_id,))
