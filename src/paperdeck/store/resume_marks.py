"""The Resume screen's writes to papers: bullets, the Selected mark, whether a paper is on the
resume. Each is one transaction and one entry of the Pipeline's undo journal, so hiding a paper
from the resume can be undone like any other change to it."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

from ..models.common import to_iso, utcnow

if TYPE_CHECKING:
    from ..models.papers import Paper
    from .store import Store


def set_resume_fields(
    store: "Store", paper_id: int, *, bullets: list[str] | None = None,
    selected: bool | None = None, on_resume: bool | None = None, expected_version: int | None = None,
) -> "Paper":
    """The Resume screen's edits: bullets, the Selected mark, whether it is on the resume.

    One undo entry of the Pipeline's journal (so hiding a paper can be undone); bullets are
    saved with the version check (`expected_version`: the paper's version the screen showed)."""
    changes: dict[str, object] = {}
    if bullets is not None:
        changes["bullets"] = json.dumps([b.strip() for b in bullets if b.strip()], ensure_ascii=False)
    if selected is not None:
        changes["selected"] = int(selected)
    if on_resume is not None:
        changes["on_resume"] = int(on_resume)
    if not changes:
        return store.papers.get(paper_id)
    title = store.papers.get(paper_id).title
    label = (f"take {title!r} off the resume" if on_resume is False else f"put {title!r} on the resume" if on_resume
             else f"edit the resume bullets of {title!r}" if bullets is not None else f"mark {title!r} selected")
    with store.papers._journaled(label, [paper_id]) as (conn, _):
        store.papers._require(conn, paper_id, expected_version)
        assignments = ", ".join(f"{column} = ?" for column in changes)
        conn.execute(
            f"UPDATE papers SET {assignments}, updated_at = ?, version = version + 1 WHERE id = ?",
            [*changes.values(), to_iso(utcnow()), paper_id],
        )
    return store.papers.get(paper_id)


def set_resume_marks(store: "Store", paper_ids: list[int], *, on_resume: bool | None = None,
                     selected: bool | None = None) -> int:
    """Put several papers on or off the resume, or mark them Selected, as one change that the
    Pipeline's undo takes back whole. Returns how many papers changed."""
    changes: dict[str, object] = {}
    if on_resume is not None:
        changes["on_resume"] = int(on_resume)
    if selected is not None:
        changes["selected"] = int(selected)
    ids = sorted(set(paper_ids))
    if not changes or not ids:
        return 0
    what = "on the resume" if on_resume else "off the resume" if on_resume is not None else (
        "selected" if selected else "not selected")
    label = f"{len(ids)} paper{'s' if len(ids) != 1 else ''} {what}"
    changed = 0
    with store.papers._journaled(label, ids) as (conn, _touched):
        assignments = ", ".join(f"{column} = ?" for column in changes)
        differs = " OR ".join(f"{column} IS NOT ?" for column in changes)
        now = to_iso(utcnow())
        for start in range(0, len(ids), 500):
            chunk = ids[start:start + 500]
            marks = ", ".join("?" for _ in chunk)
            cursor = conn.execute(
                f"UPDATE papers SET {assignments}, updated_at = ?, version = version + 1 "
                f"WHERE id IN ({marks}) AND ({differs})",
                [*changes.values(), now, *chunk, *changes.values()],
            )
            changed += cursor.rowcount
    return changed
