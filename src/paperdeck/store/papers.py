"""Papers: the pipeline's aggregate (papers, stage history, checklists, submissions).

Every change is one transaction and one entry of the undo journal (scope 'pipeline').
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from contextlib import contextmanager
from functools import cache
from itertools import groupby
from typing import TYPE_CHECKING, Any

from ..models.common import from_iso, to_iso, utcnow
from ..models.stages import DECISIONS, TRACKS, Stage, YEAR_MAX, YEAR_MIN
from . import undo
from . import versions
from .errors import NotFound, ValidationError
from .paper_parts import ChecklistMixin, materialize_checklists
from .paper_reads import PAPER_SELECT, STAGE_OF, STAGE_RANK, PaperReads  # noqa: F401  (importers name them here)
from .same_values import insert_rows
from .tables import PAPERS

if TYPE_CHECKING:
    import sqlite3

    from ..models.papers import Paper, Submission
    from .store import Store

SCOPE = "pipeline"
# The tables an ordinary change touches; a delete takes everything that cascades.
SHALLOW = {"papers", "stage_history", "checklist_items", "submissions"}
# Fields the store keeps itself; every other field of Paper is editable, a new one included.
SYSTEM_FIELDS = {"id", "stage", "position", "stage_entered_at", "created_at", "updated_at", "version",
                 "seed_key", "user_edited", "venue_name"}


@cache
def editable_fields() -> frozenset[str]:
    """Paper's fields a change may set (asked at the first write: reading them imports Paper)."""
    return frozenset(PAPERS.field_names) - SYSTEM_FIELDS


# The store refuses only absurd titles; the form and the CLI hold titles to 500 characters.
MAX_TITLE_CELLS = 4000


def _encode(fields: dict[str, Any]) -> dict[str, Any]:
    """Edited fields -> column values (checked); JSON fields may come as JSON text (imports)."""
    return PAPERS.encode(_checked(fields))


def _checked(fields: dict[str, Any], *, new_paper: bool = False) -> dict[str, Any]:
    """Edited fields, checked (ValidationError), JSON text read; not yet column values.
    `new_paper`: a new paper's row the caller made for this (its stage too), checked in place."""
    allowed = _new_paper_fields() if new_paper else editable_fields()
    if not allowed.issuperset(fields):
        unknown = set(fields) - allowed
        raise ValidationError(f"unknown paper field(s): {', '.join(sorted(unknown))}")
    values = fields if new_paper else dict(fields)
    for name, kind in _json_kinds().items():
        if name not in values:
            continue
        value = values[name]
        if type(value) is kind:  # already a list / dict (an import's): nothing to read or check
            continue
        if isinstance(value, str):
            try:
                value = json.loads(value)
            except ValueError as error:
                raise ValidationError(f"{name}: not valid JSON", field=name) from error
        if value is not None and not isinstance(value, kind):
            raise ValidationError(f"{name} must be a {kind.__name__}", field=name)
        values[name] = PAPERS.default(name) if value is None else value
    if "title" in values and not new_paper:  # a new paper's was checked first
        values["title"] = _check_title(values["title"])
    year = values.get("target_year")
    if year is not None and not (isinstance(year, int) and YEAR_MIN <= year <= YEAR_MAX):
        raise ValidationError(f"year {year!r} is out of range ({YEAR_MIN}-{YEAR_MAX})", field="target_year")
    return values


@cache
def _new_paper_fields() -> frozenset[str]:
    return editable_fields() | {"stage"}


@cache
def _json_kinds() -> dict[str, type]:
    """Each JSON field -> the type of its value (list or dict), from its default, found once."""
    return {name: type(PAPERS.default(name)) for name in sorted(PAPERS.json_fields)}


def _check_title(title: object) -> str:
    text = str(title or "").strip()
    if not text:
        raise ValidationError("a paper needs a title", field="title")
    if len(text) > MAX_TITLE_CELLS:
        raise ValidationError(f"the title is too long ({len(text)} characters; at most {MAX_TITLE_CELLS})", field="title")
    return text


class PaperRepo(PaperReads, ChecklistMixin):
    def __init__(self, store: "Store"):
        self.store = store

    # -- the journal ------------------------------------------------------------------------

    @contextmanager
    def _journaled(self, label: str, ids: list[int], tables: set[str] | None = SHALLOW) -> Iterator[tuple["sqlite3.Connection", list[int]]]:
        """One transaction and one undo entry. The body may append new paper ids to the list."""
        with self.store.transaction() as conn:
            before = undo.capture(conn, "papers", ids, tables)
            touched = list(ids)
            yield conn, touched
            after = undo.capture(conn, "papers", touched, tables)
            undo.record(conn, SCOPE, label, before, after)

    def undo(self) -> str | None:
        """Undo the latest pipeline change; its label, or None when there is nothing to undo."""
        with self.store.transaction() as conn:
            return undo.step(conn, SCOPE, "papers", redo=False)

    def redo(self) -> str | None:
        with self.store.transaction() as conn:
            return undo.step(conn, SCOPE, "papers", redo=True)

    def step_with_papers(self, *, redo: bool) -> tuple[str, list[int]] | None:
        """Undo (or redo) the latest pipeline change: its label and the papers it changed
        (for the board to put the focus on), or None when there is nothing to step."""
        with self.store.transaction() as conn:
            ids = undo.next_ids(conn, SCOPE, "papers", redo=redo)
            label = undo.step(conn, SCOPE, "papers", redo=redo)
        return None if label is None else (label, ids)

    def _require(self, conn: "sqlite3.Connection", paper_id: int, expected_version: int | None) -> "sqlite3.Row":
        return versions.require(conn, "papers", paper_id, expected_version, f"paper {paper_id}",
                                missing=f"no paper with id {paper_id}")

    # -- writing ----------------------------------------------------------------------------

    def add(self, title: str, stage: Stage = Stage.IDEATION, **fields: Any) -> Paper:
        """Add a paper at the end of `stage`. `stage_entered_at` (ISO text) backdates it (imports)."""
        title = _check_title(title)
        entered = fields.pop("stage_entered_at", None)
        encoded = _encode(fields)
        now = to_iso(utcnow())
        if entered is not None:
            moment = from_iso(entered) if isinstance(entered, str) else entered
            entered = to_iso(moment)
        with self._journaled(f"add {title!r}", []) as (conn, touched):
            paper_id = insert_paper(conn, title, stage, encoded, now, entered=entered)
            touched.append(paper_id)
        return self.get(paper_id)

    def add_many(self, papers: list[dict[str, Any]], label: str, *, checked: bool = False) -> list[int]:
        """Add papers (each: title, stage and editable fields) in one transaction and one undo
        entry: an import, undone in one step. Every paper is validated before any is written,
        unless `checked`: each paper is a row `validate` returned (an import's plan checks
        every entry, to name each bad one), changed since only in `on_resume` (a preview's
        choice, which no check reads). Checking 10,000 papers twice cost ~25 ms (issue 18)."""
        if not checked:  # every paper checked before any is written
            papers = [self.validate(fields) for fields in papers]
        now = to_iso(utcnow())
        with self.store.transaction() as conn:
            # Each column's end read once, not per paper (10,000 papers: a query each).
            ends = dict(conn.execute("SELECT stage, max(position) FROM papers GROUP BY stage").fetchall())
            # The ids SQLite would give one insert after another (one more than the largest, 1
            # in an empty table), given here so that papers with the same columns (an import's)
            # go in one executemany: ~10 us a paper less than a statement each.
            first_id = conn.execute("SELECT coalesce(max(id), 0) + 1 FROM papers").fetchone()[0]
            touched = list(range(first_id, first_id + len(papers)))
            for names, group in groupby(zip(touched, papers), key=lambda pair: tuple(pair[1])):
                # _paper_row's columns, in one tuple a paper (no dict a paper). Its checklist is
                # read from the templates until its first change (paper_parts.py): copying them
                # cost ~33 us a paper, a third of an import's budget (issue 18).
                names = tuple(name for name in names if name not in ("title", "stage"))
                encoded = PAPERS.values_encoder(names)
                rows = []
                for paper_id, fields in group:
                    stage = fields["stage"]
                    position = ends[stage] = (ends.get(stage) or 0) + 1
                    rows.append((paper_id, fields["title"], stage, position, now, now, now, *encoded(fields), 1))
                insert_rows(conn, "papers", ("id", *_NEW_ROW, *PAPERS.column_names(names), "checklist_from_template"),
                            rows)
            # Each paper's first history row, written by SQLite from the rows just inserted (no
            # Python value a row: 10,000 papers ~25 -> ~9 ms).
            conn.execute("INSERT INTO stage_history(paper_id, from_stage, to_stage, at) "
                         "SELECT id, NULL, stage, ? FROM papers WHERE id BETWEEN ? AND ? ORDER BY id",
                         (now, first_id, first_id + len(papers) - 1))
            # Recorded by id, not copied; undo reads them (and their rows in other tables).
            undo.record_added(conn, SCOPE, label, "papers", touched, SHALLOW)
        return touched

    @staticmethod
    def validate(fields: dict[str, Any]) -> dict[str, Any]:
        """Raise ValidationError if `add_many` would refuse these fields; else the row it would
        write (title and stage first, JSON text read), which `add_many(checked=True)` takes."""
        title = _check_title(fields.get("title", ""))
        stage = fields.get("stage", _FIRST_STAGE)
        # Stage(...) and .value cost ~1 us and ~0.5 us; a str Enum hashes as its value, so a
        # Stage is found too (and its value given: the row holds plain text).
        stage = _STAGE_VALUES[stage] if isinstance(stage, str) and stage in _STAGE_VALUES else Stage(stage).value
        # One dict a paper, title and stage first (10,000 imported papers were copied three
        # times each). Every refusal is raised here; encoding into columns refuses nothing.
        row = {"title": title, "stage": stage, **fields}
        row["title"], row["stage"] = title, stage
        return _checked(row, new_paper=True)

    def update(self, paper_id: int, expected_version: int | None, **fields: Any) -> Paper:
        """Save edited fields; ConflictError if the paper changed since `expected_version`."""
        encoded = _encode(fields)
        with self._journaled("edit", [paper_id]) as (conn, _):
            row = self._require(conn, paper_id, expected_version)
            if encoded:
                encoded.update(user_edited=1, updated_at=to_iso(utcnow()), version=row["version"] + 1)
                assignments = ", ".join(f"{name} = ?" for name in encoded)
                conn.execute(f"UPDATE papers SET {assignments} WHERE id = ?", [*encoded.values(), paper_id])
        return self.get(paper_id)

    def move(self, paper_id: int, stage: Stage, expected_version: int | None = None, **fields: Any) -> Paper:
        """Put the paper at the end of `stage`, recording the move in its history."""
        encoded = _encode(fields)
        current = self.get(paper_id)
        if current.stage is stage and not encoded:
            return current
        with self._journaled(f"move to {stage.label}", [paper_id]) as (conn, _):
            row = self._require(conn, paper_id, expected_version)
            move_paper(conn, row, stage, encoded)
        return self.get(paper_id)

    def reorder(self, paper_id: int, delta: int) -> bool:
        """Move the paper `delta` places up (<0) or down (>0) in its column. False at an end."""
        paper = self.get(paper_id)
        column = [row["id"] for row in self.store.rows(
            "SELECT id FROM papers WHERE stage = ? ORDER BY position, id", (paper.stage.value,))]
        index = column.index(paper_id)
        target = max(0, min(len(column) - 1, index + delta))
        if target == index:
            return False
        return self.place(paper_id, column[target], after=delta > 0)

    def place(self, paper_id: int, neighbour_id: int, *, after: bool, expected_version: int | None = None) -> bool:
        """Put the paper just before or after `neighbour_id` in the neighbour's column."""
        neighbour = self.get(neighbour_id)
        column = [(row["id"], row["position"]) for row in self.store.rows(
            "SELECT id, position FROM papers WHERE stage = ? AND id != ? ORDER BY position, id",
            (neighbour.stage.value, paper_id))]
        index = next(i for i, (pid, _) in enumerate(column) if pid == neighbour_id) + (1 if after else 0)
        low = column[index - 1][1] if index > 0 else (column[0][1] - 1 if column else 0.0)
        high = column[index][1] if index < len(column) else low + 1
        wanted = (low + high) / 2
        renumber = not (low < wanted < high)
        ids = [paper_id, *(pid for pid, _ in column)] if renumber else [paper_id]
        with self._journaled("reorder", ids) as (conn, _):
            row = self._require(conn, paper_id, expected_version)
            if row["stage"] != neighbour.stage.value:
                move_paper(conn, row, neighbour.stage, {})
            if renumber:
                order = [pid for pid, _ in column]
                order.insert(index, paper_id)
                conn.executemany("UPDATE papers SET position = ? WHERE id = ?", [(n + 1.0, pid) for n, pid in enumerate(order)])
            else:
                conn.execute("UPDATE papers SET position = ? WHERE id = ?", (wanted, paper_id))
            conn.execute("UPDATE papers SET version = version + 1 WHERE id = ?", (paper_id,))
        return True

    def delete(self, paper_id: int, expected_version: int | None = None) -> None:
        title = self.get(paper_id).title
        with self._journaled(f"delete {title!r}", [paper_id], tables=None) as (conn, _):
            self._require(conn, paper_id, expected_version)
            conn.execute("DELETE FROM papers WHERE id = ?", (paper_id,))

    # -- submissions ------------------------------------------------------------------------

    def submit(self, paper_id: int, venue_name: str, *, venue_key: str | None = None, year: int | None = None,
               track: str | None = None, submitted_on: str | None = None, notes: str = "",
               cycle: int | None = None, forum_id: str = "", scores: str = "") -> Submission:
        """Record a submission and move the paper to Under review. The paper now targets that
        edition (venue, year, cycle, track): a resubmission retargets it."""
        venue_name = venue_name.strip()
        if not venue_name:
            raise ValidationError("a submission needs a venue", field="venue")
        if year is not None and not (isinstance(year, int) and YEAR_MIN <= year <= YEAR_MAX):
            raise ValidationError(f"year {year!r} is out of range ({YEAR_MIN}-{YEAR_MAX})", field="year")
        if track is not None and track not in TRACKS:
            raise ValidationError(f"unknown track {track!r}; expected one of: {', '.join(TRACKS)}", field="track")
        submitted_on = submitted_on or utcnow().date().isoformat()
        with self._journaled(f"submit to {venue_name}", [paper_id]) as (conn, _):
            row = self._require(conn, paper_id, None)
            cursor = conn.execute(
                "INSERT INTO submissions(paper_id, venue_key, venue_name, year, track, submitted_on, notes, cycle, "
                "forum_id, scores) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (paper_id, venue_key, venue_name, year, track, submitted_on, notes, cycle, forum_id.strip(), scores.strip()),
            )
            submission_id = cursor.lastrowid
            target: dict[str, Any] = {"decision": None, "award": None, "target_year": year, "target_cycle": cycle}
            if venue_key is not None:
                target["venue_key"] = venue_key
            if track is not None:
                target["track"] = track
            move_paper(conn, row, Stage.UNDER_REVIEW, target)
        return next(s for s in self.submissions(paper_id) if s.id == submission_id)

    def decide(self, submission_id: int, decision: str, *, scores: str = "", notes: str | None = None,
               award: str | None = None) -> Paper:
        """Record a decision. Rejected: back to Writing for the next venue; else to Decision
        (with its award, if any: an accepted paper's Oral, Spotlight ...)."""
        decision = decision.strip().lower()
        if decision not in DECISIONS:
            raise ValidationError(f"unknown decision {decision!r}; expected one of: {', '.join(DECISIONS)}", field="decision")
        found = self.store.row("SELECT paper_id, notes FROM submissions WHERE id = ?", (submission_id,))
        if found is None:
            raise NotFound(f"no submission with id {submission_id}")
        paper_id = found["paper_id"]
        with self._journaled(f"decision: {decision}", [paper_id]) as (conn, _):
            row = self._require(conn, paper_id, None)
            conn.execute(
                "UPDATE submissions SET decision = ?, scores = ?, notes = ? WHERE id = ?",
                (decision, scores, found["notes"] if notes is None else notes, submission_id),
            )
            if decision == "rejected":
                move_paper(conn, row, Stage.WRITING, {"decision": None})
            else:
                move_paper(conn, row, Stage.DECISION, {"decision": decision, "award": award})
        return self.get(paper_id)


_STAGE_VALUES = {stage.value: stage.value for stage in Stage}
_FIRST_STAGE = Stage.IDEATION.value
# A new paper's columns before its fields (_paper_row's; add_many's rows list them in this order).
_NEW_ROW = ("title", "stage", "position", "stage_entered_at", "created_at", "updated_at")


def _paper_row(title: str, stage: Stage, encoded: dict[str, Any], now: str, entered: str, position: float) -> dict[str, Any]:
    """A new paper's columns -> values."""
    return {**dict(zip(_NEW_ROW, (title, stage.value, position, entered, now, now))), **encoded}


def insert_paper(conn: "sqlite3.Connection", title: str, stage: Stage, encoded: dict[str, Any], now: str,
                 *, entered: str | None = None, position: int | None = None, parts: bool = True) -> int:
    """Insert a paper at the end of its column (`position`, when the caller knows it), with
    its first history row and checklists (unless `parts` is False: the caller adds them)."""
    entered = entered or now
    if position is None:
        position = conn.execute("SELECT coalesce(max(position), 0) + 1 FROM papers WHERE stage = ?",
                                (stage.value,)).fetchone()[0]
    columns = _paper_row(title, stage, encoded, now, entered, position)
    cursor = conn.execute(
        f"INSERT INTO papers ({', '.join(columns)}) VALUES ({', '.join('?' for _ in columns)})",
        list(columns.values()),
    )
    paper_id = cursor.lastrowid
    if parts:
        conn.execute(
            "INSERT INTO stage_history(paper_id, from_stage, to_stage, at) VALUES (?, NULL, ?, ?)",
            (paper_id, stage.value, entered),
        )
        materialize_checklists(conn, [paper_id])
    return paper_id


def move_paper(conn: "sqlite3.Connection", row: "sqlite3.Row", stage: Stage, encoded: dict[str, Any]) -> None:
    now = to_iso(utcnow())
    changes: dict[str, Any] = {**encoded, "updated_at": now, "version": row["version"] + 1}
    if row["stage"] != stage.value:
        position = conn.execute("SELECT coalesce(max(position), 0) + 1 FROM papers WHERE stage = ?", (stage.value,)).fetchone()[0]
        changes.update(stage=stage.value, position=position, stage_entered_at=now)
        conn.execute(
            "INSERT INTO stage_history(paper_id, from_stage, to_stage, at) VALUES (?, ?, ?, ?)",
            (row["id"], row["stage"], stage.value, now),
        )
    assignments = ", ".join(f"{name} = ?" for name in changes)
    conn.execute(f"UPDATE papers SET {assignments} WHERE id = ?", [*changes.values(), row["id"]])
