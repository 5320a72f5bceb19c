"""Venues and deadlines."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ..models.venues import Venue
from .errors import NotFound

if TYPE_CHECKING:
    import sqlite3

    from .store import Store


def venue_from_row(row: "sqlite3.Row | dict[str, Any]") -> Venue:
    return Venue(
        id=row["id"], key=row["key"], name=row["name"], full_name=row["full_name"],
        field_zh=row["field_zh"], field_en=row["field_en"],
        paper_types_zh=row["paper_types_zh"], paper_types_en=row["paper_types_en"],
        guide_note_zh=row["guide_note_zh"], guide_note_en=row["guide_note_en"],
        url=row["url"], favourite=bool(row["favourite"]), version=row["version"],
    )


class VenueRepo:
    def __init__(self, store: "Store"):
        self.store = store

    def all(self) -> list[Venue]:
        return [venue_from_row(row) for row in self.store.rows("SELECT * FROM venues ORDER BY id")]

    def get(self, key: str) -> Venue:
        row = self.store.row("SELECT * FROM venues WHERE key = ? COLLATE NOCASE OR name = ? COLLATE NOCASE", (key, key))
        if row is None:
            raise NotFound(f"no venue {key!r}")
        return venue_from_row(row)
