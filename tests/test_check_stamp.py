"""The full integrity check remembered (store/check_stamp.py): a file exactly as it was when it
last passed is not read through again; a file changed behind our back is. Real files, real CLI."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

import pytest

from paperdeck.paths import check_stamps_dir
from paperdeck.store import DatabaseCorrupt, check_stamp, integrity, open_store

from tests.test_backup import damage
from tests.test_integrity_background import fill, join_integrity_threads


@pytest.fixture
def background_always(monkeypatch):
    """Every file counts as large: the full check runs in the background whenever it may."""
    monkeypatch.setattr(integrity, "SYNC_CHECK_MAX_BYTES", 0)


@pytest.fixture
def checks(monkeypatch) -> list[Path]:
    """Every full check run (its file), in any thread. At the end, the checks a test left
    running are waited for: a lowest-priority check thread that got the CPU only after its test
    ended would otherwise be counted by the next test's list (seen under load)."""
    seen: list[Path] = []
    real_check = integrity.read_only_quick_check

    def check(path):
        seen.append(Path(path))
        return real_check(path)

    monkeypatch.setattr(integrity, "read_only_quick_check", check)
    yield seen
    join_integrity_threads()


def checked_once(db_path: Path, checks: list[Path]) -> None:
    """Open, wait for the full check (it passes), close: as any earlier session would. Then
    forget the checks seen so far."""
    opened = open_store(db_path, seed=False)
    try:
        assert opened.integrity_pending
        opened.ensure_sound()
    finally:
        opened.close()
    join_integrity_threads()
    assert checks and set(checks) == {db_path}
    checks.clear()


def test_an_unchanged_file_is_not_checked_again(seeded_db, db_path, background_always, checks):
    fill(db_path, 20)
    checked_once(db_path, checks)
    assert check_stamp.matches(db_path)
    opened = open_store(db_path, seed=False)
    try:
        assert not opened.integrity_pending  # trusted: written to without a full read first
        opened.papers.add("written at once")
    finally:
        opened.close()
    join_integrity_threads()
    assert checks == []
    # Its own writes closed cleanly: still trusted at the next open.
    assert check_stamp.matches(db_path)
    again = open_store(db_path, seed=False)
    try:
        assert not again.integrity_pending
        assert "written at once" in [paper.title for paper in again.papers.all()]
    finally:
        again.close()
    assert checks == []


def test_a_file_changed_behind_our_back_is_checked(seeded_db, db_path, background_always, checks):
    fill(db_path, 20)
    checked_once(db_path, checks)
    other = sqlite3.connect(db_path)  # another program writes it
    other.execute("UPDATE papers SET notes = 'changed elsewhere' WHERE id = (SELECT min(id) FROM papers)")
    other.commit()
    other.close()
    assert not check_stamp.matches(db_path)
    opened = open_store(db_path, seed=False)
    try:
        assert opened.integrity_pending
        opened.papers.add("after the check")
        assert not opened.integrity_pending
    finally:
        opened.close()
    join_integrity_threads()
    assert checks and set(checks) == {db_path}
    assert check_stamp.matches(db_path)


def test_a_file_damaged_since_its_stamp_is_checked_and_never_written(seeded_db, db_path, background_always, checks):
    fill(db_path, 200)
    checked_once(db_path, checks)
    damaged = damage(db_path, "garbage")
    opened = open_store(db_path, seed=False)
    try:
        assert opened.integrity_pending
        with pytest.raises(DatabaseCorrupt):
            opened.papers.add("never written")
    finally:
        opened.close()
    assert db_path.read_bytes() == damaged
    assert not check_stamp.stamp_file(db_path).exists()  # the damage found: no stamp vouches for the file


def test_a_damaged_schema_with_a_matching_stamp_is_still_refused_at_open(seeded_db, db_path, background_always, checks):
    """A stamp cannot see a change that keeps the size, inode and time: the cheap checks of every
    open still read the header and the schema (damage deeper in is left to SQLite's reads and the
    daily backup's full check of its copy: store/check_stamp.py)."""
    fill(db_path, 20)
    checked_once(db_path, checks)
    before = os.stat(db_path)
    damaged = damage(db_path, "zeroed-schema")
    os.utime(db_path, ns=(before.st_atime_ns, before.st_mtime_ns))
    assert check_stamp.matches(db_path)  # the stamp is fooled...
    with pytest.raises(DatabaseCorrupt):  # ...the open is not
        open_store(db_path, seed=False)
    assert db_path.read_bytes() == damaged


@pytest.mark.parametrize("stamp", [b"", b"not json", b'{"version": 1, "path": "/elsewhere.db", "stamp": null}', None])
def test_a_missing_unreadable_or_foreign_stamp_means_a_check(seeded_db, db_path, background_always, checks, stamp):
    fill(db_path, 20)
    checked_once(db_path, checks)
    written = check_stamp.stamp_file(db_path)
    if stamp is None:
        written.unlink()
    else:
        written.write_bytes(stamp)
    opened = open_store(db_path, seed=False)
    try:
        assert opened.integrity_pending
    finally:
        opened.close()


def test_a_store_whose_check_never_ran_leaves_no_stamp(seeded_db, db_path, background_always, checks):
    """A reading open (no check) that closes: nothing vouches for the file yet."""
    fill(db_path, 20)
    checks.clear()
    opened = open_store(db_path, seed=False, reading=True)
    opened.papers.all()
    opened.close()
    assert not check_stamp.matches(db_path) and checks == []


def test_the_stamp_is_private_and_one_per_database(seeded_db, db_path, tmp_path, background_always, checks):
    fill(db_path, 20)
    checked_once(db_path, checks)
    second = tmp_path / "second.db"
    second.write_bytes(db_path.read_bytes())
    checked_once(second, checks)
    stamps = {check_stamp.stamp_file(db_path), check_stamp.stamp_file(second)}
    assert len(stamps) == 2 and all(path.parent == check_stamps_dir() for path in stamps)
    assert all(os.stat(path).st_mode & 0o777 == 0o600 for path in stamps)
    assert check_stamp.matches(db_path) and check_stamp.matches(second)


def test_cli_import_on_a_large_file_stamps_it_and_the_next_import_trusts_it(seeded_db, db_path, cli, tmp_path):
    """The real CLI on a file large enough for the background check: the first import's check
    passes and its clean close stamps the file; the second import finds it as it was left."""
    fill(db_path, 300, note_words=3000)
    assert db_path.stat().st_size > integrity.SYNC_CHECK_MAX_BYTES
    bib = tmp_path / "mine.bib"
    bib.write_text("@article{a1,\n  title = {First Paper},\n  author = {Doe, Jane},\n  year = {2024},\n}\n"
                   "@article{a2,\n  title = {Second Paper},\n  author = {Doe, Jane},\n  year = {2025},\n}\n", "utf-8")
    first = cli("import", "bib", "--db", str(db_path), str(bib))
    assert first.returncode == 0, first.stderr
    assert check_stamp.matches(db_path)
    second = cli("import", "bib", "--db", str(db_path), str(bib))
    assert second.returncode == 0, second.stderr
    assert "2 duplicates skipped" in second.stdout
    assert check_stamp.matches(db_path)


def test_a_close_that_checkpoints_the_wal_keeps_the_file_trusted(seeded_db, db_path, background_always, checks):
    """A store that only read, closing as the last connection, moves the WAL (another
    connection's commit) into the file: the file changed, its content did not."""
    fill(db_path, 20)
    other = sqlite3.connect(db_path)
    other.execute("UPDATE papers SET notes = 'in the WAL' WHERE id = (SELECT min(id) FROM papers)")
    other.commit()
    opened = open_store(db_path, seed=False)
    other.close()  # not the last connection: the WAL stays
    try:
        opened.ensure_sound()
        join_integrity_threads()
        assert check_stamp.matches(db_path)
        assert Path(f"{db_path}-wal").stat().st_size > 0
    finally:
        opened.close()  # the last connection: checkpoints
    assert not Path(f"{db_path}-wal").exists()
    assert check_stamp.matches(db_path)
    checks.clear()
    again = open_store(db_path, seed=False)
    try:
        assert not again.integrity_pending
    finally:
        again.close()
    assert checks == []
