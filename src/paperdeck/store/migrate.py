"""Numbered migrations, each applied in one transaction and rolled back on failure."""

from __future__ import annotations

import os
import re
import sqlite3
from pathlib import Path

_NAME = re.compile(r"^(\d{4})_[a-z0-9_]+\.sql$")
# The package's own folder of .sql files, read as files (importlib.resources, with what it
# imports, cost every start ~5 ms to list them; the package is always installed unzipped).
_FOLDER = Path(__file__).resolve().with_name("migrations")


def _migrations() -> list[tuple[int, str]]:
    found = []
    for name in os.listdir(_FOLDER):
        match = _NAME.match(name)
        if match:
            found.append((int(match.group(1)), name))
    return sorted(found)


def migration_sql(name: str) -> str:
    """The text of migration file `name` (one of MIGRATIONS)."""
    return (_FOLDER / name).read_text("utf-8")


MIGRATIONS = _migrations()
LATEST_VERSION = MIGRATIONS[-1][0]


def current_version(conn: sqlite3.Connection) -> int:
    return conn.execute("PRAGMA user_version").fetchone()[0]


def migrate(conn: sqlite3.Connection, application_id: int) -> list[int]:
    """Bring the schema to LATEST_VERSION. Returns the versions applied."""
    applied = []
    for number, name in MIGRATIONS:
        if number <= current_version(conn):
            continue
        sql = migration_sql(name)
        script = (
            "BEGIN IMMEDIATE;\n"
            f"{sql}\n"
            f"PRAGMA application_id = {application_id};\n"
            f"PRAGMA user_version = {number};\n"
            "COMMIT;"
        )
        try:
            conn.executescript(script)
        except BaseException:
            # Roll back before re-raising, so the failed step leaves nothing behind.
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            raise
        applied.append(number)
    return applied
