"""The day's first automatic backup, kept off the path of what the user waits for.

The first start of a day copies the whole database and checks the copy: ~0.3 s at 1k papers,
seconds at 10k, and that first start is the morning `paperdeck today` or the app. So:
- a command that writes makes it first (the backup holds the state before the command);
- a command that only reads makes it after its output is written (`finish`);
- the app starts it in a low-priority thread once its first screen shows its data
  (`start_in_background`), on its own read-only connection; `finish` waits for it after
  the app has restored the terminal.
A failed backup never keeps the user from their data: a warning on stderr, and the command
works (the next start tries again: no backup was made today).
"""

from __future__ import annotations

import sys
import threading
import time
from typing import TYPE_CHECKING

from ..textsafe import printable

JOIN_WAKE_SECONDS = 0.1  # how often a wait for the backup thread looks for a Ctrl+C

if TYPE_CHECKING:
    from ..store import Store
    from ..store.backup_due import DailyBackup

_due: list["DailyBackup"] = []
_running: list[tuple[threading.Thread, "DailyBackup", float]] = []  # (thread, backup, started at)
_failures: list[str] = []


def plan(store: "Store", *, after_output: bool) -> None:
    """Make the day's backup now, or (`after_output`) once the command has answered."""
    from ..store import StoreError
    from ..store.backup_due import daily_backup_due

    try:
        due = daily_backup_due(store)
    except StoreError as error:
        _warn(str(error))
        return
    if due is None:
        return
    if after_output:
        _due.append(due)
    else:
        _make(due)


def start_in_background() -> None:
    """Begin the backups still due in a thread at the lowest priority (the app, once drawn)."""
    while _due:
        # A daemon: Ctrl+C while `finish` waits for it ends the process without it (`finish`
        # removes its half-written copy).
        due = _due.pop(0)
        thread = threading.Thread(target=_make, args=(due,), name="paperdeck-daily-backup", daemon=True)
        _running.append((thread, due, time.time()))
        thread.start()


def finish() -> None:
    """The command has answered: make what is still due, wait for what is running, and say
    what failed."""
    try:
        while _due:
            _make(_due.pop(0))
        if any(thread.is_alive() for thread, _due_backup, _started in _running):  # the app has quit
            sys.stderr.write("paperdeck: finishing today's automatic backup… (Ctrl+C skips it)\n")
            sys.stderr.flush()
        while _running:
            # Joined in short waits: Linux may give the terminal's SIGINT to the backup thread,
            # and a main thread blocked in an endless join would never run Python's handler.
            while _running[0][0].is_alive():
                _running[0][0].join(JOIN_WAKE_SECONDS)
            _running.pop(0)
    except KeyboardInterrupt:  # the user would rather not wait: the next start makes it
        from ..store.backup_folder import remove_own_partials

        _due.clear()
        for _thread, due, started in _running:  # its thread ends with the process: no half copy left
            remove_own_partials(due.db_path, since=started)
        _running.clear()
        sys.stderr.write("paperdeck: today's automatic backup was skipped; the next start makes it\n")
    while _failures:
        sys.stderr.write(printable(f"paperdeck: warning: automatic backup failed: {_failures.pop(0)}") + "\n")


def forget() -> None:
    """Drop what is still due (a new command starts: only its own backups are made)."""
    _due.clear()


def _make(due: "DailyBackup") -> None:
    from ..store import StoreError
    from ..store.integrity import lowest_priority

    if threading.current_thread() is not threading.main_thread():
        lowest_priority()  # the app's thread: never compete with the user's keys for a core
    try:
        due.make()
    except StoreError as error:
        _warn(str(error))


def _warn(message: str) -> None:
    if threading.current_thread() is threading.main_thread() and not _running:
        sys.stderr.write(printable(f"paperdeck: warning: automatic backup failed: {message}") + "\n")
    else:  # said once the app has given the terminal back
        _failures.append(message)
