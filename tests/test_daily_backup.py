"""The day's first automatic backup stays off the path of what the user waits for
(cli/daily_backup.py): before a command that writes, after one that only reads, and in a
low-priority thread once the app is drawn. Real files, the real CLI, the real app."""

from __future__ import annotations

import os
import sqlite3
import sys
import threading
from argparse import Namespace

import pytest

from paperdeck.cli import daily_backup
from paperdeck.cli.context import open_cli_store
from paperdeck.store import open_store
from paperdeck.store.backup import DailyBackup, list_backups


@pytest.fixture(autouse=True)
def nothing_left_due():
    daily_backup.forget()
    yield
    daily_backup.finish()


def titles_in(backup_path) -> list[str]:
    conn = sqlite3.connect(f"{backup_path.resolve().as_uri()}?mode=ro", uri=True)
    try:
        return [row[0] for row in conn.execute("SELECT title FROM papers ORDER BY id")]
    finally:
        conn.close()


def test_a_reading_command_backs_up_once_it_has_answered(seeded_db, db_path):
    store = open_cli_store(Namespace(db=str(db_path)), reading=True)
    try:
        assert list_backups(db_path) == []  # nothing between the user and the answer
    finally:
        store.close()
    daily_backup.finish()
    assert len(list_backups(db_path)) == 1
    again = open_cli_store(Namespace(db=str(db_path)), reading=True)  # the same day: nothing due
    again.close()
    daily_backup.finish()
    assert len(list_backups(db_path)) == 1


def test_a_writing_command_backs_up_the_state_before_it(seeded_db, db_path, cli):
    before = open_store(db_path, seed=False)
    titles = [paper.title for paper in before.papers.all()]
    before.close()
    result = cli("add", "Written by the day's first command", "--db", str(db_path))
    assert result.returncode == 0, result.stderr
    (backup,) = list_backups(db_path)
    assert titles_in(backup.path) == titles


def test_today_answers_and_leaves_the_days_backup(seeded_db, db_path, cli):
    result = cli("today", "--db", str(db_path))
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() and result.stderr == ""
    assert len(list_backups(db_path)) == 1


async def test_the_app_backs_up_in_a_low_priority_thread_once_drawn(seeded_db, db_path, monkeypatch):
    from paperdeck.tui.app import PaperdeckApp

    seen: dict[str, object] = {}
    real_make = DailyBackup.make

    def make_seeing_how(self):
        seen["thread"] = threading.current_thread().name
        if sys.platform.startswith("linux"):
            seen["nice"] = os.getpriority(os.PRIO_PROCESS, threading.get_native_id())
        return real_make(self)

    monkeypatch.setattr(DailyBackup, "make", make_seeing_how)
    store = open_cli_store(Namespace(db=str(db_path)), backup_later=True)
    try:
        drawn: list[bool] = []

        def once_shown() -> None:
            drawn.append(app.screen.dashboard is not None)  # its data shown
            daily_backup.start_in_background()

        app = PaperdeckApp(store, watch=False, once_shown=once_shown)
        async with app.run_test(size=(120, 40)) as pilot:
            await app.screen.view_ready()
            from waiting import app_until

            await app_until(pilot, lambda: drawn, "the start screen's first view")
            store.papers.add("Added while the backup runs")  # the app writes on: never blocked
        daily_backup.finish()
    finally:
        store.close()
    assert drawn == [True]
    assert seen["thread"] == "paperdeck-daily-backup"
    if sys.platform.startswith("linux"):
        assert seen["nice"] == 19
    assert len(list_backups(db_path)) == 1


def test_a_failed_backup_is_a_warning_after_the_answer(seeded_db, db_path, tmp_path, cli):
    from paperdeck.paths import backups_root

    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    backups_root(db_path).symlink_to(elsewhere)
    result = cli("today", "--db", str(db_path))
    assert result.returncode == 0
    assert result.stdout.strip()
    assert "automatic backup failed" in result.stderr and "symbolic link" in result.stderr
    assert list(elsewhere.iterdir()) == []


def test_a_backup_cut_short_leaves_no_file_behind_for_long(seeded_db, db_path):
    from paperdeck.paths import backups_dir
    from paperdeck.store.backup import daily_backup
    from paperdeck.store.backup_folder import CUT_SHORT_SECONDS, ensure_backups_dir

    ensure_backups_dir(db_path)
    old = backups_dir(db_path) / ".paperdeck-20261129-080000.db.partial"
    writing = backups_dir(db_path) / ".paperdeck-20261130-080000.db.partial"  # another window's, now
    for path in (old, writing):
        path.write_bytes(b"cut short")
    an_hour_ago = old.stat().st_mtime - CUT_SHORT_SECONDS - 5
    os.utime(old, (an_hour_ago, an_hour_ago))
    store = open_store(db_path, seed=False)
    try:
        assert daily_backup(store) is not None
    finally:
        store.close()
    assert not old.exists() and writing.exists()


WAITING_FOR_A_SLOW_BACKUP = """
import signal, sys, threading
# As from a terminal: a run started in the background (CI, nohup) inherits SIGINT ignored.
signal.signal(signal.SIGINT, signal.default_int_handler)
from argparse import Namespace
from paperdeck.cli import daily_backup
from paperdeck.cli.context import open_cli_store
from paperdeck.paths import backups_dir
from paperdeck.store.backup import DailyBackup
from paperdeck.store.backup_folder import ensure_backups_dir

def slow_make(self):  # a large database: the copy is still being written
    ensure_backups_dir(self.db_path)
    (backups_dir(self.db_path) / ".paperdeck-20261130-090000.db.partial").write_bytes(b"half")
    print("half a copy written", file=sys.stderr, flush=True)
    threading.Event().wait(60)

DailyBackup.make = slow_make
open_cli_store(Namespace(db=sys.argv[1]), backup_later=True).close()
daily_backup.start_in_background()
daily_backup.finish()
"""


def test_ctrl_c_while_the_apps_backup_finishes_skips_it_and_leaves_no_half_copy(seeded_db, db_path):
    """Its own process, as the user's: the Ctrl+C comes once it waits on half a copy."""
    import signal
    import subprocess

    from paperdeck.paths import backups_dir

    waiting = subprocess.Popen([sys.executable, "-c", WAITING_FOR_A_SLOW_BACKUP, str(db_path)],
                               stderr=subprocess.PIPE, text=True)
    try:
        said = waiting.stderr.readline() + waiting.stderr.readline()
        assert "finishing today's automatic backup" in said and "half a copy written" in said
        assert list(backups_dir(db_path).glob("*.partial"))
        waiting.send_signal(signal.SIGINT)
        said += waiting.stderr.read()
        assert waiting.wait(timeout=20) == 0
    finally:
        waiting.kill()
        waiting.wait()
    assert "was skipped" in said
    assert not backups_dir(db_path).exists() or not list(backups_dir(db_path).glob("*.partial"))
