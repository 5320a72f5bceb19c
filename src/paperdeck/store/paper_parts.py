"""Per-paper checklists: seeded from the guide's tasks and tools per stage, then the user's.

A paper added by an import keeps no rows at first (`papers.checklist_from_template` = 1): its
checklist is the templates', read here, with an id per item that names the paper and the
template (`template_item_id`). Its first change (tick, edit, add, delete) copies the template
rows, as every other paper has them from the start, and changes the copy; undo of that change
puts the paper back on its templates. Every reader goes through this module: `checklist`,
`template_counts` (the board's tiles) and `checklist_item_count`.
"""

from __future__ import annotations

import json
from collections.abc import Callable
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


Rows = Callable[..., list]  # (sql, params) -> rows: Store.rows, or `_rows_of(conn)`


def checklist_templates(conn: "sqlite3.Connection") -> list[tuple[Stage, str, str]]:
    """(stage, guide key, English text) for every template, in the guide's order."""
    return templates_read(_rows_of(conn))


def _rows_of(conn: "sqlite3.Connection") -> Rows:
    return lambda sql, params=(): conn.execute(sql, params).fetchall()


def templates_read(rows: Rows) -> list[tuple[Stage, str, str]]:
    """checklist_templates, read through `rows` (a Store's, or a connection's)."""
    templates = []
    stages = {row["key"]: row for row in rows("SELECT key, data FROM guide_items WHERE kind = 'stage'")}
    for stage in Stage:
        parent = f"stage.{stage.value}"
        if parent not in stages:
            continue
        found = rows(
            "SELECT key, kind, en, zh FROM guide_items WHERE parent_key = ? AND kind IN ('task', 'tool') "
            "ORDER BY kind = 'tool', position, id",
            (parent,),
        )
        for key in EXTRA_TEMPLATES.get(stage, ()):
            found += rows("SELECT key, kind, en, zh FROM guide_items WHERE key = ?", (key,))
        for row in found:
            text = row["en"] or row["zh"]
            if row["kind"] == "tool":
                text = TOOL_PREFIX[1] + text
            templates.append((stage, row["key"], text))
    return templates


def materialize_checklists(conn: "sqlite3.Connection", paper_ids: list[int],
                           templates: list[tuple[Stage, str, str]] | None = None) -> None:
    """The papers' checklists from the templates (read here unless given), in one statement:
    SQLite copies the template rows for every paper (~30 us a paper for many, against ~77 us
    with a row per paper sent from Python). Paper after paper, each in the templates' order:
    the rows' ids keep that order. A paper added by hand gets them at once; an imported one
    at its checklist's first change (`own_checklist`)."""
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


# An item read from the templates has a negative id: -(paper id * TEMPLATE_SLOTS + its place
# in the templates + 1); positive ids are rows. The templates are a few dozen.
TEMPLATE_SLOTS = 1000


def template_item_id(paper_id: int, position: int) -> int:
    return -(paper_id * TEMPLATE_SLOTS + position + 1)


def _template_item(item_id: int) -> tuple[int, int]:
    """(paper id, position) of an item id read from the templates."""
    return divmod(-item_id - 1, TEMPLATE_SLOTS)


def template_counts(rows: Rows) -> dict[str, int]:
    """How many template items each stage has (stage value -> count)."""
    counts: dict[str, int] = {}
    for stage, _key, _text in templates_read(rows):
        counts[stage.value] = counts.get(stage.value, 0) + 1
    return counts


def checklist_item_count(rows: Rows) -> int:
    """Every paper's checklist items: rows, and the templates of papers still reading them."""
    count = rows("SELECT count(*) FROM checklist_items")[0][0]
    from_template = rows("SELECT count(*) FROM papers WHERE checklist_from_template")[0][0]
    return count + (from_template * len(templates_read(rows)) if from_template else 0)


def own_checklist(conn: "sqlite3.Connection", paper_id: int) -> None:
    """Before a change to a paper's checklist: copy its templates as rows if it still reads them."""
    row = conn.execute("SELECT checklist_from_template FROM papers WHERE id = ?", (paper_id,)).fetchone()
    if row is not None and row[0]:
        materialize_checklists(conn, [paper_id])
        conn.execute("UPDATE papers SET checklist_from_template = 0 WHERE id = ?", (paper_id,))


def _row_id(conn: "sqlite3.Connection", item_id: int) -> int:
    """The row of an item: itself, or (read from the templates) the row copied from its template."""
    if item_id >= 0:
        return item_id
    paper_id, position = _template_item(item_id)
    own_checklist(conn, paper_id)
    row = conn.execute("SELECT id FROM checklist_items WHERE paper_id = ? AND position = ? AND seed_key IS NOT NULL "
                       "ORDER BY id LIMIT 1", (paper_id, position)).fetchone()
    if row is None:
        raise NotFound(f"no checklist item with id {item_id}")
    return row[0]


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
        from_template = self.store.scalar("SELECT checklist_from_template FROM papers WHERE id = ?", (paper_id,))
        if from_template:
            from ..models.papers import ChecklistItem

            return [ChecklistItem(id=template_item_id(paper_id, n), paper_id=paper_id, stage=item_stage, text=text,
                                  done=False, position=n, seed_key=key)
                    for n, (item_stage, key, text) in enumerate(templates_read(self.store.rows))
                    if stage is None or item_stage is stage]
        sql = "SELECT * FROM checklist_items WHERE paper_id = ?"
        params: list[object] = [paper_id]
        if stage is not None:
            sql += " AND stage = ?"
            params.append(stage.value)
        rows = self.store.rows(sql + " ORDER BY position, id", params)
        return CHECKLIST_ITEMS.from_rows(rows)

    def _item_paper(self, item_id: int) -> int:
        if item_id < 0:
            paper_id, _position = _template_item(item_id)
            if self.store.scalar("SELECT id FROM papers WHERE id = ?", (paper_id,)) is None:
                raise NotFound(f"no checklist item with id {item_id}")
            return paper_id
        paper_id = self.store.scalar("SELECT paper_id FROM checklist_items WHERE id = ?", (item_id,))
        if paper_id is None:
            raise NotFound(f"no checklist item with id {item_id}")
        return paper_id

    def add_checklist_item(self, paper_id: int, stage: Stage, text: str) -> int:
        text = _check_text(text)
        with self._journaled("add checklist item", [paper_id]) as (conn, _):  # type: ignore[attr-defined]
            self._require(conn, paper_id, None)  # type: ignore[attr-defined]
            own_checklist(conn, paper_id)
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
            conn.execute("UPDATE checklist_items SET done = ? WHERE id = ?", (int(done), _row_id(conn, item_id)))

    def edit_checklist_item(self, item_id: int, text: str) -> None:
        """Rewrite an item; it becomes the user's own (no longer follows the guide's wording)."""
        text = _check_text(text)
        with self._journaled("edit checklist item", [self._item_paper(item_id)]) as (conn, _):  # type: ignore[attr-defined]
            conn.execute("UPDATE checklist_items SET text = ?, seed_key = NULL WHERE id = ?", (text, _row_id(conn, item_id)))

    def delete_checklist_item(self, item_id: int) -> None:
        with self._journaled("delete checklist item", [self._item_paper(item_id)]) as (conn, _):  # type: ignore[attr-defined]
            conn.execute("DELETE FROM checklist_items WHERE id = ?", (_row_id(conn, item_id),))
