"""The start screen's first view, read in a child process while this one starts the app.

Starting the app is mostly this process importing Textual and building the screen (~250 ms
at medium, on one core); the Dashboard's view (~60 ms at medium, ~250 at large) was read after
that. A thread would not help: the read is Python work under the same interpreter lock (and
every row fetched waits for it). So `paperdeck` forks before it opens the database. The child
waits until this process has opened the database (its migrations and seeding are writes), then
reads the view on a read-only connection of its own and hands it back pickled (~30 KB) through
a pipe, on the other core; it never writes and never touches the terminal.

Nobody committed since the child's read began if this process's change stamp (its connection's
`data_version`, which moves with other connections' commits, and its own `total_changes`) is
the one it had when it let the child begin: only then is the view used. Else, or when the child
failed or has not answered in time, the screen reads as it always does. (The child's snapshot is
never older than that stamp: it begins after it.) No file of the database is opened here outside
SQLite: closing any descriptor of a file drops every POSIX lock the process holds on it, its
connections' included.
"""

from __future__ import annotations

import os
import signal
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

from ..store.store import read_snapshot
from .child_answer import NO_ANSWER, end_child, read_answer, write_answer

# Seconds the first load waits for the child before reading for itself. Long: the child began
# the same read earlier, so it answers before a read started now would (a loaded machine slows
# both); only a child stuck for good is given up on.
ANSWER_WAIT = 5.0
GO = b"g"


class ViewAhead:
    """A view read in a child process: `begin(stamp)` it, then `take(stamp)` it (once), or
    `discard()` it."""

    def __init__(self, pid: int, go: int, answer: int):
        self.pid, self._go, self._answer = pid, go, answer
        self._lock = threading.Lock()
        self._done = False
        self.stamp: object = None  # the change stamp the child's read began after
        self.used = False          # the view taken was the child's (for tests)

    @classmethod
    def start(cls, path: Path, read: Callable[[Any], Any]) -> "ViewAhead | None":
        """Fork a child that, once told to begin, runs `read(snapshot store)` on the database at
        `path`. None where forking is not safe or possible: no fork (Windows), another thread
        running (its locks would be copied held), or no database file yet."""
        if not hasattr(os, "fork") or threading.active_count() != 1 or not Path(path).is_file():
            return None
        go_read, go_write = os.pipe()
        answer, answer_write = os.pipe()
        try:
            pid = os.fork()
        except OSError:
            for fd in (go_read, go_write, answer, answer_write):
                os.close(fd)
            return None
        if pid == 0:  # the child: never returns
            os.close(go_write)
            os.close(answer)
            _child(Path(path), read, go_read, answer_write)
        os.close(go_read)
        os.close(answer_write)
        return cls(pid, go_write, answer)

    def begin(self, stamp: object) -> None:
        """The database is open (migrated, seeded) at change stamp `stamp`: the child may read."""
        self.stamp = stamp
        try:
            os.write(self._go, GO)
        except OSError:  # the child is gone already: `take` finds no answer
            pass

    def take(self, stamp: object, wait: float = ANSWER_WAIT) -> Any | None:
        """The child's view if the change stamp is still `stamp` (nobody committed since the
        child began); else None. Blocks up to `wait` seconds (a worker thread calls it)."""
        with self._lock:
            if self._done:
                return None
            self._done = True
            try:
                unchanged = self.stamp is not None and stamp == self.stamp
                view = read_answer(self._answer, wait) if unchanged else NO_ANSWER
            finally:
                self._end_child()
        if view is NO_ANSWER:
            return None
        self.used = True
        return view

    def discard(self) -> None:
        """Not needed after all (another start screen, the app ended first): end the child."""
        with self._lock:
            if not self._done:
                self._done = True
                self._end_child()

    def _end_child(self) -> None:
        os.close(self._go)
        os.close(self._answer)
        end_child(self.pid)


def _child(path: Path, read: Callable[[Any], Any], go: int, answer: int) -> None:
    """Wait for the go, read, answer, exit: with os._exit, so no atexit handler, buffered output
    or finalizer of the parent's objects runs here."""
    status = 1
    try:
        null = os.open(os.devnull, os.O_RDWR)
        for fd in (0, 1, 2):  # nothing reaches the terminal from here
            os.dup2(null, fd)
        signal.signal(signal.SIGINT, signal.SIG_DFL)
        if os.read(go, 1) == GO:  # b"": the parent ended (or failed to open the database)
            write_answer(answer, read_snapshot(path, read))
            status = 0
    except BaseException:  # noqa: BLE001 - the parent reads for itself; nothing to report here
        pass
    finally:
        os._exit(status)
