"""The one version check for every user-authored row (paper, pitch part, card, venue, deadline).

A screen keeps the `version` of what it shows; its save passes that version back as
`expected`. Inside the save's transaction `require` re-reads the row: gone -> NotFound
(Deleted says so), moved on -> ConflictError carrying the stored row, so the screen can show
the other side's text and let the user keep mine / take theirs / keep both. expected=None
saves over whatever is stored (the user chose "keep mine").
"""

from __future__ import annotations

import sqlite3
from typing import Any

from .errors import ConflictError, NotFound

# Tables that carry a `version` column bumped by every write of user text.
VERSIONED = frozenset({"papers", "pitch_sections", "cards", "venues", "deadlines"})


def require(conn: sqlite3.Connection, table: str, row_id: int, expected: int | None, what: str,
            *, missing: str | None = None) -> sqlite3.Row:
    """The stored row, checked against the version the caller last saw (None: no check)."""
    assert table in VERSIONED, table
    row = conn.execute(f"SELECT * FROM {table} WHERE id = ?", (row_id,)).fetchone()
    if row is None:
        raise NotFound(missing or f"{what} was deleted elsewhere")
    if expected is not None and row["version"] != expected:
        raise ConflictError(
            f"{what} was changed elsewhere (version {row['version']}, you had {expected})",
            current_version=row["version"], theirs=dict(row),
        )
    return row


def bump(conn: sqlite3.Connection, table: str, row_id: int) -> int:
    """Give the row its next version; returns it."""
    assert table in VERSIONED, table
    conn.execute(f"UPDATE {table} SET version = version + 1 WHERE id = ?", (row_id,))
    return int(conn.execute(f"SELECT version FROM {table} WHERE id = ?", (row_id,)).fetchone()[0])


def theirs(error: ConflictError) -> dict[str, Any]:
    """The stored row a conflict found ({} when the error came without one)."""
    return dict(error.theirs or {})
