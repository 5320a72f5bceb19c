"""Backups, restore, and start-up on a damaged database: real files, the real CLI."""

from __future__ import annotations

import os
import sqlite3
import stat
from datetime import timedelta
from pathlib import Path

import pytest

from paperdeck.store import DatabaseCorrupt, NotAPaperdeckDatabase, open_store
from paperdeck.store.backup import (
    backup_store,
    check_backup_source,
    daily_backup,
    list_backups,
    restore,
)
from paperdeck.paths import backups_dir


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def titles(db: Path) -> list[str]:
    opened = open_store(db, seed=False)
    try:
        return [paper.title for paper in opened.papers.all()]
    finally:
        opened.close()


def damage(db: Path, how: str) -> bytes:
    """Damage a closed database file the way disks and crashes do."""
    data = db.read_bytes()
    for suffix in ("-wal", "-shm"):
        Path(f"{db}{suffix}").unlink(missing_ok=True)
    if how == "truncated":
        data = data[: len(data) // 2 + 123]
    elif how == "garbage":
        middle = len(data) // 2
        data = data[:middle] + bytes((i * 37 + 11) % 256 for i in range(8192)) + data[middle + 8192:]
    elif how == "zeroed-schema":
        data = data[:100] + b"\0" * 3996 + data[4096:]
    db.write_bytes(data)
    return data


@pytest.fixture
def filled(seeded_db):
    opened = open_store(seeded_db)
    with opened.transaction():
        for number in range(200):
            opened.papers.add(f"Paper {number} 論文 🧪 " + "x" * 200)
    yield opened
    opened.close()


def test_backup_is_a_sound_private_copy_taken_while_open(filled, db_path):
    made = backup_store(filled)
    assert made.parent == backups_dir(db_path)
    assert mode(made) == 0o600 and mode(made.parent) == 0o700
    check_backup_source(made)
    filled.papers.add("written after the backup")
    assert len(titles(made)) == 200
    assert not list(made.parent.glob(".*partial"))


def test_daily_backup_once_a_day_keeping_the_newest_n(filled, db_path, frozen_clock):
    filled.settings.update(backups_kept=3)
    first = daily_backup(filled)
    assert first is not None and daily_backup(filled) is None  # same day: nothing new
    made = [first]
    for _ in range(4):
        frozen_clock.shift(timedelta(days=1))
        made.append(daily_backup(filled))
    kept = [backup.path for backup in list_backups(db_path)]
    assert kept == list(reversed(made[-3:]))
    assert all(mode(path) == 0o600 for path in kept)


def test_cli_start_makes_the_days_backup_and_backup_command_writes_one(db_path, cli):
    assert cli("today", "--db", str(db_path)).returncode == 0
    assert len(list_backups(db_path)) == 1
    result = cli("backup", "--db", str(db_path))
    assert result.returncode == 0, result.stderr
    assert len(list_backups(db_path)) == 2
    assert "backed up to" in result.stdout
    listing = cli("backup", "--list", "--db", str(db_path))
    assert listing.stdout.count("paperdeck-") == 2


def test_backup_to_a_chosen_file(filled, db_path, tmp_path, cli):
    filled.close()
    target = tmp_path / "elsewhere" / "copy.db"
    target.parent.mkdir()
    result = cli("backup", "-o", str(target), "--db", str(db_path))
    assert result.returncode == 0, result.stderr
    assert mode(target) == 0o600 and len(titles(target)) == 200
    for bad in ("", str(tmp_path), str(db_path), str(tmp_path / "missing" / "x.db")):
        refused = cli("backup", "-o", bad, "--db", str(db_path))
        assert refused.returncode == 2 and refused.stderr.startswith("paperdeck: "), bad
        assert "Traceback" not in refused.stderr


def test_restore_backs_up_the_current_database_first(filled, db_path, cli):
    made = backup_store(filled)
    filled.papers.add("only in the current database")
    filled.close()
    result = cli("restore", str(made), "--db", str(db_path))
    assert result.returncode == 0, result.stderr
    assert "only in the current database" not in titles(db_path)
    assert len(titles(db_path)) == 200
    before = [b.path for b in list_backups(db_path) if "before-restore" in b.path.name]
    assert len(before) == 1 and "only in the current database" in titles(before[0])
    assert mode(db_path) == 0o600


def test_restore_reaches_an_app_that_has_the_database_open(filled, db_path):
    made = backup_store(filled)
    filled.papers.add("added later")
    restore(db_path, made)
    assert "added later" not in [paper.title for paper in filled.papers.all()]
    filled.papers.add("still writable after the restore")
    assert "still writable after the restore" in titles(db_path)


@pytest.mark.parametrize("content", [b"", b"plain text\n", b"SQLite format 3\x00" + b"\x00" * 200])
def test_restore_refuses_what_is_not_a_paperdeck_database(filled, db_path, tmp_path, cli, content):
    filled.close()
    source = tmp_path / "source.db"
    source.write_bytes(content)
    before = db_path.read_bytes()
    result = cli("restore", str(source), "--db", str(db_path))
    assert result.returncode == 2 and "paperdeck: " in result.stderr and "Traceback" not in result.stderr
    assert db_path.read_bytes() == before
    assert not any("before-restore" in b.path.name for b in list_backups(db_path))


def test_restore_refuses_another_programs_database_and_a_missing_file(tmp_path, db_path, cli):
    other = tmp_path / "other.db"
    conn = sqlite3.connect(other)
    conn.execute("CREATE TABLE t (x)")
    conn.commit()
    conn.close()
    with pytest.raises(NotAPaperdeckDatabase):
        check_backup_source(other)
    missing = cli("restore", str(tmp_path / "nope.db"), "--db", str(db_path))
    assert missing.returncode == 2 and "no such file" in missing.stderr


@pytest.mark.parametrize("how", ["truncated", "garbage", "zeroed-schema"])
def test_damaged_database_is_never_written_and_the_backup_is_offered(filled, db_path, cli, how):
    made = backup_store(filled)
    filled.close()
    damaged = damage(db_path, how)
    with pytest.raises(DatabaseCorrupt) as caught:
        open_store(db_path)
    assert caught.value.backup is not None and caught.value.backup.path == made
    result = cli("today", "--db", str(db_path))
    assert result.returncode == 2
    assert "damaged" in result.stderr and f"paperdeck restore {made}" in result.stderr
    assert db_path.read_bytes() == damaged

    restored = cli("restore", str(made), "--db", str(db_path))
    assert restored.returncode == 0, restored.stderr
    assert "kept aside" in restored.stdout
    aside = list(db_path.parent.glob("paperdeck.db.damaged-*"))
    assert [p.read_bytes() for p in aside if not p.name.endswith(("-wal", "-shm"))] == [damaged]
    assert len(titles(db_path)) == 200


def test_damaged_database_without_backup_says_so(filled, db_path, cli):
    filled.close()
    damage(db_path, "garbage")
    result = cli("info", "--db", str(db_path))
    assert result.returncode == 2 and "No good backup" in result.stderr


def test_app_start_offers_the_latest_backup(filled, db_path):
    from argparse import Namespace

    from paperdeck.cli.context import CliError
    from paperdeck.cli.recovery import open_or_offer_restore

    made = backup_store(filled)
    filled.close()
    damaged = damage(db_path, "truncated")
    questions: list[str] = []

    def decline(question: str) -> str:
        questions.append(question)
        return "n"

    with pytest.raises(CliError, match="nothing was changed"):
        open_or_offer_restore(Namespace(db=str(db_path)), ask=decline)
    assert "Restore the backup" in questions[0]
    assert db_path.read_bytes() == damaged

    opened = open_or_offer_restore(Namespace(db=str(db_path)), ask=lambda question: "y")
    try:
        assert len(opened.papers.all()) == 200
    finally:
        opened.close()
    assert any(p.read_bytes() == damaged for p in db_path.parent.glob("paperdeck.db.damaged-*"))
    assert made.exists()


def test_files_are_private_even_with_a_permissive_umask(db_path, cli):
    old = os.umask(0o022)
    try:
        assert cli("backup", "--db", str(db_path)).returncode == 0
    finally:
        os.umask(old)
    assert mode(db_path) == 0o600
    assert mode(backups_dir(db_path)) == 0o700
    assert all(mode(b.path) == 0o600 for b in list_backups(db_path))


def test_cli_opens_a_database_the_app_holds_open_with_an_unflushed_wal(db_path, cli):
    """A fresh database's header values may still sit in the WAL: the CLI must not refuse it.
    (Created here, not copied from the seeded template, whose header is in the file.)"""
    store = open_store(db_path)
    try:
        store.papers.add("held open by the app")
        assert Path(f"{db_path}-wal").stat().st_size > 0
        result = cli("info", "--db", str(db_path))
        assert result.returncode == 0, result.stderr
    finally:
        store.close()
