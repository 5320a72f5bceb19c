"""Per-paper checklists: seeded from the guide's tasks and tools per stage, then the user's."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

from ..models.stages import Stage
from .errors import NotFound, ValidationError
from .tables import CHECKLIST_ITEMS

if TYPE_CHECKING:
    import sqlite3

    from ..models.papers import ChecklistItem
    from .store import Store

# The Writing stage also carries the guide's tip to prepare one or two diagrams.
EXTRA_TEMPLATES = {Stage.WRITING: ("tip.diagrams",)}
TOOL_PREFIX = ("工具：", "Tool: ")
MAX_ITEM_CHARS = 300


def checklist_templates(conn: "sqlite3.Connection") -> list[tuple[Stage, str, str]]:
    """(stage, guide key, English text) for every template, in the guide's order."""
    templates = []
    stages = {row["key"]: row for row in conn.execute("SELECT key, data FROM guide_items WHERE kind = 'stage'")}
    for stage in Stage:
        parent = f"stage.{stage.value}"
        if parent not in stages:
            continue
        rows = conn.execute(
            "SELECT key, kind, en, zh FROM guide_items WHERE parent_key = ? AND kind IN ('task', 'tool') "
            "ORDER BY kind = 'tool', position, id",
            (parent,),
        ).fetchall()
        for key in EXTRA_TEMPLATES.get(stage, ()):
            rows += conn.execute("SELECT key, kind, en, zh FROM guide_items WHERE key = ?", (key,)).fetchall()
        for row in rows:
            text = row["en"] or row["zh"]
            if row["kind"] == "tool":
                text = TOOL_PREFIX[1] + text
            templates.append((stage, row["key"], text))
    return templates


def materialize_checklists(conn: "sqlite3.Connection", paper_ids: list[int],
                           templates: list[tuple[Stage, str, str]] | None = None) -> None:
    """The papers' checklists from the templates (read here unless given), in one statement:
    SQLite copies the template rows for every paper (10,000 papers: 290,000 rows, ~30 us a
    paper, against ~77 us with a row per paper sent from Python). Paper after paper, each in
    the templates' order, as before: the rows' ids keep that order."""
    rows = [(stage.value, key, text, n) for n, (stage, key, text)
            in enumerate(checklist_templates(conn) if templates is None else templates)]
    if not rows or not paper_ids:
        return
    values = ", ".join(["(?, ?, ?, ?)"] * len(rows))
    # CROSS JOIN keeps the papers the outer loop (SQLite does not reorder a CROSS JOIN).
    conn.execute(
        f"WITH template(stage, seed_key, text, position) AS (VALUES {values}) "
        "INSERT INTO checklist_items(paper_id, stage, seed_key, text, position) "
        "SELECT paper.value, template.stage, template.seed_key, template.text, template.position "
        "FROM json_each(?) AS paper CROSS JOIN template",
        [*(value for row in rows for value in row), json.dumps(paper_ids)],
    )


def _check_text(text: str) -> str:
    text = " ".join(str(text).split())
    if not text:
        raise ValidationError("a checklist item needs text", field="text")
    if len(text) > MAX_ITEM_CHARS:
        raise ValidationError(f"a checklist item holds at most {MAX_ITEM_CHARS} characters", field="text")
    return text


class ChecklistMixin:
    """Checklist methods of PaperRepo (journaled like every other pipeline change)."""

    store: "Store"

    def checklist(self, paper_id: int, stage: Stage | None = None) -> list[ChecklistItem]:
        sql = "SELECT * FROM checklist_items WHERE paper_id = ?"
        params: list[object] = [paper_id]
        if stage is not None:
            sql += " AND stage = ?"
            params.append(stage.value)
        rows = self.store.rows(sql + " ORDER BY position, id", params)
        return CHECKLIST_ITEMS.from_rows(rows)

    def _item_paper(self, item_id: int) -> int:
        paper_id = self.store.scalar("SELECT paper_id FROM checklist_items WHERE id = ?", (item_id,))
        if paper_id is None:
            raise NotFound(f"no checklist item with id {item_id}")
        return paper_id

    def add_checklist_item(self, paper_id: int, stage: Stage, text: str) -> int:
        text = _check_text(text)
        with self._journaled("add checklist item", [paper_id]) as (conn, _):  # type: ignore[attr-defined]
            self._require(conn, paper_id, None)  # type: ignore[attr-defined]
            position = conn.execute(
                "SELECT coalesce(max(position), -1) + 1 FROM checklist_items WHERE paper_id = ?", (paper_id,)
            ).fetchone()[0]
            cursor = conn.execute(
                "INSERT INTO checklist_items(paper_id, stage, text, position) VALUES (?, ?, ?, ?)",
                (paper_id, stage.value, text, position),
            )
            return cursor.lastrowid

    def set_checklist_done(self, item_id: int, done: bool) -> None:
        with self._journaled("tick checklist item" if done else "untick checklist item", [self._item_paper(item_id)]) as (conn, _):  # type: ignore[attr-defined]
            conn.execute("UPDATE checklist_items SET done = ? WHERE id = ?", (int(done), item_id))

    def edit_checklist_item(self, item_id: int, text: str) -> None:
        """Rewrite an item; it becomes the user's own (no longer follows the guide's wording)."""
        text = _check_text(text)
        with self._journaled("edit checklist item", [self._item_paper(item_id)]) as (conn, _):  # type: ignore[attr-defined]
            conn.execute("UPDATE checklist_items SET text = ?, seed_key = NULL WHERE id = ?", (text, item_id))

    def delete_checklist_item(self, item_id: int) -> None:
        with self._journaled("delete checklist item", [self._item_paper(item_id)]) as (conn, _):  # type: ignore[attr-defined]
            conn.execute("DELETE FROM checklist_items WHERE id = ?", (item_id,))
