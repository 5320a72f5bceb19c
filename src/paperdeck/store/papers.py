"""Papers: the pipeline's aggregate (papers, stage history, checklists, submissions)."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

from ..models.common import to_iso, utcnow
from ..models.papers import Paper, Stage
from .errors import NotFound, ValidationError

if TYPE_CHECKING:
    from ..models.papers import Submission
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


# -- Resume snippets and BibTeX import (issue #6) ---------------------------------------------
# Module-level so they stay out of the pipeline's way; each is one query or one transaction.

def paper_identities(store: "Store") -> list[tuple[str, str | None, str | None]]:
    """(title, doi, arxiv_id) of every paper: what an import checks duplicates against."""
    return [(row["title"], row["doi"], row["arxiv_id"]) for row in store.rows("SELECT title, doi, arxiv_id FROM papers")]


def paper_ids_doi_arxiv(store: "Store") -> dict[int, tuple[str | None, str | None]]:
    return {row["id"]: (row["doi"], row["arxiv_id"]) for row in store.rows("SELECT id, doi, arxiv_id FROM papers")}


def submissions_by_paper(store: "Store") -> dict[int, list["Submission"]]:
    """Every paper's submission history, oldest first."""
    from ..models.papers import Submission

    history: dict[int, list[Submission]] = {}
    rows = store.rows("SELECT * FROM submissions ORDER BY paper_id, coalesce(submitted_on, ''), id")
    for row in rows:
        history.setdefault(row["paper_id"], []).append(Submission(
            id=row["id"], paper_id=row["paper_id"], venue_key=row["venue_key"], venue_name=row["venue_name"],
            year=row["year"], track=row["track"], submitted_on=row["submitted_on"], scores=row["scores"],
            decision=row["decision"], notes=row["notes"],
        ))
    return history


def add_imported_papers(store: "Store", papers: list[dict[str, object]]) -> list[int]:
    """Insert imported papers (column -> value; lists and dicts as JSON) in one transaction."""
    now = to_iso(utcnow())
    ids: list[int] = []
    with store.transaction() as conn:
        for values in papers:
            stage = str(values.get("stage") or Stage.DECISION.value)
            position = conn.execute(
                "SELECT coalesce(max(position), 0) + 1 FROM papers WHERE stage = ?", (stage,)
            ).fetchone()[0]
            columns = {
                **{k: (json.dumps(v, ensure_ascii=False) if isinstance(v, (list, dict)) else v) for k, v in values.items()},
                "stage": stage, "position": position, "stage_entered_at": now, "created_at": now, "updated_at": now,
            }
            cursor = conn.execute(
                f"INSERT INTO papers ({', '.join(columns)}) VALUES ({', '.join('?' for _ in columns)})",
                list(columns.values()),
            )
            conn.execute(
                "INSERT INTO stage_history(paper_id, from_stage, to_stage, at) VALUES (?, NULL, ?, ?)",
                (cursor.lastrowid, stage, now),
            )
            ids.append(int(cursor.lastrowid))
    return ids


def set_resume_fields(
    store: "Store", paper_id: int, *, bullets: list[str] | None = None,
    selected: bool | None = None, on_resume: bool | None = None,
) -> None:
    """The Resume screen's edits: bullets, the Selected mark, whether it is on the resume."""
    changes: dict[str, object] = {}
    if bullets is not None:
        changes["bullets"] = json.dumps([b.strip() for b in bullets if b.strip()], ensure_ascii=False)
    if selected is not None:
        changes["selected"] = int(selected)
    if on_resume is not None:
        changes["on_resume"] = int(on_resume)
    if not changes:
        return
    with store.transaction() as conn:
        assignments = ", ".join(f"{column} = ?" for column in changes)
        cursor = conn.execute(
            f"UPDATE papers SET {assignments}, updated_at = ?, version = version + 1 WHERE id = ?",
            [*changes.values(), to_iso(utcnow()), paper_id],
        )
        if cursor.rowcount == 0:
            raise NotFound(f"no paper with id {paper_id}")
