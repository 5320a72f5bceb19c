"""Applying a planned deadline import (usecases/imports/deadlines.py) to the venues aggregate.

A deadline is known by its uid (venue, edition, kind, ordinal), so the same event from
another tracker or a second import is the same row. The plan says what to add and update;
this writes it in one transaction with one undo entry (scope 'venues').
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from operator import itemgetter
from typing import TYPE_CHECKING

from ..models.common import to_iso, utcnow
from ..models.imports import Action, PlanItem
from ..models.venues import Deadline
from . import undo
from .venues import SCOPE

if TYPE_CHECKING:
    from .store import Store

_DEADLINE_COLUMNS = ("edition_year", "kind", "label", "at_utc", "on_date", "tz_label", "note", "source", "field_sources")
_deadline_values = itemgetter(*_DEADLINE_COLUMNS)  # a plan item's values in _DEADLINE_COLUMNS' order


def stored_deadlines(store: "Store") -> dict[str, Deadline]:
    """Every stored deadline by uid (what a plan compares a file against); an invalid row is
    left out (an import adds its uid again as a new, valid one: see apply)."""
    from .venues import deadline_from_row

    rows = store.rows("SELECT d.*, v.key AS venue_key, v.name AS venue_name FROM deadlines d "
                      "JOIN venues v ON v.id = d.venue_id")
    return {deadline.uid: deadline for deadline in map(deadline_from_row, rows) if not deadline.invalid}


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
            values = item.values
            if item.kind == "venue" and item.action is Action.ADD:
                cursor = conn.execute(
                    "INSERT INTO venues (key, name, full_name, field_sources, updated_at) VALUES (?, ?, ?, ?, ?)",
                    (values["key"], values["name"], str(values.get("full_name") or "")[:2000],
                     values.get("field_sources", "{}"), now),
                )
                journal.added("venues", cursor.lastrowid)
            elif item.kind == "venue" and item.action is Action.UPDATE:
                venue_id = conn.execute("SELECT id FROM venues WHERE key = ?", (values["key"],)).fetchone()[0]
                journal.changing("venues", venue_id)
                sources = json.loads(conn.execute("SELECT field_sources FROM venues WHERE id = ?",
                                                  (venue_id,)).fetchone()[0] or "{}")
                sources.update(json.loads(str(values.get("field_sources") or "{}")))
                conn.execute("UPDATE venues SET full_name = ?, field_sources = ?, updated_at = ? WHERE id = ?",
                             (values["full_name"], json.dumps(sources), now, venue_id))
        # Looked up once, not per row (30,000 rows: two queries each): every uid and venue id,
        # kept current as rows are added below.
        by_uid = {uid: (row_id,) for uid, row_id in conn.execute("SELECT uid, id FROM deadlines")}
        venue_ids = dict(conn.execute("SELECT key, id FROM venues"))
        # New rows first, in one executemany (30,000 single INSERTs cost twice as much), then
        # the updates in the plan's order: an update may name a row this import added.
        inserts: list[tuple] = []
        updates: list[dict] = []
        for item in items:
            if item.kind != "deadline" or item.action not in (Action.ADD, Action.UPDATE):
                continue
            values = item.values
            # An invalid stored row (a date out of range) with this uid is replaced, not duplicated.
            if item.action is Action.ADD and values["uid"] not in by_uid:
                by_uid[values["uid"]] = None  # added below; a later item with this uid updates it
                inserts.append((venue_ids[values["venue_key"]], *_deadline_values(values), values["uid"], now))
            else:
                updates.append(values)
        if inserts:
            before = conn.execute("SELECT coalesce(max(id), 0) FROM deadlines").fetchone()[0]
            conn.executemany(
                "INSERT INTO deadlines (venue_id, edition_year, kind, label, at_utc, on_date, tz_label, note, "
                "source, field_sources, uid, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", inserts)
            added = dict(conn.execute("SELECT uid, id FROM deadlines WHERE id > ?", (before,)))
            if len(added) != len(inserts):  # rowids not above the old maximum: look each one up
                added = {row[10]: conn.execute("SELECT id FROM deadlines WHERE uid = ?", (row[10],)).fetchone()[0]
                         for row in inserts}
            journal.added_all("deadlines", added.values())
            if updates:  # only they look rows up by uid
                by_uid.update((uid, (row_id,)) for uid, row_id in added.items())
        for values in updates:
            # By uid: a later file of the same import may update a deadline an earlier one added.
            deadline_id = by_uid[values["uid"]][0]
            journal.changing("deadlines", deadline_id)
            conn.execute(
                "UPDATE deadlines SET edition_year = ?, kind = ?, label = ?, at_utc = ?, on_date = ?, "
                "tz_label = ?, note = ?, source = ?, field_sources = ?, user_edited = 0, version = version + 1, "
                "updated_at = ? WHERE id = ?",
                (*_deadline_values(values), now, deadline_id),
            )
        journal.record()
