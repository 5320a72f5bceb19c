"""The store: migrations, refusal of foreign and newer files, seeding."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest

from paperdeck.store import DatabaseTooNew, DatabaseUnavailable, NotAPaperdeckDatabase, open_store
from paperdeck.store.connection import APPLICATION_ID
from paperdeck.store.migrate import LATEST_VERSION, MIGRATIONS
from paperdeck.store.seed import seed_all

DATA = Path(__file__).parent / "data"


def test_fresh_database_is_at_the_latest_version_with_wal_and_foreign_keys(db_path):
    store = open_store(db_path)  # created here, not the seeded template's copy
    try:
        assert store.schema_version == LATEST_VERSION
        assert store.scalar("PRAGMA journal_mode") == "wal"
        assert store.scalar("PRAGMA foreign_keys") == 1
        assert store.scalar("PRAGMA application_id") == APPLICATION_ID
        assert store.scalar("PRAGMA busy_timeout") >= 1000
    finally:
        store.close()


def test_tables_have_explicit_types(store):
    for table in ("papers", "deadlines", "cards", "reviews", "venues"):
        sql = store.scalar("SELECT sql FROM sqlite_master WHERE name = ?", (table,))
        assert sql.rstrip().endswith("STRICT")


def test_committed_v1_database_upgrades(tmp_path):
    copy = tmp_path / "old.db"
    shutil.copy(DATA / "v1.db", copy)
    store = open_store(copy)
    try:
        assert store.schema_version == LATEST_VERSION
        titles = [paper.title for paper in store.papers.all()]
        assert any(title.startswith("Reward-Aware Prompt Optimization") for title in titles)
        assert store.settings.load().language == "zh"
    finally:
        store.close()


def test_newer_database_is_refused_and_left_untouched(tmp_path):
    path = tmp_path / "future.db"
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    conn.execute(f"PRAGMA user_version = {LATEST_VERSION + 1}")
    conn.execute("CREATE TABLE t (x)")
    conn.commit()
    conn.close()
    before = path.read_bytes()
    with pytest.raises(DatabaseTooNew, match="newer paperdeck"):
        open_store(path)
    assert path.read_bytes() == before


@pytest.mark.parametrize(
    "content",
    [b"hello, this is a text file\n", b"SQLite format 3\x00" + b"\x00" * 10, bytes(range(256)) * 8],
)
def test_non_database_file_is_refused_and_left_untouched(tmp_path, content):
    path = tmp_path / "notes.db"
    path.write_bytes(content)
    with pytest.raises(NotAPaperdeckDatabase, match=str(path)):
        open_store(path)
    assert path.read_bytes() == content


def test_other_programs_sqlite_file_is_refused(tmp_path):
    path = tmp_path / "other.db"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE customers (id INTEGER)")
    conn.commit()
    conn.close()
    before = path.read_bytes()
    with pytest.raises(NotAPaperdeckDatabase, match="another program"):
        open_store(path)
    assert path.read_bytes() == before


def test_unwritable_location_gets_a_message(tmp_path):
    blocker = tmp_path / "a-file"
    blocker.write_text("not a directory")
    with pytest.raises(DatabaseUnavailable, match="cannot create the data directory"):
        open_store(blocker / "sub" / "paperdeck.db")


def test_directory_at_the_database_path_gets_a_message(tmp_path):
    with pytest.raises(DatabaseUnavailable, match="is a folder"):
        open_store(tmp_path)


def test_migration_failure_rolls_back(tmp_path, monkeypatch):
    from paperdeck.store import migrate as migrate_module

    path = tmp_path / "broken.db"
    broken = [*MIGRATIONS, (LATEST_VERSION + 1, "9999_broken.sql")]
    monkeypatch.setattr(migrate_module, "MIGRATIONS", broken)

    real_sql = migrate_module.migration_sql
    monkeypatch.setattr(migrate_module, "migration_sql", lambda name: (
        "CREATE TABLE half_done (x INTEGER) STRICT; THIS IS NOT SQL;" if name == "9999_broken.sql" else real_sql(name)))
    with pytest.raises(sqlite3.OperationalError):
        open_store(path, seed=False)
    conn = sqlite3.connect(path)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == LATEST_VERSION
    assert conn.execute("SELECT count(*) FROM sqlite_master WHERE name = 'half_done'").fetchone()[0] == 0
    conn.close()


def test_reseeding_is_idempotent(store):
    before = store.counts()
    seed_all(store)
    seed_all(store)
    assert store.counts() == before


def test_reseeding_keeps_user_edits_and_deletions(store):
    question = store.guide.items("question")[0]
    store.guide.edit(question.key, en="My own wording")
    deleted = store.guide.items("platform")[0]
    store.guide.delete(deleted.key)
    seed_all(store)
    assert store.guide.get(question.key).en == "My own wording"
    assert deleted.key not in {item.key for item in store.guide.items("platform")}


def test_second_open_does_not_reseed(db_path):
    from paperdeck.store.seed import seed_if_needed

    first = open_store(db_path)
    try:
        assert seed_if_needed(first) is False
    finally:
        first.close()


def test_seed_hash_changes_with_the_seeders_code(tmp_path, monkeypatch):
    """A new seeder must run on a database seeded before it existed, with no YAML change."""
    from paperdeck.store import seed as seed_module

    before = seed_module.seed_hash()
    real_read = Path.read_bytes

    def patched(self):
        data = real_read(self)
        return data + b"# a new seeder" if self.name == "card_seed.py" else data

    monkeypatch.setattr(Path, "read_bytes", patched)
    assert seed_module.seed_hash() != before


def test_uri_characters_in_the_path_are_file_name_characters(tmp_path):
    """`#` and `?` in the path must not be read as URI syntax: the check reads the real file."""
    folder = tmp_path / "drafts"
    folder.mkdir()
    path = folder / "my papers #1? (draft).db"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE customers (id INTEGER)")
    conn.commit()
    conn.close()
    before = path.read_bytes()
    with pytest.raises(NotAPaperdeckDatabase, match="another program"):
        open_store(path)
    assert path.read_bytes() == before
    assert [p.name for p in folder.iterdir()] == [path.name]  # no stray file beside it
