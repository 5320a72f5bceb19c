"""The start screen's first view, read in a child process while this one starts the app.

Starting the app is mostly this process importing Textual and building the screen (~250 ms
at medium, on one core); the Dashboard's view (~60 ms at medium, ~250 at large) was read after
that. A thread would not help: the read is Python work under the same interpreter lock (and
every row fetched waits for it). So `paperdeck` forks before it opens the database: the child
reads the view on a read-only connection of its own and hands it back pickled (~30 KB) through
a pipe, on the other core; it never writes and never touches the terminal.

The view is used only if the database is still as the child read it (`commit_marks`: nobody
committed since, this process's opening included: a migration or seeding is a write). Else, or
when the child failed, or has not answered in time, the screen reads as it always does.
"""

from __future__ import annotations

import os
import pickle
import select
import signal
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from ..store.commit_marks import commit_marks
from ..store.store import read_with_marks

# Seconds the first load waits for the child before reading for itself. Long: the child began
# the same read earlier, so it answers before a read started now would (a loaded machine slows
# both); only a child stuck for good is given up on.
ANSWER_WAIT = 5.0


class ViewAhead:
    """A view being read in a child process: `take()` it (once), or `discard()` it."""

    def __init__(self, pid: int, answer: int, path: Path):
        self.pid, self._answer, self.path = pid, answer, path
        self._lock = threading.Lock()
        self._done = False
        self.used = False  # the view taken was the child's (for tests and the benchmark's notes)

    @classmethod
    def start(cls, path: Path, read: Callable[[Any], Any]) -> "ViewAhead | None":
        """Fork a child that runs `read(snapshot store)` on the database at `path`. None where
        forking is not safe or possible: no fork (Windows), another thread running (its locks
        would be copied held), or no database file yet."""
        if not hasattr(os, "fork") or threading.active_count() != 1 or not Path(path).is_file():
            return None
        answer, write_end = os.pipe()
        try:
            pid = os.fork()
        except OSError:
            os.close(answer)
            os.close(write_end)
            return None
        if pid == 0:  # the child: never returns
            os.close(answer)
            _child(Path(path), read, write_end)
        os.close(write_end)
        return cls(pid, answer, Path(path))

    def take(self, wait: float = ANSWER_WAIT) -> Any | None:
        """The child's view if the database has not changed since it was read; else None.
        Blocks up to `wait` seconds for the child (a worker thread calls it)."""
        with self._lock:
            if self._done:
                return None
            self._done = True
            try:
                data = _read_all(self._answer, time.monotonic() + wait)
            finally:
                self._end_child(kill=True)
        if not data:
            return None
        try:
            marks, view = pickle.loads(data)
        except Exception:  # a child cut off mid-answer: read as usual
            return None
        if marks != commit_marks(self.path):
            return None
        self.used = True
        return view

    def discard(self) -> None:
        """Not needed after all (another start screen, the app ended first): end the child."""
        with self._lock:
            if not self._done:
                self._done = True
                self._end_child(kill=True)

    def _end_child(self, *, kill: bool) -> None:
        os.close(self._answer)
        try:
            if kill:
                os.kill(self.pid, signal.SIGKILL)  # done already, or stuck: either way, gone
            os.waitpid(self.pid, 0)
        except (ProcessLookupError, ChildProcessError):
            pass


def _read_all(fd: int, deadline: float) -> bytes:
    """What the child wrote until it closed the pipe; b"" when the deadline passed first."""
    chunks = []
    while True:
        left = deadline - time.monotonic()
        if left <= 0 or not select.select([fd], [], [], left)[0]:
            return b""
        chunk = os.read(fd, 1 << 16)
        if not chunk:
            return b"".join(chunks)
        chunks.append(chunk)


def _child(path: Path, read: Callable[[Any], Any], write_end: int) -> None:
    """Read, answer, exit: with os._exit, so no atexit handler, buffered output or finalizer
    of the parent's objects runs here (the parent's connections are never touched)."""
    status = 1
    try:
        null = os.open(os.devnull, os.O_RDWR)
        for fd in (0, 1, 2):  # nothing reaches the terminal from here
            os.dup2(null, fd)
        signal.signal(signal.SIGINT, signal.SIG_DFL)
        found = read_with_marks(path, read)
        if found is not None:
            data = pickle.dumps(found, protocol=pickle.HIGHEST_PROTOCOL)
            view = memoryview(data)
            while view:
                view = view[os.write(write_end, view):]
            status = 0
    except BaseException:  # noqa: BLE001 - the parent reads for itself; nothing to report here
        pass
    finally:
        os._exit(status)
