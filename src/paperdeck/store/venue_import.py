"""Applying a planned deadline import (usecases/imports/deadlines.py) to the venues aggregate.

A deadline is known by its uid (venue, edition, kind, ordinal), so the same event from
another tracker or a second import is the same row. The plan says what to add and update;
this writes it in one transaction with one undo entry (scope 'venues').
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from ..models.common import to_iso, utcnow
from ..models.imports import Action, PlanItem
from ..models.venues import Deadline
from . import undo
from .venues import SCOPE

if TYPE_CHECKING:
    from .store import Store

_DEADLINE_COLUMNS = ("edition_year", "kind", "label", "at_utc", "on_date", "tz_label", "note", "source")


def stored_deadlines(store: "Store") -> dict[str, Deadline]:
    """Every stored deadline by uid (what a plan compares a file against)."""
    from .tables import DEADLINES

    rows = store.rows("SELECT d.*, v.key AS venue_key, v.name AS venue_name FROM deadlines d "
                      "JOIN venues v ON v.id = d.venue_id")
    return {row["uid"]: DEADLINES.from_row(row) for row in rows}


def free_venue_key(store: "Store", key: str, taken: Iterable[str] = ()) -> str:
    """`key`, or `key-2`, `key-3` ... : the first not in the database nor in `taken`."""
    taken = set(taken)
    candidate, number = key, 2
    while candidate in taken or store.row("SELECT 1 FROM venues WHERE key = ?", (candidate,)):
        candidate, number = f"{key}-{number}", number + 1
    return candidate


def apply_deadline_plan(store: "Store", items: Iterable[PlanItem], label: str) -> None:
    """Add the plan's new venues and deadlines and update the changed ones; nothing else."""
    now = to_iso(utcnow())
    items = list(items)
    with store.transaction() as conn:
        journal = undo.RowJournal(conn, SCOPE, label, ["venues", "deadlines"])
        for item in items:
            if item.kind == "venue" and item.action is Action.ADD:
                values = item.values
                cursor = conn.execute(
                    "INSERT INTO venues (key, name, full_name, updated_at) VALUES (?, ?, ?, ?)",
                    (values["key"], values["name"], str(values.get("full_name") or "")[:2000], now),
                )
                journal.added("venues", cursor.lastrowid)
        for item in items:
            if item.kind != "deadline" or item.action not in (Action.ADD, Action.UPDATE):
                continue
            values = item.values
            row = tuple(values[column] for column in _DEADLINE_COLUMNS)
            if item.action is Action.ADD:
                venue_id = conn.execute("SELECT id FROM venues WHERE key = ?", (values["venue_key"],)).fetchone()[0]
                cursor = conn.execute(
                    "INSERT INTO deadlines (venue_id, edition_year, kind, label, at_utc, on_date, tz_label, note, "
                    "source, uid, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    (venue_id, *row, values["uid"], now),
                )
                journal.added("deadlines", cursor.lastrowid)
            else:
                # By uid: a later file of the same import may update a deadline an earlier one added.
                deadline_id = conn.execute("SELECT id FROM deadlines WHERE uid = ?", (values["uid"],)).fetchone()[0]
                journal.changing("deadlines", deadline_id)
                conn.execute(
                    "UPDATE deadlines SET edition_year = ?, kind = ?, label = ?, at_utc = ?, on_date = ?, "
                    "tz_label = ?, note = ?, source = ?, user_edited = 0, version = version + 1, updated_at = ? WHERE id = ?",
                    (*row, now, deadline_id),
                )
        journal.record()
