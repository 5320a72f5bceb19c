"""Numbered migrations, each applied in one transaction and rolled back on failure."""

from __future__ import annotations

import re
import sqlite3
from importlib import resources

_NAME = re.compile(r"^(\d{4})_[a-z0-9_]+\.sql$")


def _migrations() -> list[tuple[int, str]]:
    found = []
    for entry in resources.files("paperdeck.store.migrations").iterdir():
        match = _NAME.match(entry.name)
        if match:
            found.append((int(match.group(1)), entry.name))
    return sorted(found)


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
        sql = resources.files("paperdeck.store.migrations").joinpath(name).read_text("utf-8")
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
