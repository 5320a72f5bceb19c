"""Database files as an older paperdeck left them: each `before_*` takes a file back to the
schema version before that migration (the later ones undone first), on a plain connection; and
`reopened` opens the result again, so the migrations run as on a user's older file."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable

from paperdeck.store import Store, open_store
from paperdeck.store.migrate import MIGRATIONS, migration_sql


def reopened(store: Store, take_back: Callable[[sqlite3.Connection], None]) -> Store:
    """`store` closed, its file taken back by `take_back`, and opened again (migrated up)."""
    path = store.path
    store.close()
    conn = sqlite3.connect(path)
    try:
        take_back(conn)
        conn.commit()
    finally:
        conn.close()
    return open_store(path)


def before_card_lapses(conn: sqlite3.Connection) -> None:
    """Take a file back to the version before 0015 (its table and triggers gone)."""
    version = next(number for number, name in MIGRATIONS if "card_lapses" in name)
    triggers = [row[0] for row in conn.execute(
        "SELECT name FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'card_lapses%'")]
    assert len(triggers) == 5
    conn.executescript("DROP TABLE card_lapses;" + "".join(f"DROP TRIGGER {name};" for name in triggers)
                       + f"PRAGMA user_version = {version - 1};")


def before_review_state(conn: sqlite3.Connection) -> None:
    """Take a file back to the version before 0014 (its schema as that version made it)."""
    before_card_lapses(conn)
    version = next(number for number, name in MIGRATIONS if "review_before_state" in name)
    old_indexes = [line for number, name in MIGRATIONS if number < version
                   for line in migration_sql(name).splitlines()
                   if line.startswith(("CREATE INDEX reviews_before_state ", "CREATE INDEX reviews_retention "))]
    assert len(old_indexes) == 2  # reviews_before_state (0007), reviews_retention (0010)
    conn.executescript(
        "DROP TRIGGER reviews_before_state_insert; DROP TRIGGER reviews_before_state_update;"
        "DROP INDEX reviews_lapses; DROP INDEX reviews_retention; DROP INDEX cards_category;"
        "ALTER TABLE reviews DROP COLUMN before_state;" + "".join(old_indexes)
        + f"PRAGMA user_version = {version - 1};")
