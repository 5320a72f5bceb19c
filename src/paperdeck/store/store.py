"""The Store: one connection, transactions, and a repository per aggregate."""

from __future__ import annotations

import queue
import sqlite3
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .connection import BUSY_TIMEOUT_MS, connect_readonly, open_connection, open_readonly_connection, reads_only
from .errors import DatabaseCorrupt, DatabaseUnavailable, WriteRefused, is_write_refusal
from .migrate import current_version

if TYPE_CHECKING:
    from .cards import CardRepo
    from .integrity import BackgroundCheck
    from .guide import GuideRepo
    from .papers import PaperRepo
    from .pitches import PitchRepo
    from .drafts import DraftRepo
    from .settings import SettingsRepo
    from .venues import VenueRepo


class Store:
    """Owns the connection. Every write goes through `transaction()` and commits at its end."""

    def __init__(self, conn: sqlite3.Connection, path: Path, integrity: "BackgroundCheck | None" = None,
                 *, read_only: bool = False):
        self.conn = conn
        self.path = path
        self.read_only = read_only  # opened read-only (a read-only file, a command that only reads)
        self._lock = threading.RLock()
        self._depth = 0
        self._integrity = integrity  # the full check still running in the background, if any
        self._damage: DatabaseCorrupt | None = None
        # The read connections `reading()` uses, one per lane: a key's loads, and reads ahead
        # (AHEAD_LANES of them). A lane is (ahead, number); its connection opens at its first read.
        lanes = [(False, 0), *((True, number) for number in range(AHEAD_LANES))]
        self._readers: dict[tuple[bool, int], sqlite3.Connection | None] = {lane: None for lane in lanes}
        self._reader_locks = {lane: threading.Lock() for lane in lanes}  # held by a read, or by close()
        self._free_lanes: dict[bool, queue.SimpleQueue[tuple[bool, int]]] = {False: queue.SimpleQueue(), True: queue.SimpleQueue()}
        for lane in lanes:
            self._free_lanes[lane[0]].put(lane)

    # -- integrity --------------------------------------------------------------------------

    @property
    def integrity_pending(self) -> bool:
        """True until the background integrity check has been waited for."""
        return self._integrity is not None

    def ensure_sound(self, timeout: float | None = None) -> None:
        """Wait for the background integrity check; raise DatabaseCorrupt if it found damage
        (TimeoutError: still running after `timeout` seconds)."""
        if self._damage is not None:
            raise self._damage
        check = self._integrity
        if check is None:
            return
        problem = check.wait(timeout)
        if problem is not None:
            from . import check_stamp
            from .backup import latest_good_backup

            check_stamp.forget(self.path)
            self._damage = DatabaseCorrupt.found(self.path, problem, latest_good_backup(self.path))
            raise self._damage
        self._integrity = None

    # -- plumbing ---------------------------------------------------------------------------

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """One write transaction; nested calls join the outer one."""
        with self._lock:
            if self._depth:
                self._depth += 1
                try:
                    yield self.conn
                finally:
                    self._depth -= 1
                return
            self.ensure_sound()  # a damaged file is never written to
            if self.read_only:
                raise WriteRefused(f"{self.path}: the database is read-only here; the change was not saved")
            try:
                self.conn.execute("BEGIN IMMEDIATE")
            except sqlite3.OperationalError as error:
                if is_write_refusal(error):
                    raise WriteRefused.from_sqlite(error) from error
                raise
            self._depth = 1
            try:
                yield self.conn
                self.conn.execute("COMMIT")
                self._wrote = True
            except BaseException as error:
                if self.conn.in_transaction:
                    self.conn.execute("ROLLBACK")
                if is_write_refusal(error):
                    raise WriteRefused.from_sqlite(error) from error
                raise
            finally:
                self._depth = 0

    def rows(self, sql: str, params: Any = ()) -> list[sqlite3.Row]:
        with self._lock:
            return self.conn.execute(sql, params).fetchall()

    def tuples(self, sql: str, params: Any = ()) -> list[tuple]:
        """`rows` as plain tuples: cheaper to make, for many rows read by position."""
        with self._lock:
            cursor = self.conn.cursor()
            cursor.row_factory = None
            return cursor.execute(sql, params).fetchall()

    def row(self, sql: str, params: Any = ()) -> sqlite3.Row | None:
        with self._lock:
            return self.conn.execute(sql, params).fetchone()

    def scalar(self, sql: str, params: Any = ()) -> Any:
        found = self.row(sql, params)
        return None if found is None else found[0]

    @property
    def schema_version(self) -> int:
        with self._lock:
            return current_version(self.conn)

    def data_version(self) -> int:
        """Changes whenever another connection commits: cheap cross-process change detection.
        Raises DatabaseUnavailable once the connection is closed or broken."""
        with self._lock:
            try:
                return self.conn.execute("PRAGMA data_version").fetchone()[0]
            except sqlite3.Error as error:
                raise DatabaseUnavailable(f"{self.path}: the database connection is gone ({error})") from error

    def change_stamp(self) -> tuple[int, int]:
        """Differs from an earlier stamp once anyone changed a row: other connections' commits
        (`data_version`) or this connection's own (`total_changes`). A view that read the data
        under the same stamp is still current. Raises DatabaseUnavailable once closed."""
        with self._lock:
            version = self.data_version()
            return (version, self.conn.total_changes)

    def counts(self) -> dict[str, int]:
        from .paper_parts import checklist_item_count

        tables = [
            "papers", "venues", "deadlines", "decks", "cards", "reviews",
            "guide_items", "pitch_sections", "submissions",
        ]
        counts = {table: self.scalar(f"SELECT count(*) FROM {table}") for table in tables}
        counts["checklist_items"] = checklist_item_count(self.rows)  # those read from templates too
        return counts

    def close(self) -> None:
        """Close the connections (a load still reading finishes first)."""
        for lane, lock in self._reader_locks.items():
            with lock:
                reader, self._readers[lane] = self._readers[lane], None
                if reader is not None:
                    reader.close()
                self._closed = True
        with self._lock:
            stamp = self._sound_after_own_writes()
            try:
                self.conn.close()
            except sqlite3.Error as error:
                raise DatabaseUnavailable(f"{self.path}: closing the database failed ({error})") from error
            if stamp:  # the file as this store leaves it needs no full check at the next open
                from . import check_stamp

                check_stamp.record(self.path)

    def _sound_after_own_writes(self) -> bool:
        """Known sound (checked, or trusted by its stamp, at open; or its check passed since),
        and either written to through this store or still as its stamp says: the file as the
        close leaves it may be stamped (store/check_stamp.py). The second case is the close's
        own checkpoint: as the last connection it moves the WAL into the file, which changes
        the file's time and deletes the WAL, and a stamp of the file before would no longer match."""
        if self.read_only or self._damage is not None:
            return False
        check = self._integrity
        if check is not None and not (check.done and check.wait(0) is None):
            return False
        try:
            wrote = self._wrote or self.conn.total_changes > 0
        except sqlite3.Error:
            return False
        if wrote:
            return True
        from . import check_stamp

        return check_stamp.matches(self.path)

    # -- reading off the UI thread ------------------------------------------------------------

    _closed = False
    _wrote = False  # a write transaction of this store committed

    @contextmanager
    def reading(self, *, ahead: bool = False) -> Iterator["Store"]:
        """A read-only Store on one consistent snapshot, for a screen's load in a worker thread.

        It reads through a second connection, so a long load never holds this Store's lock:
        the UI thread's writes (a keystroke's save) do not wait behind it, and WAL lets the two
        run at once. Its one read transaction gives the load a single snapshot, even across a
        commit from another window. The snapshot Store is fresh per load (no repository state
        carries over); it refuses to write. Loads are serialized per connection: a key's loads
        have one, and `ahead` reads (a hidden screen's, read before the user asks for it) their
        own, so a key's load never waits behind one (at a heavy user's scale Stats read ahead for
        ~1 s, and the rating pressed meanwhile waited that long for its next card). Reads ahead
        have AHEAD_LANES: two screens built ahead at once (Resume, from the start; Stats, from
        the decks) read side by side, not one behind the other (1,000,000 reviews: Stats waited
        130-310 ms behind Resume's read, and the first `s` with it).
        """
        lane = self._free_lanes[ahead].get()  # waits for the first one freed
        self._reader_locks[lane].acquire()
        try:
            if self._closed:
                raise DatabaseUnavailable(f"{self.path}: the database was closed")
            try:
                reader = self._readers[lane]
                if reader is None:
                    reader = self._readers[lane] = _open_reader(self.path)
                reader.execute("BEGIN")
            except sqlite3.Error as error:
                raise DatabaseUnavailable(f"{self.path}: cannot read the database ({error})") from error
            try:
                yield _SnapshotStore(reader, self.path)
            except sqlite3.DatabaseError as error:
                if (getattr(error, "sqlite_errorcode", 0) & 0xFF) not in _UNREADABLE:
                    raise  # a mistake in a query, not the file: let it show
                raise DatabaseUnavailable(f"{self.path}: cannot read the database ({error})") from error
            finally:
                self._end_read(lane)
        finally:
            self._reader_locks[lane].release()
            self._free_lanes[ahead].put(lane)

    def _end_read(self, lane: tuple[bool, int]) -> None:
        """End the snapshot's read transaction; a reader that cannot (its file damaged) is
        closed, and the next load opens a fresh one."""
        reader = self._readers[lane]
        if reader is None or not reader.in_transaction:
            return
        try:
            reader.execute("COMMIT")
        except sqlite3.DatabaseError:
            self._readers[lane] = None
            try:
                reader.close()
            except sqlite3.Error:
                pass  # closing a connection to a damaged file: nothing is left to save

    # -- the undo journal -------------------------------------------------------------------

    def undo(self, scope: str, *, redo: bool = False) -> str | None:
        """Undo (redo) the latest change journaled in `scope` ('pipeline', 'venues', 'cards',
        'pitch'); its label, None if there is none. ConflictError if its rows changed since."""
        from . import undo

        with self.transaction() as conn:
            return undo.step(conn, scope, undo.SCOPE_ROOTS.get(scope), redo=redo)

    # -- repositories -----------------------------------------------------------------------

    @cached_property
    def settings(self) -> "SettingsRepo":
        from .settings import SettingsRepo

        return SettingsRepo(self)

    @cached_property
    def guide(self) -> "GuideRepo":
        from .guide import GuideRepo

        return GuideRepo(self)

    @cached_property
    def papers(self) -> "PaperRepo":
        from .papers import PaperRepo

        return PaperRepo(self)

    @cached_property
    def venues(self) -> "VenueRepo":
        from .venues import VenueRepo

        return VenueRepo(self)

    @cached_property
    def cards(self) -> "CardRepo":
        from .cards import CardRepo

        return CardRepo(self)

    @cached_property
    def pitches(self) -> "PitchRepo":
        from .pitches import PitchRepo

        return PitchRepo(self)

    @cached_property
    def drafts(self) -> "DraftRepo":
        from .drafts import DraftRepo

        return DraftRepo(self)


# A damaged page (SQLITE_CORRUPT), not a database (SQLITE_NOTADB), a failing disk (SQLITE_IOERR):
# a load that meets one fails with a message (the background check reports the damage itself).
_UNREADABLE = (11, 26, 10)


# The screens' read connection keeps this much of the file in its own page cache (SQLite's
# default is 2,000 KiB): a view reads each page once per load, and a page it reads again comes
# from the OS's cache at no measurable cost (the Dashboard's read at 1,000 and 10,000 papers
# took the same CPU time), while the default cache held ~1.5 MiB more from the start.
READER_CACHE_KIB = 512
AHEAD_LANES = 2  # read connections for reads ahead (Store.reading), each opened at its first use


def _open_reader(path: Path) -> sqlite3.Connection:
    conn = connect_readonly(path, isolation_level=None, check_same_thread=False)
    conn.row_factory = sqlite3.Row
    conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    conn.execute("PRAGMA query_only = ON")
    conn.execute(f"PRAGMA cache_size = -{READER_CACHE_KIB}")
    return conn


class _SnapshotStore(Store):
    """The read-only Store `Store.reading()` yields: every repository's reads, no writes."""

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        # A bug, not the user's doing: a load must only read (writes belong to actions).
        raise RuntimeError("a screen's view load tried to write; writes belong to the screen's actions")
        yield self.conn  # pragma: no cover - makes this a generator

    def reading(self, *, ahead: bool = False):  # type: ignore[override]
        raise RuntimeError("already reading a snapshot")

    def close(self) -> None:
        raise RuntimeError("the snapshot's connection belongs to the Store that made it")


def open_store(path: str | Path | None = None, *, seed: bool = True, reading: bool = False) -> Store:
    """Open the database (default: `paths.resolve_db_path()`), migrate it and seed what is new.

    `reading`: the caller only reads, so a read-only file is opened read-only (no migration or
    seeding) instead of refused; and the full integrity check of a large file does not start
    (a reader never needs it: a damaged page it meets is an error, and a write starts the check
    and waits for it first)."""
    from ..paths import resolve_db_path

    db_path = resolve_db_path(path)
    start_check = not reading
    if reading and reads_only(db_path):
        conn, integrity = open_readonly_connection(db_path, start_check=start_check)
        return Store(conn, db_path, integrity, read_only=True)
    conn, integrity = open_connection(db_path, start_check=start_check)
    store = Store(conn, db_path, integrity)
    if seed:
        from .seed import seed_if_needed

        seed_if_needed(store)
    return store


def read_snapshot(path: str | Path, read: "Callable[[Store], Any]") -> Any:
    """`read` run on a read-only snapshot of the database at `path`, through a connection of its
    own that never migrates, seeds or writes (a process forked to read ahead: usecases/view_ahead.py)."""
    conn = _open_reader(Path(path))
    try:
        conn.execute("BEGIN")
        return read(_SnapshotStore(conn, Path(path)))
    finally:
        conn.close()
