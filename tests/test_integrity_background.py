"""The full integrity check off the start-up path: cheap checks at open, quick_check in the
background on large files, and still never a write to a damaged file. Real files, real CLI."""

from __future__ import annotations

import os
import shutil
import sys
import threading
from pathlib import Path

import pytest

from paperdeck.store import DatabaseCorrupt, open_store
from paperdeck.store import check_stamp, integrity
from paperdeck.store.backup import backup_store
from waiting import app_until

from tests.test_backup import damage

REPO = Path(__file__).resolve().parents[1]


@pytest.fixture
def background_always(monkeypatch):
    """Every file counts as large: the full check runs in the background whenever it may."""
    monkeypatch.setattr(integrity, "SYNC_CHECK_MAX_BYTES", 0)


def fill(db_path: Path, papers: int, note_words: int = 0) -> Path:
    """A database with `papers` papers (long notes make it large) and a backup of it, never
    checked on this machine (no stamp: store/check_stamp.py). The tests pass `seeded_db`: the
    file is the seeded template's copy, filled here."""
    opened = open_store(db_path)
    try:
        with opened.transaction() as conn:
            for number in range(papers):
                paper = opened.papers.add(f"Paper {number} 論文 🧪")
                if note_words:
                    conn.execute("UPDATE papers SET notes = ? WHERE id = ?", ("note " * note_words, paper.id))
        return backup_store(opened)
    finally:
        opened.close()
        check_stamp.forget(db_path)  # a file not checked on this machine yet: the tests' check runs


def test_damaged_middle_is_found_after_open_and_the_first_write_is_refused(seeded_db, db_path, background_always):
    made = fill(db_path, 200)
    damaged = damage(db_path, "garbage")
    opened = open_store(db_path, seed=False)  # the cheap checks pass: the damage is mid-file
    try:
        assert opened.integrity_pending
        with pytest.raises(DatabaseCorrupt) as caught:
            opened.papers.add("never written")
        assert caught.value.backup is not None and caught.value.backup.path == made
        assert "paperdeck restore" in str(caught.value)
        with pytest.raises(DatabaseCorrupt):  # and every write after it
            opened.settings.update(theme="nord")
    finally:
        opened.close()
    assert db_path.read_bytes() == damaged


def test_sound_file_checked_in_background_then_writes_normally(seeded_db, db_path, background_always):
    fill(db_path, 5)
    opened = open_store(db_path)
    try:
        assert opened.integrity_pending
        opened.papers.add("after the check")
        assert not opened.integrity_pending
        assert len(opened.papers.all()) == 6
    finally:
        opened.close()


@pytest.mark.parametrize("how", ["truncated", "zeroed-schema"])
def test_cheap_checks_refuse_at_open_even_when_the_full_check_is_deferred(seeded_db, db_path, background_always, how):
    made = fill(db_path, 200)
    damaged = damage(db_path, how)
    with pytest.raises(DatabaseCorrupt) as caught:
        open_store(db_path, seed=False)
    assert caught.value.backup is not None and caught.value.backup.path == made
    assert db_path.read_bytes() == damaged


def test_truncation_is_read_from_the_header():
    header = bytearray(100)
    header[16:18] = (4096).to_bytes(2, "big")
    header[24:28] = header[92:96] = (7).to_bytes(4, "big")
    header[28:32] = (10).to_bytes(4, "big")

    class Sized:
        def __init__(self, size: int):
            self.size = size

        def stat(self):
            return type("S", (), {"st_size": self.size})()

    assert integrity.structural_problem(Sized(40960), bytes(header), False) is None
    assert "truncated" in integrity.structural_problem(Sized(40959), bytes(header), False)
    assert integrity.structural_problem(Sized(40959), bytes(header), True) is None  # the WAL decides
    header[92:96] = (6).to_bytes(4, "big")  # a stale in-header size: not trusted
    assert integrity.structural_problem(Sized(100), bytes(header), False) is None


def test_an_open_that_migrates_checks_fully_first(db_path, background_always):
    shutil.copyfile(REPO / "tests" / "data" / "v1.db", db_path)
    opened = open_store(db_path)
    try:
        assert not opened.integrity_pending  # checked before the migrations wrote
    finally:
        opened.close()


def test_cli_on_a_large_damaged_file(seeded_db, db_path, cli):
    """Large enough for the background path: reads may run, writes are refused, never a traceback."""
    made = fill(db_path, 300, note_words=3000)
    assert db_path.stat().st_size > integrity.SYNC_CHECK_MAX_BYTES
    damaged = damage(db_path, "garbage")
    today = cli("today", "--db", str(db_path))
    assert "Traceback" not in today.stderr
    assert today.returncode == 0 or "damaged" in today.stderr
    added = cli("add", "never written", "--db", str(db_path))
    assert added.returncode == 2, added.stdout
    assert "damaged" in added.stderr and f"paperdeck restore {made}" in added.stderr
    assert "Traceback" not in added.stderr
    assert db_path.read_bytes() == damaged


async def test_app_shows_the_damage_found_in_the_background_and_quits_to_the_offer(seeded_db, db_path, background_always):
    from paperdeck.tui.app import PaperdeckApp

    made = fill(db_path, 3)
    # Damage a page the dashboard never reads (the undo journal's index): the check still finds it.
    opened = open_store(db_path, seed=False)
    index_page = opened.scalar("SELECT rootpage FROM sqlite_master WHERE type = 'index' AND name = 'undo_log_scope'")
    page_size = opened.scalar("PRAGMA page_size")
    opened.close()
    data = bytearray(db_path.read_bytes())
    for suffix in ("-wal", "-shm"):
        Path(f"{db_path}{suffix}").unlink(missing_ok=True)
    start = (index_page - 1) * page_size
    data[start:start + page_size] = bytes((i * 37 + 11) % 256 for i in range(page_size))
    db_path.write_bytes(bytes(data))
    damaged = bytes(data)

    store = open_store(db_path, seed=False)
    app = PaperdeckApp(store, watch=False)
    try:
        async with app.run_test(size=(120, 40)) as pilot:
            await app_until(pilot, lambda: app.screen.id == "damaged" and app.screen.query("#choice-message"),
                            "the background check's damage dialog")
            shown = str(app.screen.query_one("#choice-message").render())
            assert "damaged" in shown and made.name in shown
            await pilot.press("q")
            await pilot.pause()
        assert isinstance(app.return_value, DatabaseCorrupt)
        assert app.return_value.backup is not None and app.return_value.backup.path == made
    finally:
        store.close()
    assert db_path.read_bytes() == damaged


def test_a_load_that_meets_a_damaged_page_fails_with_a_message(seeded_db, db_path, background_always):
    """A screen's load reading a damaged page gets a StoreError with a message (shown as a
    notice; the background check reports the damage), not a raw sqlite3 error that ends the app."""
    from paperdeck.store import StoreError

    fill(db_path, 3)
    opened = open_store(db_path, seed=False)
    index_page = opened.scalar("SELECT rootpage FROM sqlite_master WHERE type = 'index' AND name = 'papers_board'")
    page_size = opened.scalar("PRAGMA page_size")
    opened.close()
    for suffix in ("-wal", "-shm"):
        Path(f"{db_path}{suffix}").unlink(missing_ok=True)
    data = bytearray(db_path.read_bytes())
    start = (index_page - 1) * page_size
    data[start:start + page_size] = bytes((i * 37 + 11) % 256 for i in range(page_size))
    db_path.write_bytes(bytes(data))

    store = open_store(db_path, seed=False)
    try:
        with pytest.raises(StoreError, match="cannot read the database"):
            with store.reading() as snapshot:
                snapshot.rows("SELECT stage, position FROM papers INDEXED BY papers_board WHERE stage = 'ideation'")
        with pytest.raises(Exception) as mistake:  # a wrong query is not the file's fault: it is not dressed up
            with store.reading() as snapshot:
                snapshot.rows("SELECT no_such_column FROM papers")
        assert not isinstance(mistake.value, StoreError)
    finally:
        store.close()


def _integrity_threads() -> list:
    import threading

    return [thread for thread in threading.enumerate() if thread.name == "paperdeck-integrity"]


def checks_seen(monkeypatch, *, starve: bool = False) -> tuple[dict[str, int], threading.Event]:
    """Record each check's thread and its priority; `starve`: the nice-19 check gets no core
    until the returned event is set."""
    seen: dict[str, int] = {}
    starved = threading.Event()
    real_check = integrity.read_only_quick_check

    def check(path):
        name = threading.current_thread().name
        if starve and name == "paperdeck-integrity":
            starved.wait(30)
        seen[name] = os.getpriority(os.PRIO_PROCESS, threading.get_native_id())
        return real_check(path)

    monkeypatch.setattr(integrity, "read_only_quick_check", check)
    return seen, starved


def join_integrity_threads() -> None:
    """Wait for every integrity check still running (a check left by a test must not run on
    into the next one, whose spies it would meet)."""
    for thread in threading.enumerate():
        if thread.name.startswith("paperdeck-integrity"):
            thread.join(30)


def test_a_reading_open_never_starts_the_check_but_a_write_through_it_runs_it_first(seeded_db, db_path, background_always):
    """`today` and the other reading commands: no full read of the file competes with the
    answer; a write they make anyway (seeding, a setting) still waits for the full check."""
    made = fill(db_path, 200)
    damaged = damage(db_path, "garbage")
    opened = open_store(db_path, seed=False, reading=True)
    try:
        assert opened.integrity_pending
        assert not _integrity_threads()
        with pytest.raises(DatabaseCorrupt) as caught:
            opened.settings.update(theme="nord")
        assert caught.value.backup is not None and caught.value.backup.path == made
    finally:
        opened.close()
    assert db_path.read_bytes() == damaged


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="a thread's own priority is Linux's")
def test_the_background_check_runs_at_the_lowest_priority(seeded_db, db_path, background_always, monkeypatch):
    """It never competes with the app's first frame (or anything else) for a core."""
    fill(db_path, 5)
    seen, _starved = checks_seen(monkeypatch)
    own = os.getpriority(os.PRIO_PROCESS, threading.get_native_id())
    opened = open_store(db_path, seed=False)
    try:
        assert opened.integrity_pending
        opened.ensure_sound()  # the check ran, and found the file sound
    finally:
        opened.close()
    assert seen["paperdeck-integrity"] == integrity.LOWEST_PRIORITY
    assert os.getpriority(os.PRIO_PROCESS, threading.get_native_id()) == own  # only the check's thread


async def test_quitting_never_waits_for_the_background_check(seeded_db, db_path, background_always, monkeypatch):
    """On a large file and a busy machine the check (nice 19) may take a long while: quitting
    ended the app's screen at once but the process only when the check was done (20 s+)."""
    import paperdeck.tui.app as app_module
    from paperdeck.tui.app import PaperdeckApp

    fill(db_path, 3)
    release = threading.Event()
    real_check = integrity.read_only_quick_check

    def slow_check(path):
        release.wait(30)  # a check that outlasts the session
        return real_check(path)

    monkeypatch.setattr(integrity, "read_only_quick_check", slow_check)
    waiting, left = threading.Event(), threading.Event()
    real_wait = app_module.wait_for_integrity

    def watched_wait(store, timeout=None):
        waiting.set()
        try:
            return real_wait(store, timeout)
        finally:
            left.set()

    monkeypatch.setattr(app_module, "wait_for_integrity", watched_wait)
    store = open_store(db_path, seed=False)
    try:
        assert store.integrity_pending
        app = PaperdeckApp(store, watch=False)
        async with app.run_test(size=(100, 30)) as pilot:
            await app.screen.view_ready()
            await app_until(pilot, waiting.is_set, "the app waiting for the check")
            left.clear()
            await pilot.press("ctrl+q")
        assert left.wait(5), "the app's wait for the check outlived the app"
        assert not release.is_set()  # the check itself was still running
    finally:
        release.set()
        store.close()
        join_integrity_threads()


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="a thread's own priority is Linux's")
def test_a_write_waiting_for_a_starved_check_checks_again_at_normal_priority(seeded_db, db_path, background_always,
                                                                              monkeypatch):
    """A machine kept busy (a training run on every core) starves the nice-19 check: the first
    write, on the UI thread, waited for it (minutes). It checks again at its own priority."""
    fill(db_path, 5)
    checked_by, starved = checks_seen(monkeypatch, starve=True)
    own = os.getpriority(os.PRIO_PROCESS, threading.get_native_id())
    opened = open_store(db_path, seed=False)
    try:
        assert opened.integrity_pending
        opened.papers.add("written once the file is known sound")
        assert checked_by == {"paperdeck-integrity-now": own}
        assert "written once the file is known sound" in [paper.title for paper in opened.papers.all()]
    finally:
        starved.set()
        opened.close()
        join_integrity_threads()  # none left running into the next test


def test_a_damaged_file_found_by_the_hurried_check_is_still_never_written(seeded_db, db_path, background_always,
                                                                          monkeypatch):
    fill(db_path, 200)
    damaged = damage(db_path, "garbage")
    _checked_by, starved = checks_seen(monkeypatch, starve=True)
    opened = open_store(db_path, seed=False)
    try:
        with pytest.raises(DatabaseCorrupt):
            opened.papers.add("never written")
    finally:
        starved.set()
        opened.close()
        join_integrity_threads()  # none left running into the next test
    assert db_path.read_bytes() == damaged
