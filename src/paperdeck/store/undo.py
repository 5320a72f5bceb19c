"""The undo journal: each user change stored as the rows before and after it, as JSON.

Because the journal lives in the database (`undo_log`), undo and redo survive a restart and
see changes made by the CLI. Rows are captured per paper: the paper, the rows that point at
it (stage history, checklists, submissions, ...) and, for a delete, everything that cascades
from it (decks, cards, reviews, pitch text), found from the schema's foreign keys.

Rows a change added (an import: 10,000 papers with 290,000 checklist rows) are recorded by id
with a digest of their contents, not copied (`Added`): undo reads them when it runs, refuses
if the digest no longer matches (they were changed since), and then stores them in full, so
redo has them once they are deleted.
"""

from __future__ import annotations

import hashlib
import json
import marshal
import sqlite3
from collections.abc import Iterable
from typing import Any

from ..models.common import to_iso, utcnow
from .errors import ConflictError

Snapshot = dict[str, list[dict[str, Any]]]
MAX_ENTRIES_PER_SCOPE = 500


_CHILDREN_CACHE: dict[tuple[str, int], list[tuple[str, str]]] = {}


def _children(conn: sqlite3.Connection, parent: str) -> list[tuple[str, str]]:
    """(table, column) pairs whose foreign key references `parent`(id), cached per schema."""
    cache_key = (parent, conn.execute("PRAGMA schema_version").fetchone()[0])
    if cache_key not in _CHILDREN_CACHE:
        found = []
        tables = [row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")]
        for table in tables:
            for fk in conn.execute(f"PRAGMA foreign_key_list({table})").fetchall():
                if fk[2] == parent and fk[4] in (None, "id"):
                    found.append((table, fk[3]))
        _CHILDREN_CACHE[cache_key] = found
    return _CHILDREN_CACHE[cache_key]


def capture(conn: sqlite3.Connection, root: str, ids: list[int], tables: set[str] | None = None) -> Snapshot:
    """The rows of `root` with these ids and of the tables that reference them, parent-first.

    tables=None follows every foreign key down (what a delete takes with it); otherwise only
    the named tables are read. Every table visited is listed, even when it has no rows.
    """
    snapshot: Snapshot = {}

    def walk(table: str, column: str, keys: list[int]) -> None:
        rows: list[dict[str, Any]] = []
        if keys:
            marks = ", ".join("?" for _ in keys)
            rows = [dict(row) for row in conn.execute(f"SELECT * FROM {table} WHERE {column} IN ({marks}) ORDER BY id", keys)]
        snapshot.setdefault(table, []).extend(rows)
        for child, child_column in _children(conn, table):
            if child != table and (tables is None or child in tables):
                walk(child, child_column, [row["id"] for row in rows])

    walk(root, "id", list(ids))
    return snapshot


def capture_rows(conn: sqlite3.Connection, ids: dict[str, list[int]]) -> Snapshot:
    """The rows with these ids, table by table, in the order given (parents first)."""
    snapshot: Snapshot = {}
    for table, keys in ids.items():
        rows: list[dict[str, Any]] = []
        for start in range(0, len(keys), 500):
            part = keys[start:start + 500]
            marks = ", ".join("?" for _ in part)
            rows += [dict(row) for row in conn.execute(f"SELECT * FROM {table} WHERE id IN ({marks}) ORDER BY id", part)]
        snapshot[table] = rows
    return snapshot


class RowJournal:
    """One undo entry for a change to named rows across tables (an import, a delete).

    Call `changing` before a row is updated or deleted (its old values are kept) and `added`
    after a row is inserted; `record` stores the entry. Undo (`step` with root=None) puts the
    rows back exactly, or refuses if any of them was changed since.
    """

    def __init__(self, conn: sqlite3.Connection, scope: str, label: str, tables: list[str]):
        self.conn, self.scope, self.label = conn, scope, label
        self.before: Snapshot = {table: [] for table in tables}   # parents first
        self.ids: dict[str, set[int]] = {table: set() for table in tables}

    def changing(self, table: str, row_id: int) -> None:
        if row_id not in self.ids[table]:
            self.before[table] += capture_rows(self.conn, {table: [row_id]})[table]
            self.ids[table].add(row_id)

    def added(self, table: str, row_id: int) -> None:
        self.ids[table].add(row_id)

    def added_all(self, table: str, row_ids: Iterable[int]) -> None:
        self.ids[table].update(row_ids)

    def record(self) -> None:
        if any(self.ids.values()):
            after: Snapshot = {}
            for table, ids in self.ids.items():
                known = {row["id"] for row in self.before[table]}
                rows = capture_rows(self.conn, {table: sorted(known)})[table]
                added = sorted(ids - known)
                after[table] = Added(self.conn, table, added, rows=rows).recorded() if added else rows
            record(self.conn, self.scope, self.label, self.before, after)


# -- rows recorded by id ---------------------------------------------------------------------

# How an entry's added rows are written out for their digest. "json-array": SQLite writes each
# row as a JSON array (json_array, in C: no Python object a value) and hands it back as bytes;
# 10,000 imported papers in ~45 ms, ~80 ms as "marshal-2" (each value a Python object, then
# marshalled), ~150 ms as their repr (issue 18). json_array keeps 15 digits of a real, so a
# real is written as quote() writes it (every digit it needs); it cannot hold a blob, which no
# STRICT table of ours holds. Entries recorded before keep their way ("marshal-2": version 2,
# no references, the same bytes for the same values): their undo still matches.
DIGEST_OF = "json-array"
_FETCHED_ROWS_WRITTEN = {
    "marshal-2": lambda rows: marshal.dumps(rows, 2),
    "repr": lambda rows: repr(rows).encode(),
}
_DIGESTS_OF = (DIGEST_OF, *_FETCHED_ROWS_WRITTEN)


class Added:
    """Rows a change inserted, kept in the journal as their ids and a digest of their contents.

    `tree`: the tables whose rows point at them (as `capture` follows them) are read at undo
    too, unchecked, as a root-journaled change's children are. `rows`: rows of the same table
    recorded in full (changed, not added), kept beside them.
    """

    KEY = "added_ids"

    def __init__(self, conn: sqlite3.Connection, table: str, ids: list[int], *,
                 tree: set[str] | None = None, rows: list[dict[str, Any]] | None = None):
        self.conn, self.table, self.ids, self.tree, self.rows = conn, table, ids, tree, rows or []

    def recorded(self) -> dict[str, Any]:
        entry: dict[str, Any] = {self.KEY: _ranges(self.ids), "digest": self.digest(), "digest_of": DIGEST_OF,
                                 "rows": self.rows}
        if self.tree is not None:
            entry["tree"] = sorted(self.tree)
        return entry

    def digest(self, of: str = DIGEST_OF) -> str:
        """Of the rows' compared columns (not their version or update time), in id order; a
        missing row changes it too. `of`: how the rows are written out to be hashed, as the
        entry recorded it (an entry from before "digest_of" was written hashed their repr)."""
        columns = _compared_columns(self.conn, self.table)
        digest = hashlib.sha256()
        cursor = self.conn.cursor()
        cursor.row_factory = None  # plain tuples
        if of == DIGEST_OF:
            real_safe = ", ".join(f"CASE typeof({name}) WHEN 'real' THEN quote({name}) ELSE {name} END"
                                  if declared != "TEXT" else name for name, declared in columns)
            query = f"SELECT CAST(json_array({real_safe}) AS BLOB) FROM {self.table} WHERE id BETWEEN ? AND ? ORDER BY id"
            for first, last in _ranges(self.ids):  # an import's ids: mostly one run
                digest.update(b"\n".join([row[0] for row in cursor.execute(query, (first, last))]))
                digest.update(b"\n")
            return digest.hexdigest()
        written = _FETCHED_ROWS_WRITTEN[of]
        names = ", ".join(name for name, _declared in columns)
        for first, last in _ranges(self.ids):
            rows = cursor.execute(f"SELECT {names} FROM {self.table} WHERE id BETWEEN ? AND ? ORDER BY id",
                                  (first, last)).fetchall()
            digest.update(written(rows))
        return digest.hexdigest()


def _compared_columns(conn: sqlite3.Connection, table: str) -> list[tuple[str, str]]:
    """(name, declared type in capitals) of the columns a digest covers."""
    return [(row[1], row[2].upper()) for row in conn.execute(f"PRAGMA table_info({table})")
            if row[1] not in _BOOKKEEPING]


def _ranges(ids: list[int]) -> list[list[int]]:
    """Sorted ids as [first, last] runs: an import's ids are mostly one run."""
    runs: list[list[int]] = []
    for row_id in ids:
        if runs and runs[-1][1] == row_id - 1:
            runs[-1][1] = row_id
        else:
            runs.append([row_id, row_id])
    return runs


def _is_added(value: Any) -> bool:
    return isinstance(value, dict) and Added.KEY in value


def _added_ids(value: dict[str, Any]) -> list[int]:
    return [row_id for first, last in value[Added.KEY] for row_id in range(first, last + 1)]


def _ids_of(snapshot: dict[str, Any], table: str) -> list[int]:
    value = snapshot.get(table, [])
    if _is_added(value):
        return [row["id"] for row in value["rows"]] + _added_ids(value)
    return [row["id"] for row in value]


def _read_added(conn: sqlite3.Connection, snapshot: dict[str, Any]) -> tuple[Snapshot, set[str]]:
    """The snapshot with its rows recorded by id read in full from the database now, and the
    tables whose recorded digest no longer matches (their rows were changed since)."""
    full: Snapshot = {}
    changed: set[str] = set()
    for table, value in snapshot.items():
        if not _is_added(value):
            full.setdefault(table, []).extend(value)
            continue
        ids = _added_ids(value)
        if not _digest_matches(Added(conn, table, ids), value):
            changed.add(table)
        if "tree" in value:
            read = capture(conn, table, ids, set(value["tree"]))
        else:
            read = capture_rows(conn, {table: ids})
        for name, rows in read.items():
            merged = full.setdefault(name, [])
            if name == table:
                merged.extend(value["rows"])
            merged.extend(rows)
            merged.sort(key=lambda row: row["id"])
    return full, changed


def _digest_matches(added: Added, recorded: dict[str, Any]) -> bool:
    """Whether the rows still have the digest recorded, written out the way it was."""
    written = recorded.get("digest_of", "repr")
    return written in _DIGESTS_OF and added.digest(written) == recorded["digest"]


def journal_delete(conn: sqlite3.Connection, scope: str, label: str, table: str, ids: list[int]) -> None:
    """Delete these rows of `table` and everything that cascades from them, as one undo entry
    of `scope`: undo puts every row back exactly (a card with its reviews, a venue with its
    deadlines), or refuses if one of them was made again since."""
    before = capture(conn, table, ids)
    marks = ", ".join("?" for _ in ids)
    conn.execute(f"DELETE FROM {table} WHERE id IN ({marks})", ids)
    record(conn, scope, label, before, {name: [] for name in before})


def _upsert(conn: sqlite3.Connection, table: str, row: dict[str, Any]) -> None:
    columns = list(row)
    updates = ", ".join(f"{column} = excluded.{column}" for column in columns if column != "id")
    conn.execute(
        f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({', '.join('?' for _ in columns)}) "
        f"ON CONFLICT(id) DO UPDATE SET {updates}",
        [row[column] for column in columns],
    )


def restore(conn: sqlite3.Connection, root: str, current: Snapshot, target: Snapshot) -> None:
    """Make the captured rows equal `target`: delete what target lacks, upsert the rest.

    Tables are listed parent-first in a snapshot (capture walks down the keys), so deletes run
    children-first and inserts parent-first.
    """
    tables = list(dict.fromkeys([*current, *target]))
    for table in reversed(tables):
        keep = {row["id"] for row in target.get(table, [])}
        for row in current.get(table, []):
            if row["id"] not in keep:
                conn.execute(f"DELETE FROM {table} WHERE id = ?", (row["id"],))
    for table in tables:
        for row in target.get(table, []):
            _upsert(conn, table, row)


def record(conn: sqlite3.Connection, scope: str, label: str, before: Snapshot, after: Snapshot) -> None:
    """Journal one change; a new change drops the redo stack, and the oldest entries go."""
    conn.execute("DELETE FROM undo_log WHERE scope = ? AND undone = 1", (scope,))
    conn.execute(
        "INSERT INTO undo_log(scope, label, before, after, undone, at) VALUES (?, ?, ?, ?, 0, ?)",
        (scope, label, json.dumps(before, ensure_ascii=False), json.dumps(after, ensure_ascii=False), to_iso(utcnow())),
    )
    conn.execute(
        "DELETE FROM undo_log WHERE scope = ? AND id <= "
        "(SELECT id FROM undo_log WHERE scope = ? ORDER BY id DESC LIMIT 1 OFFSET ?)",
        (scope, scope, MAX_ENTRIES_PER_SCOPE),
    )


# Bookkeeping columns: an undo gives the row a fresh version, so they are not compared.
_BOOKKEEPING = {"version", "updated_at"}


def _contents(snapshot: Snapshot, root: str) -> dict[int, dict[str, Any]]:
    return {row["id"]: {k: v for k, v in row.items() if k not in _BOOKKEEPING} for row in snapshot.get(root, [])}


def _versions(snapshot: Snapshot, root: str) -> dict[int, int | None]:
    return {row["id"]: row.get("version") for row in snapshot.get(root, [])}


def latest(conn: sqlite3.Connection, scope: str, *, redo: bool = False) -> sqlite3.Row | None:
    """The entry an undo (or redo) of `scope` would apply next, or None."""
    if redo:
        return conn.execute("SELECT * FROM undo_log WHERE scope = ? AND undone = 1 ORDER BY id LIMIT 1", (scope,)).fetchone()
    return conn.execute("SELECT * FROM undo_log WHERE scope = ? AND undone = 0 ORDER BY id DESC LIMIT 1", (scope,)).fetchone()


def next_ids(conn: sqlite3.Connection, scope: str, root: str, *, redo: bool) -> list[int]:
    """The `root` rows (ids) the next undo (or redo) of `scope` would change."""
    entry = latest(conn, scope, redo=redo)
    if entry is None:
        return []
    before, after = json.loads(entry["before"]), json.loads(entry["after"])
    return sorted({*_ids_of(before, root), *_ids_of(after, root)})


def _load(conn: sqlite3.Connection, entry: sqlite3.Row) -> tuple[Snapshot, Snapshot, set[str], bool]:
    """An entry's (before, after), rows recorded by id read in full; the tables whose rows
    recorded by id were changed since; whether there were any (then both sides are stored
    again, in full, when the entry is applied)."""
    before, after = json.loads(entry["before"]), json.loads(entry["after"])
    by_id = any(_is_added(value) for value in [*before.values(), *after.values()])
    if not by_id:
        return before, after, set(), False
    before, changed_before = _read_added(conn, before)
    after, changed_after = _read_added(conn, after)
    return before, after, changed_before | changed_after, True


def step(conn: sqlite3.Connection, scope: str, root: str | None, *, redo: bool) -> str | None:
    """Undo (or redo) the latest (or next) change of `scope`. Returns its label, None if none.

    With a `root` table (the pipeline: papers), the change applies only if the root rows
    still look as the change left them; with root=None (a RowJournal entry), every row the
    entry names must. Otherwise something else edited them since and ConflictError is raised.
    Restored rows get a fresh version so that stale forms cannot overwrite them.
    """
    if root is None:
        return _step_rows(conn, scope, redo=redo)
    entry = latest(conn, scope, redo=redo)
    if entry is None:
        return None
    before, after, changed, by_id = _load(conn, entry)
    source, target = (before, after) if redo else (after, before)
    ids = sorted({*_versions(before, root), *_versions(after, root)})
    current = capture(conn, root, ids, {*before, *after})
    if root in changed or _contents(current, root) != _contents(source, root):
        raise ConflictError(f"cannot {'redo' if redo else 'undo'} {entry['label']!r}: the paper was changed since")
    _freshen(current, target, [root])
    restore(conn, root, current, target)
    _mark(conn, entry, target, redo=redo, source=source if by_id else None)
    return entry["label"]


def _step_rows(conn: sqlite3.Connection, scope: str, *, redo: bool) -> str | None:
    entry = latest(conn, scope, redo=redo)
    if entry is None:
        return None
    before, after, changed_by_id, by_id = _load(conn, entry)
    source, target = (before, after) if redo else (after, before)
    tables = list(dict.fromkeys([*before, *after]))
    ids = {table: sorted({row["id"] for row in [*before.get(table, []), *after.get(table, [])]}) for table in tables}
    current = capture_rows(conn, ids)
    changed = [table for table in tables
               if table in changed_by_id or _contents(current, table) != _contents(source, table)]
    if changed:
        raise ConflictError(f"cannot {'redo' if redo else 'undo'} {entry['label']!r}: "
                            f"some of its {', '.join(changed)} were changed since")
    _freshen(current, target, tables)
    restore(conn, "", current, target)
    _mark(conn, entry, target, redo=redo, source=source if by_id else None)
    return entry["label"]


def _freshen(current: Snapshot, target: Snapshot, tables: list[str]) -> None:
    """Give restored rows a version above any seen, so a form opened before cannot overwrite them."""
    for table in tables:
        fresh = max([0, *(v or 0 for v in _versions(current, table).values()),
                     *(v or 0 for v in _versions(target, table).values())]) + 1
        for row in target.get(table, []):
            if "version" in row:
                row["version"] = fresh


def _mark(conn: sqlite3.Connection, entry: sqlite3.Row, target: Snapshot, *, redo: bool,
          source: Snapshot | None = None) -> None:
    """The entry is now undone (or redone); `target` holds the rows' fresh versions. `source`:
    the other side read in full (rows recorded by id), stored so that it outlives the rows."""
    column, other = ("after", "before") if redo else ("before", "after")
    values: list[Any] = [0 if redo else 1, json.dumps(target, ensure_ascii=False)]
    assignments = f"undone = ?, {column} = ?"
    if source is not None:
        assignments += f", {other} = ?"
        values.append(json.dumps(source, ensure_ascii=False))
    conn.execute(f"UPDATE undo_log SET {assignments} WHERE id = ?", (*values, entry["id"]))


def record_added(conn: sqlite3.Connection, scope: str, label: str, root: str, ids: list[int],
                 tables: set[str]) -> None:
    """Journal a change that only added `root` rows (and their rows in `tables`, as `capture`
    follows them): recorded by id, read back at undo."""
    before = capture(conn, root, [], tables)
    after = {root: Added(conn, root, sorted(ids), tree=tables).recorded()}
    record(conn, scope, label, before, after)


# The root table of a scope journaled by root (see `step`); other scopes journal named rows.
SCOPE_ROOTS = {"pipeline": "papers"}


def undo_latest_labelled(conn: sqlite3.Connection, prefix: str) -> str | None:
    """Undo the latest change, in any scope, whose label starts with `prefix` (an import).

    It must be the latest change of its scope: undo is a stack, so a later change to the
    same scope has to be undone first (ConflictError says which). None if there is none.
    """
    found = conn.execute(
        "SELECT id, scope, label FROM undo_log WHERE undone = 0 AND substr(label, 1, ?) = ? ORDER BY id DESC LIMIT 1",
        (len(prefix), prefix),
    ).fetchone()
    if found is None:
        return None
    top = latest(conn, found["scope"])
    if top is not None and top["id"] != found["id"]:
        raise ConflictError(f"cannot undo {found['label']!r}: a later change ({top['label']!r}) comes after it; undo that first")
    return step(conn, found["scope"], SCOPE_ROOTS.get(found["scope"]), redo=False)
