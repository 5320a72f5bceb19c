"""Is the database file sound? Cheap structural checks at every open, the full one off the path.

`PRAGMA quick_check` reads every page: O(file size), seconds on a large database. So an open
runs only checks that cost microseconds (the header's page count against the file's size,
reading the schema) and the full check runs either at once (a small file, or an open about to
write: migrations, switching to WAL) or in a background thread on its own read-only
connection. `Store.transaction()` waits for that thread before its first write, so a damaged
file is still never written to.

The thread runs at the lowest scheduling priority (Linux: a thread's nice value is its own), so
the full read never competes with the first answer for a core; it may also never start
(`BackgroundCheck(path, start=False)`): a command that only reads does not need it. Waiting for a
check not yet started starts it: a write is still preceded by the full check. A write that must
wait for it (a blocking `wait()`) starts the same check again at normal priority, and the first to
finish answers: on a machine kept busy (a training run on every core) the nice-19 read could take
minutes, and the write, on the UI thread, froze the app that long.
"""

from __future__ import annotations

import os
import sqlite3
import sys
import threading
from pathlib import Path

# Below this size the full check costs a few milliseconds: run it at once, before anything.
# (Measured on the 2-core machine, loaded: quick_check ~250 ms at 17 MB, ~2.6 s at 177 MB.)
SYNC_CHECK_MAX_BYTES = 4 * 1024 * 1024
HEADER_BYTES = 100
CHECK_CACHE_KIB = 256
LOWEST_PRIORITY = 19
# A write waiting this long for the nice-19 check starts it again at normal priority.
HURRY_AFTER_SECONDS = 0.2


def structural_problem(path: Path, header: bytes, wal_has_frames: bool) -> str | None:
    """What the header says is wrong with the file (truncation), without opening SQLite."""
    if len(header) < HEADER_BYTES:
        return "the file is shorter than its header"
    page_size = int.from_bytes(header[16:18], "big")
    page_size = 65536 if page_size == 1 else page_size
    if page_size < 512 or page_size & (page_size - 1):
        return f"the header gives an impossible page size ({page_size})"
    if wal_has_frames:
        # The WAL may hold the newest pages (an open app, a crash mid-checkpoint): the file's
        # own size says nothing until SQLite replays it; the schema read and full check decide.
        return None
    pages = int.from_bytes(header[28:32], "big")
    size_is_valid = pages > 0 and header[92:96] == header[24:28]
    if not size_is_valid:
        return None
    expected = pages * page_size
    actual = path.stat().st_size
    if actual < expected:
        return f"the file is truncated ({actual} of {expected} bytes)"
    return None


def schema_problem(conn: sqlite3.Connection) -> str | None:
    """Reading the schema catches a damaged first page (the schema's root) at once."""
    try:
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except sqlite3.DatabaseError as error:
        return str(error)
    return None


def quick_check(conn: sqlite3.Connection) -> str | None:
    """None when the file is sound, else what SQLite found wrong."""
    try:
        rows = conn.execute("PRAGMA quick_check").fetchall()
    except sqlite3.DatabaseError as error:
        return str(error)
    messages = [str(row[0]) for row in rows]
    return None if messages == ["ok"] else "; ".join(messages[:3])


def read_only_quick_check(path: Path) -> str | None:
    try:
        conn = sqlite3.connect(f"{Path(path).resolve().as_uri()}?mode=ro", uri=True, check_same_thread=False)
    except sqlite3.DatabaseError as error:
        return str(error)
    try:
        conn.execute("PRAGMA busy_timeout = 5000")
        # It reads every page once: SQLite's default page cache (2 MB) only added to the app's
        # memory while it ran; a small one checks as fast.
        conn.execute(f"PRAGMA cache_size = -{CHECK_CACHE_KIB}")
        return quick_check(conn)
    finally:
        conn.close()


class BackgroundCheck:
    """The full check of `path`, running in a daemon thread; `wait()` gives its finding.
    `start`: begin now; else at `start()` or the first `wait()`."""

    def __init__(self, path: Path, *, start: bool = True):
        self.path = Path(path)
        self._problem: str | None = None
        self._done = threading.Event()
        self._thread = threading.Thread(target=self._run, name="paperdeck-integrity", daemon=True)
        self._hurried: threading.Thread | None = None
        self._start_lock = threading.Lock()
        if start:
            self.start()

    def start(self) -> None:
        """Begin the check in its thread (once; later calls do nothing)."""
        with self._start_lock:
            if self._thread.ident is None:
                self._thread.start()

    @property
    def started(self) -> bool:
        return self._thread.ident is not None

    def _run(self, lowest: bool = True) -> None:
        if lowest:
            lowest_priority()
        from . import check_stamp

        try:
            before = check_stamp.file_stamp(self.path)
            problem = read_only_quick_check(self.path)
            if problem is None and before is not None and check_stamp.file_stamp(self.path) == before:
                check_stamp.record(self.path, before)  # the file passed as it still is
        # A true boundary: this thread's only result is its finding, and a check that cannot
        # run (whatever stopped it) must not pass for a sound file.
        except Exception as error:
            problem = f"the integrity check failed to run ({error})"
        with self._start_lock:  # the first of the two checks to finish answers
            if not self._done.is_set():
                self._problem = problem
                self._done.set()

    def _hurry(self) -> None:
        """Someone blocks on the answer: the same check at the caller's priority, too."""
        with self._start_lock:
            if self._hurried is None and not self._done.is_set():
                self._hurried = threading.Thread(target=self._run, args=(False,), daemon=True,
                                                 name="paperdeck-integrity-now")
                self._hurried.start()

    @property
    def done(self) -> bool:
        return self._done.is_set()

    def wait(self, timeout: float | None = None) -> str | None:
        """The problem found (None: sound). Blocks until the check ends (or `timeout`); starts
        it first if it has not started; a wait without a timeout (a write) hurries it."""
        self.start()
        if timeout is None and not self._done.wait(HURRY_AFTER_SECONDS):
            self._hurry()
        if not self._done.wait(timeout):
            raise TimeoutError("the integrity check is still running")
        return self._problem


def lowest_priority() -> None:
    """Give the calling thread the lowest CPU priority (nice 19), where threads have their own
    (Linux); elsewhere, or when refused, it keeps the process's."""
    if not sys.platform.startswith("linux"):
        return
    try:
        os.setpriority(os.PRIO_PROCESS, threading.get_native_id(), LOWEST_PRIORITY)
    except OSError:
        pass  # a sandbox may refuse it: the check only runs at the usual priority
