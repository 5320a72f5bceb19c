"""Pitch sections, their version history and rehearsal runs."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..models.common import from_iso
from ..models.pitch import PitchSection

if TYPE_CHECKING:
    from .store import Store


class PitchRepo:
    def __init__(self, store: "Store"):
        self.store = store

    def sections(self, paper_id: int) -> dict[str, PitchSection]:
        rows = self.store.rows("SELECT * FROM pitch_sections WHERE paper_id = ?", (paper_id,))
        return {
            row["part_key"]: PitchSection(
                id=row["id"], paper_id=row["paper_id"], part_key=row["part_key"], body=row["body"],
                updated_at=from_iso(row["updated_at"]), version=row["version"],
            )
            for row in rows
        }
