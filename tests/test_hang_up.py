"""Closing the terminal keeps what was typed (issue 14, data loss 4): the pitch is autosaved
0.6 s after the last key; the session is killed (SIGHUP) or the app sent SIGTERM as soon as
the typed text shows, well inside that delay, and the text is in the database afterwards."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import time

import pytest

from test_e2e_tmux import app_env
from tmux_session import paperdeck_argv, tmux_factory  # noqa: F401  (fixture)

pytestmark = pytest.mark.tmux

TYPED = "Said before the terminal closed 终端关闭前"


def _focus_an_editor(session) -> None:
    """Tab until a probe letter lands in a part's editor (under load the first Tabs can be
    taken while the parts still mount): the live count shows it."""
    for _ in range(8):
        session.keys("Tab")
        session.type("x")
        try:
            session.wait_for("· 1 word ", timeout=10)
        except AssertionError:
            continue
        return  # the probe stays: the typed text follows it
    raise AssertionError(f"no editor took the focus:\n{session.screen()}")


def _app_pid(session) -> int:
    """The app's process: the child of the pane's shell."""
    shell = session.tmux("display-message", "-p", "-t", session.target, "#{pane_pid}").strip()
    found = subprocess.run(["pgrep", "-P", shell], capture_output=True, text=True).stdout.split()
    assert found, "the app is not running under the pane's shell"
    return int(found[0])


def _wait_gone(pid: int, timeout: float = 20.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            os.kill(pid, 0)
        except ProcessLookupError:
            return
        time.sleep(0.05)
    raise AssertionError(f"the app (pid {pid}) is still running after the signal")


def _stored_pitch(db) -> str:
    conn = sqlite3.connect(db)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        bodies = [row[0] for row in conn.execute("SELECT body FROM pitch_sections")]
    finally:
        conn.close()
    return "\n".join(bodies)


@pytest.mark.parametrize("how", ["kill-session", "SIGHUP", "SIGTERM"])
def test_text_typed_just_before_the_end_is_saved(how, seeded_db, store, tmux_factory):
    store.papers.add("Pitched in tmux")
    store.close()
    session = tmux_factory(120, 40)
    session.start([*paperdeck_argv(seeded_db), "--screen", "pitch"], app_env(":0"))
    session.wait_for("Why this paper?", timeout=30)
    session.wait_for("wpm")  # the view is shown: the parts' editors are mounted and counted
    _focus_an_editor(session)
    pid = _app_pid(session)
    session.type(TYPED)
    session.wait_for("Said before the terminal closed")  # in the editor, not yet autosaved
    if how == "kill-session":
        session.tmux("kill-session", "-t", "e2e")
    else:
        os.kill(pid, getattr(signal, how))
    _wait_gone(pid)
    assert TYPED in _stored_pitch(seeded_db)
    if how == "SIGTERM":  # the terminal is still there: the app left it cleanly
        assert session.wait_exit() == "0"


def test_a_terminal_closed_without_a_hang_up_signal_ends_the_app_and_keeps_the_text(seeded_db, store):
    """A pseudo-terminal that is not the app's controlling terminal (a harness, `setsid`):
    closing it sends no SIGHUP. The app kept running, spinning on end-of-file, its text unsaved."""
    from benchmarks.terminal import PtyProcess

    store.papers.add("Pitched on a bare terminal")
    store.close()
    terminal = PtyProcess([*paperdeck_argv(seeded_db), "--screen", "pitch"], env=app_env(":0"))
    try:
        terminal.wait_for_text("wpm", timeout=60)  # the view is shown
        terminal.drain()
        start = len(terminal.output)
        terminal.send(b"\t")  # into the first part's editor (the paper chooser had the focus)
        terminal.send("Typed before the terminal went away".encode())
        terminal.wait_for_text("went away", start=start, timeout=30)  # in the editor, not yet saved
        os.close(terminal.master)
        assert terminal.proc.wait(20) == 0  # (our child: a zombie until reaped, so not _wait_gone)
    finally:
        if terminal.proc.poll() is None:
            terminal.proc.kill()
        terminal.proc.wait(10)
    assert "Typed before the terminal went away" in _stored_pitch(seeded_db)
