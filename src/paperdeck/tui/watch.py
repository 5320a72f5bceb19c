"""Live across processes: watch the database file and its WAL, refresh when another
process (the CLI, a second window) commits, reopen the store when the file is replaced.

watchfiles watches the database's directory (not the file: a restore that renames a new
file into place would leave a file watch on the old inode), keeps only events on the
database, its -wal and its -journal, and wakes us within ~100 ms of the last write.
`PRAGMA data_version` then tells whether another connection committed: our own commits
do not change it, so the app never refreshes for its own writes.
"""

from __future__ import annotations

import asyncio
import os
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from ..usecases.core import StoreError
from ..usecases.session import data_version, database_path

if TYPE_CHECKING:
    from ..usecases.core import Store

# Wake at most this long after a burst of writes began, and after this much quiet.
DEBOUNCE_MS = 250
STEP_MS = 40
# When watching fails (the directory vanished during a restore), try again after this long.
RETRY_SECONDS = 0.5


def file_identity(path: Path) -> tuple[int, int] | None:
    try:
        stat = os.stat(path)
    except OSError:
        return None
    return (stat.st_dev, stat.st_ino)


class DatabaseWatcher:
    """Calls `on_change()` when another process committed, `on_replaced()` when the file
    at the path is no longer the file the store opened.

    `store` is a callable so that the watcher always reads the app's current store (it
    changes after a reopen).
    """

    def __init__(
        self,
        store: Callable[[], "Store"],
        on_change: Callable[[], None],
        on_replaced: Callable[[], bool],
    ):
        self._store = store
        self.on_change = on_change
        self.on_replaced = on_replaced
        self.path = Path(database_path(store())).resolve()
        self.identity = file_identity(self.path)
        self.data_version = self._read_data_version()
        self.stop_event = asyncio.Event()
        self.changes_seen = 0

    def _read_data_version(self) -> int | None:
        try:
            return data_version(self._store())
        except StoreError:  # a closed or broken connection: the next check reopens
            return None

    def _relevant(self, _change: object, changed: str) -> bool:
        name = os.path.basename(changed)
        base = self.path.name
        return name in (base, f"{base}-wal", f"{base}-journal")

    def stop(self) -> None:
        self.stop_event.set()

    def check(self) -> None:
        """Compare with what we saw last; act on a replaced file or a foreign commit."""
        identity = file_identity(self.path)
        if identity is not None and identity != self.identity:
            if self.on_replaced():
                self.identity = identity
                self.data_version = self._read_data_version()
            return
        version = self._read_data_version()
        if version is not None and version != self.data_version:
            self.data_version = version
            self.on_change()

    async def run(self) -> None:
        """Watch until `stop()`; survives the directory or file going away for a while."""
        from watchfiles import awatch

        while not self.stop_event.is_set():
            directory = self.path.parent
            if not directory.is_dir():
                await self._sleep(RETRY_SECONDS)
                continue
            try:
                async for _changes in awatch(
                    directory, watch_filter=self._relevant, debounce=DEBOUNCE_MS, step=STEP_MS,
                    stop_event=self.stop_event, recursive=False, rust_timeout=1000,
                    yield_on_timeout=True,
                ):
                    if _changes:
                        self.changes_seen += 1
                    # Also on a timeout: a replaced file whose events we missed is still caught.
                    self.check()
            except (FileNotFoundError, OSError, RuntimeError):
                await self._sleep(RETRY_SECONDS)

    async def _sleep(self, seconds: float) -> None:
        try:
            await asyncio.wait_for(self.stop_event.wait(), timeout=seconds)
        except asyncio.TimeoutError:
            pass
