"""Papers: the pipeline's aggregate (papers, stage history, checklists, submissions)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..models.common import to_iso, utcnow
from ..models.papers import Paper, Stage
from .errors import NotFound, ValidationError

if TYPE_CHECKING:
    from .store import Store


class PaperRepo:
    def __init__(self, store: "Store"):
        self.store = store

    def all(self) -> list[Paper]:
        rows = self.store.rows("SELECT * FROM papers ORDER BY stage, position, id")
        return [Paper.from_row(row) for row in rows]

    def by_stage(self, stage: Stage) -> list[Paper]:
        rows = self.store.rows("SELECT * FROM papers WHERE stage = ? ORDER BY position, id", (stage.value,))
        return [Paper.from_row(row) for row in rows]

    def get(self, paper_id: int) -> Paper:
        row = self.store.row("SELECT * FROM papers WHERE id = ?", (paper_id,))
        if row is None:
            raise NotFound(f"no paper with id {paper_id}")
        return Paper.from_row(row)

    def add(self, title: str, stage: Stage = Stage.IDEATION, **fields: object) -> Paper:
        title = title.strip()
        if not title:
            raise ValidationError("a paper needs a title", field="title")
        now = to_iso(utcnow())
        with self.store.transaction() as conn:
            position = conn.execute(
                "SELECT coalesce(max(position), 0) + 1 FROM papers WHERE stage = ?", (stage.value,)
            ).fetchone()[0]
            columns = {
                "title": title, "stage": stage.value, "position": position,
                "stage_entered_at": now, "created_at": now, "updated_at": now, **fields,
            }
            cursor = conn.execute(
                f"INSERT INTO papers ({', '.join(columns)}) VALUES ({', '.join('?' for _ in columns)})",
                list(columns.values()),
            )
            paper_id = cursor.lastrowid
            conn.execute(
                "INSERT INTO stage_history(paper_id, from_stage, to_stage, at) VALUES (?, NULL, ?, ?)",
                (paper_id, stage.value, now),
            )
        return self.get(paper_id)
