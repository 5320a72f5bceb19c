"""The guide's items as seeded: read, edited by the user, deleted (with a tombstone)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..models.guide import GuideItem
from .errors import NotFound
from .tables import GUIDE_ITEMS

if TYPE_CHECKING:
    from .store import Store


class GuideRepo:
    def __init__(self, store: "Store"):
        self.store = store

    def items(self, kind: str | None = None, parent_key: str | None = None) -> list[GuideItem]:
        sql = "SELECT * FROM guide_items WHERE 1=1"
        params: list[str] = []
        if kind:
            sql += " AND kind = ?"
            params.append(kind)
        if parent_key:
            sql += " AND parent_key = ?"
            params.append(parent_key)
        sql += " ORDER BY position, id"
        return GUIDE_ITEMS.from_rows(self.store.rows(sql, params))

    def get(self, key: str) -> GuideItem:
        row = self.store.row("SELECT * FROM guide_items WHERE key = ?", (key,))
        if row is None:
            raise NotFound(f"no guide item {key!r}")
        return GUIDE_ITEMS.from_row(row)

    def edit(self, key: str, *, zh: str | None = None, en: str | None = None) -> None:
        item = self.get(key)
        with self.store.transaction() as conn:
            conn.execute(
                "UPDATE guide_items SET zh = ?, en = ?, user_edited = 1 WHERE key = ?",
                (item.zh if zh is None else zh, item.en if en is None else en, key),
            )

    def delete(self, key: str) -> None:
        with self.store.transaction() as conn:
            # seed_applied keeps the key, so re-seeding will not bring the item back.
            conn.execute("DELETE FROM guide_items WHERE key = ?", (key,))
