"""Bulk loading: many rows in one statement, for imports of large data and the benchmarks.

Per-row repo calls cost a query (and often a read-back) each; at a million reviews that is
minutes. `BulkLoader.insert` takes rows as dicts of column values, checks the columns against
the live schema, and writes them with one `executemany` inside the caller's transaction (or
its own). Validation of meaning stays with the caller: this is a loader, not a repo.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Any

from .errors import ValidationError

if TYPE_CHECKING:
    from .store import Store

# Tables that may be bulk-loaded (names are interpolated into SQL, so only these).
BULK_TABLES = frozenset({
    "papers", "stage_history", "checklist_items", "submissions", "venues", "deadlines",
    "decks", "cards", "reviews", "pitch_sections", "pitch_versions", "rehearsals",
})
CHUNK_ROWS = 20_000


class BulkLoader:
    def __init__(self, store: "Store"):
        self.store = store
        self._columns: dict[str, set[str]] = {}

    def columns(self, table: str) -> set[str]:
        if table not in BULK_TABLES:
            raise ValidationError(f"bulk loading into {table!r} is not supported", field="table")
        if table not in self._columns:
            rows = self.store.rows(f"PRAGMA table_info({table})")
            self._columns[table] = {row["name"] for row in rows}
        return self._columns[table]

    def insert(self, table: str, rows: Iterable[Mapping[str, Any]]) -> int:
        """Insert every row (all with the same columns); returns how many were written."""
        known = self.columns(table)
        written = 0
        with self.store.transaction() as conn:
            chunk: list[tuple[Any, ...]] = []
            names: tuple[str, ...] | None = None
            sql = ""
            for row in rows:
                if names is None:
                    names = tuple(row)
                    unknown = set(names) - known
                    if unknown:
                        raise ValidationError(f"{table} has no column(s) {sorted(unknown)}", field="columns")
                    sql = f"INSERT INTO {table} ({', '.join(names)}) VALUES ({', '.join('?' for _ in names)})"
                elif tuple(row) != names:
                    raise ValidationError(f"every {table} row must have the same columns", field="columns")
                chunk.append(tuple(row.values()))
                if len(chunk) >= CHUNK_ROWS:
                    conn.executemany(sql, chunk)
                    written += len(chunk)
                    chunk.clear()
            if chunk:
                conn.executemany(sql, chunk)
                written += len(chunk)
        return written

    def next_id(self, table: str) -> int:
        """The id the next inserted row will get when ids are not given (empty table: 1)."""
        self.columns(table)
        return (self.store.scalar(f"SELECT coalesce(max(id), 0) FROM {table}") or 0) + 1
