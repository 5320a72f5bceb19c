"""Schema drift: a database whose tables were changed by hand (a column dropped or renamed, a
table or index gone, a required column added) is refused at open with one line naming what
differs, instead of a traceback at the first query that meets it.

The expected schema is what the migrations up to the file's version make, built in memory
(~10 ms), and checked before any migration or write. A schema found sound has its digest
remembered in the file (`database_identity.schema_digest`): while the schema text hashes to
it, the check is one query. When the
file's schema text is exactly that, the check ends there; otherwise tables, columns, indexes
and triggers are compared by name (a file created by an older release may word its CREATE
statements differently and still be sound). Extra tables, extra columns that may be left empty
and extra indexes are the user's business and not reported.
"""

from __future__ import annotations

import hashlib
import sqlite3
from dataclasses import dataclass
from functools import lru_cache

from .migrate import MIGRATIONS, migration_sql

SHOWN_PROBLEMS = 3


@dataclass(frozen=True, slots=True)
class Column:
    """What an INSERT must know of a column."""

    required: bool  # NOT NULL without a default (and not the row id): an INSERT must fill it


@dataclass(frozen=True, slots=True)
class Schema:
    """A database's schema as compared with the expected one."""

    text: frozenset[tuple[str, str, str]]        # (type, name, sql) of every object
    tables: dict[str, dict[str, Column]]
    others: frozenset[tuple[str, str]]           # (type, name) of indexes and triggers


def read_schema(conn: sqlite3.Connection) -> Schema:
    objects = _objects(conn)
    text = frozenset((kind, name, sql) for kind, name, _, sql in objects)
    tables: dict[str, dict[str, Column]] = {}
    for kind, name, _, _ in objects:
        if kind == "table":
            tables[name] = {
                row[1]: Column(required=bool(row[3]) and row[4] is None and not row[5])
                for row in conn.execute("SELECT * FROM pragma_table_info(?)", (name,))
            }
    others = frozenset((kind, name) for kind, name, _, _ in objects if kind in ("index", "trigger"))
    return Schema(text, tables, others)


@lru_cache(maxsize=2)
def expected_schema(version: int) -> Schema:
    """The schema the migrations up to `version` make."""
    conn = sqlite3.connect(":memory:")
    try:
        for number, name in MIGRATIONS:
            if number > version:
                break
            conn.executescript(migration_sql(name))
        return read_schema(conn)
    finally:
        conn.close()


def _objects(conn: sqlite3.Connection) -> list[tuple[str, str, str, str]]:
    return conn.execute(
        "SELECT type, name, tbl_name, coalesce(sql, '') FROM sqlite_master WHERE name NOT LIKE 'sqlite_%'"
    ).fetchall()


def schema_digest(conn: sqlite3.Connection) -> str:
    text = "\x00".join("\x01".join(row) for row in sorted(tuple(r) for r in _objects(conn)))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _remembered(conn: sqlite3.Connection) -> str | None:
    try:
        found = conn.execute("SELECT schema_digest FROM database_identity WHERE id = 1").fetchone()
    except sqlite3.OperationalError:  # before migration 4, or the table was dropped
        return None
    return None if found is None else found[0]


def remember_schema(conn: sqlite3.Connection) -> None:
    """After migrations: record the (sound) schema's digest, when it changed. Writes."""
    digest = schema_digest(conn)
    if _remembered(conn) != digest:
        conn.execute("UPDATE database_identity SET schema_digest = ? WHERE id = 1", (digest,))


def schema_drift(conn: sqlite3.Connection) -> str | None:
    """What differs from the schema paperdeck made at the file's version (one line), or None.
    Checked before any migration runs: an ALTER on a table dropped by hand would fail midway."""
    version = conn.execute("PRAGMA user_version").fetchone()[0]
    if version == 0:
        return None  # a new file: the migrations make everything
    if _remembered(conn) == schema_digest(conn):
        return None
    expected, actual = expected_schema(version), read_schema(conn)
    if actual.text == expected.text:
        return None
    problems: list[str] = []
    for table, columns in expected.tables.items():
        found = actual.tables.get(table)
        if found is None:
            problems.append(f"table {table} is missing")
            continue
        missing = [name for name in columns if name not in found]
        if missing:
            problems.append(f"table {table} has no column {', '.join(missing)}")
        required = [name for name, column in found.items() if name not in columns and column.required]
        if required:
            problems.append(f"table {table} has a required column paperdeck does not fill: {', '.join(required)}")
    for kind, name in sorted(expected.others - actual.others):
        problems.append(f"{kind} {name} is missing")
    if not problems:
        return None
    shown = "; ".join(problems[:SHOWN_PROBLEMS])
    more = len(problems) - SHOWN_PROBLEMS
    return shown + (f" (and {more} more)" if more > 0 else "")
