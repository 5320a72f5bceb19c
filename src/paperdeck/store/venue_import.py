"""Applying parsed tracker deadlines to the venues aggregate (part of the VenueRepo).

A deadline is known by its uid (venue, edition, kind, ordinal), so the same event from
another tracker or a second import is the same row. Importing twice changes nothing; a newer
file updates dates; a row the user edited keeps the user's values unless `force`.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from datetime import timedelta
from typing import TYPE_CHECKING

from ..models.common import from_iso, to_iso, utcnow
from ..models.venues import ImportSummary, ParsedDeadline, deadline_uid

if TYPE_CHECKING:
    import sqlite3

    from .store import Store

# Two trackers write one moment differently ("2026-05-07 11:59:00 UTC+0" and
# "2026-05-06 23:59:59 AoE"): instants this close are the same deadline, not an update.
SAME_MOMENT = timedelta(seconds=60)


def apply_import(
    store: "Store", deadlines: Iterable[ParsedDeadline], full_names: dict[str, str] | None = None,
    *, force: bool = False,
) -> ImportSummary:
    from .venues import slug

    summary = ImportSummary()
    full_names = full_names or {}
    now = to_iso(utcnow())
    with store.transaction() as conn:
        venue_ids: dict[str, tuple[int, str]] = {}
        for parsed in deadlines:
            name = parsed.venue_name
            if name not in venue_ids:
                found = _find_venue(conn, name)
                if found is None:
                    key = _free_key(conn, slug(name) or "venue")
                    cursor = conn.execute(
                        "INSERT INTO venues (key, name, full_name, updated_at) VALUES (?, ?, ?, ?)",
                        (key, name, full_names.get(name, "")[:2000], now),
                    )
                    found = (cursor.lastrowid, key)
                    summary.venues_added += 1
                venue_ids[name] = found
            venue_id, venue_key = venue_ids[name]
            _apply_one(conn, summary, venue_id, venue_key, parsed, force, now)
    return summary


def _find_venue(conn: "sqlite3.Connection", name: str) -> tuple[int, str] | None:
    """By key, name, the key the name would get ("ECML/PKDD" is "ecml-pkdd"), or an alias."""
    from .venues import slug

    row = conn.execute(
        "SELECT id, key FROM venues WHERE key = ? COLLATE NOCASE OR name = ? COLLATE NOCASE OR key = ? "
        "ORDER BY key = ? COLLATE NOCASE DESC LIMIT 1", (name, name, slug(name), name),
    ).fetchone()
    if row is not None:
        return row["id"], row["key"]
    lowered = name.lower()
    for row in conn.execute("SELECT id, key, aliases FROM venues WHERE aliases != '[]'"):
        if lowered in (alias.lower() for alias in json.loads(row["aliases"])):
            return row["id"], row["key"]
    return None


def _free_key(conn: "sqlite3.Connection", key: str) -> str:
    candidate, number = key, 2
    while conn.execute("SELECT 1 FROM venues WHERE key = ?", (candidate,)).fetchone():
        candidate, number = f"{key}-{number}", number + 1
    return candidate


def _apply_one(
    conn: "sqlite3.Connection", summary: ImportSummary, venue_id: int, venue_key: str,
    parsed: ParsedDeadline, force: bool, now: str,
) -> None:
    uid = deadline_uid(venue_key, parsed.edition_year, parsed.kind, parsed.ordinal)
    at_utc = to_iso(parsed.at) if parsed.at is not None else None
    on_date = parsed.on_date.isoformat() if parsed.on_date is not None else None
    row = conn.execute("SELECT * FROM deadlines WHERE uid = ?", (uid,)).fetchone()
    values = (parsed.edition_year, parsed.kind.value, parsed.label[:2000], at_utc, on_date,
              parsed.tz_label[:100], parsed.note[:2000], parsed.source[:200])
    if row is None:
        conn.execute(
            "INSERT INTO deadlines (venue_id, edition_year, kind, label, at_utc, on_date, tz_label, note, "
            "source, uid, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (venue_id, *values, uid, now),
        )
        summary.added += 1
        return
    if _same_moment(row, at_utc, on_date):
        summary.unchanged += 1
        return
    if row["user_edited"] and not force:
        summary.kept_edits += 1
        return
    conn.execute(
        "UPDATE deadlines SET edition_year = ?, kind = ?, label = ?, at_utc = ?, on_date = ?, tz_label = ?, "
        "note = ?, source = ?, user_edited = 0, updated_at = ? WHERE id = ?",
        (*values, now, row["id"]),
    )
    summary.updated += 1


def _same_moment(row: "sqlite3.Row", at_utc: str | None, on_date: str | None) -> bool:
    if on_date is not None or row["on_date"] is not None:
        return row["on_date"] == on_date and row["at_utc"] is None and at_utc is None
    stored, incoming = from_iso(row["at_utc"]), from_iso(at_utc)
    return stored is not None and incoming is not None and abs(stored - incoming) <= SAME_MOMENT
