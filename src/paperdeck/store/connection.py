"""Opening the database file: checks before any write, pragmas, migrations.

Every open of an existing file runs the cheap checks of `integrity.py`; the full integrity
check runs before this function returns when the open itself writes (migrations, a switch to
WAL) or the file is small, and otherwise in the background (see `Store.transaction()`).

This module and its siblings in `store/` are the only code that opens SQLite.
"""

from __future__ import annotations

import os
import sqlite3
import stat
from pathlib import Path

from .errors import DatabaseCorrupt, DatabaseTooNew, DatabaseUnavailable, NotAPaperdeckDatabase, is_write_refusal
from . import check_stamp, integrity
from .integrity import BackgroundCheck, quick_check, schema_problem, structural_problem
from .migrate import LATEST_VERSION, migrate
from .schema_check import remember_schema
from .speech_counts import fill_missing

# PRAGMA application_id marks a file as ours ("PDCK").
APPLICATION_ID = 0x5044434B
SQLITE_MAGIC = b"SQLite format 3\x00"
BUSY_TIMEOUT_MS = 5000


def file_status(path: Path) -> os.stat_result | None:
    """The database file's stat, None when it does not exist yet. Anything but a regular file
    (a folder, FIFO, device, socket) is refused here, before any open or chmod touches it."""
    from ..domain.file_kinds import not_regular

    try:
        status = os.stat(path)
    except (FileNotFoundError, NotADirectoryError):  # the caller says why it cannot be made
        return None
    except (OSError, ValueError) as error:
        reason = getattr(error, "strerror", None) or error
        raise DatabaseUnavailable(f"{path}: cannot use it as the database: {reason}") from error
    refusal = not_regular(status.st_mode)
    if refusal:
        raise DatabaseUnavailable(f"{path}: {refusal}")
    return status


def connect_readonly(path: Path, *, immutable: bool = False, **kwargs) -> sqlite3.Connection:
    """A read-only connection. The path goes through `as_uri()`, so `#`, `?` and spaces in it
    are escaped instead of being read as URI syntax. `immutable`: no locks and no WAL index
    (for a file in a folder nobody can write, where SQLite cannot make the -shm file)."""
    flags = "mode=ro&immutable=1" if immutable else "mode=ro"
    return sqlite3.connect(f"{Path(path).resolve().as_uri()}?{flags}", uri=True, **kwargs)


def inspect_existing(path: Path) -> None:
    """Refuse a file that is not ours or is too new, without writing a byte to it."""
    file_status(path)
    try:
        with path.open("rb") as handle:
            header = handle.read(100)
    except PermissionError as error:
        raise DatabaseUnavailable(f"{path}: cannot read the database: permission denied") from error
    except OSError as error:
        raise DatabaseUnavailable(f"{path}: cannot read the database: {error.strerror}") from error
    if not header:
        return  # an empty file becomes a new database
    if not header.startswith(SQLITE_MAGIC) or len(header) < 100:
        raise NotAPaperdeckDatabase(f"{path}: not a paperdeck database (not an SQLite file)")
    # The header holds both numbers at fixed offsets: read them without opening SQLite.
    user_version = int.from_bytes(header[60:64], "big")
    application_id = int.from_bytes(header[68:72], "big")
    if _wal_has_frames(path):
        # Another connection (the app) may hold newer header values in the WAL, not yet
        # checkpointed into the file: ask SQLite, read-only.
        user_version, application_id = _ids_through_sqlite(path, user_version, application_id)
    if application_id != APPLICATION_ID:
        if application_id == 0 and user_version == 0 and _is_empty_sqlite(path):
            return
        raise NotAPaperdeckDatabase(f"{path}: not a paperdeck database (an SQLite file of another program)")
    if user_version > LATEST_VERSION:
        raise DatabaseTooNew(
            f"{path}: written by a newer paperdeck (schema {user_version}, this one knows up to "
            f"{LATEST_VERSION}); upgrade paperdeck to open it. The file was left untouched."
        )


def _wal_has_frames(path: Path) -> bool:
    try:
        return Path(f"{path}-wal").stat().st_size > 32
    except OSError:
        return False


def _ids_through_sqlite(path: Path, user_version: int, application_id: int) -> tuple[int, int]:
    try:
        conn = connect_readonly(path)
        try:
            return (conn.execute("PRAGMA user_version").fetchone()[0],
                    conn.execute("PRAGMA application_id").fetchone()[0])
        finally:
            conn.close()
    except sqlite3.DatabaseError:
        return user_version, application_id


def _is_empty_sqlite(path: Path) -> bool:
    try:
        conn = connect_readonly(path)
        try:
            return conn.execute("SELECT count(*) FROM sqlite_master").fetchone()[0] == 0
        finally:
            conn.close()
    except sqlite3.DatabaseError:
        return False


def connect(path: Path) -> sqlite3.Connection:
    """Open (creating if needed) and migrate the database at `path`, fully checked first."""
    conn, _ = open_connection(path, background=False)
    return conn


def open_connection(path: Path, *, background: bool = True,
                    start_check: bool = True) -> tuple[sqlite3.Connection, BackgroundCheck | None]:
    """Open (creating if needed) and migrate the database at `path`.

    Returns the connection and, when `background` allowed it, the full integrity check still
    running (`start_check` False: not started yet, see `BackgroundCheck`): nothing may write
    through the connection before that check has passed.
    """
    path = Path(path)
    status = file_status(path)
    existed = status is not None and status.st_size > 0
    if status is not None:
        inspect_existing(path)
        why = read_only_reason(path, status)
        if why:
            raise DatabaseUnavailable(f"{path}: cannot write the database: {why}; commands that only "
                                      "read (list, today, show, export ...) still work")
    else:
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            raise DatabaseUnavailable(
                f"{path.parent}: cannot create the data directory: {error.strerror or error}"
            ) from error
        if not os.access(path.parent, os.W_OK):
            raise DatabaseUnavailable(f"{path.parent}: cannot create the database here: permission denied")
    try:
        conn = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
        conn.row_factory = sqlite3.Row
        conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        pending = _refuse_if_damaged(conn, path, background, start_check) if existed else None
        _refuse_if_drifted(conn, path)
        conn.execute("PRAGMA journal_mode = WAL")
        # In WAL mode NORMAL keeps every commit across a process crash or kill -9;
        # only an OS crash or power loss can lose the last commits.
        conn.execute("PRAGMA synchronous = NORMAL")
        conn.execute("PRAGMA foreign_keys = ON")
    except sqlite3.DatabaseError as error:
        raise DatabaseUnavailable(f"{path}: cannot open the database: {error}") from error
    _restrict_permissions(path)
    try:
        migrate(conn, APPLICATION_ID)
        if pending is None:  # a write: only once the file is known sound (else at a later open)
            remember_schema(conn)
            _count_pitch_speech(conn)
    except BaseException:
        conn.close()
        raise
    return conn, pending


def _count_pitch_speech(conn: sqlite3.Connection) -> None:
    """Fill the pitch sections' missing speaking counts (`speech_counts.fill_missing`). A refused
    write (locked by another process, disk full): left for a later open; readers count those
    bodies themselves meanwhile."""
    try:
        fill_missing(conn)
    except sqlite3.OperationalError as error:
        if not is_write_refusal(error):
            raise


def read_only_reason(path: Path, status: os.stat_result) -> str | None:
    """Why the database file cannot or must not be written, or None. Judged by its mode bits
    too: a file chmod-ed 0400 is read-only by its owner's wish even for root, who may write it."""
    if not status.st_mode & stat.S_IWUSR:
        return f"the file is read-only (mode {stat.S_IMODE(status.st_mode):04o})"
    if not os.access(path, os.W_OK):
        return "permission denied"
    return None


def reads_only(path: Path) -> bool:
    """Should a command that only reads open `path` read-only? When the file exists and it, or
    its folder (where the journal goes), cannot be written."""
    try:
        status = file_status(path)
    except DatabaseUnavailable:
        return False  # the normal open says why
    if status is None or status.st_size == 0:
        return False
    return read_only_reason(path, status) is not None or not os.access(path.parent, os.W_OK | os.X_OK)


def open_readonly_connection(path: Path, *, background: bool = True,
                             start_check: bool = True) -> tuple[sqlite3.Connection, BackgroundCheck | None]:
    """Open an existing database for reading only: no migration, pragma write or chmod.

    For commands that only read, when the file is read-only. A file older than this release's
    schema cannot be read this way (it needs its migrations): that is said in one line.
    """
    path = Path(path)
    status = file_status(path)
    if status is None or status.st_size == 0:
        raise DatabaseUnavailable(f"{path}: no database here yet, and it cannot be created read-only")
    inspect_existing(path)
    try:
        conn = _readable_connection(path)
        conn.row_factory = sqlite3.Row
        conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        conn.execute("PRAGMA query_only = ON")
        pending = _refuse_if_damaged(conn, path, background, start_check)
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        _refuse_if_drifted(conn, path)
    except sqlite3.DatabaseError as error:
        raise DatabaseUnavailable(f"{path}: cannot open the database read-only: {error}") from error
    if version < LATEST_VERSION:
        conn.close()
        raise DatabaseUnavailable(
            f"{path}: is read-only and needs upgrading (schema {version} to {LATEST_VERSION}); make it "
            "writable once (chmod u+w) so paperdeck can upgrade it"
        )
    return conn, pending


def _readable_connection(path: Path) -> sqlite3.Connection:
    """A read-only connection that can read. In a folder nobody may write, SQLite cannot make
    the WAL index (-shm) a WAL file needs: with no WAL content to miss, the file is then read
    as immutable; with WAL content it cannot be read correctly, and that is said."""
    conn = connect_readonly(path, isolation_level=None, check_same_thread=False)
    try:
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        return conn
    except sqlite3.OperationalError as error:  # cannot open or lock: not damage (that is DatabaseError)
        conn.close()
        if os.access(path.parent, os.W_OK | os.X_OK):  # not the folder: busy, or another cause
            raise DatabaseUnavailable(f"{path}: cannot read the database: {error}") from error
        if _wal_has_frames(path):
            raise DatabaseUnavailable(
                f"{path}: cannot read it: its folder is read-only and its journal ({path.name}-wal) holds "
                f"changes not yet in the file ({error}); open it once where it can be written"
            ) from error
    # Nobody can write in this folder, so no other connection can be changing the file.
    return connect_readonly(path, immutable=True, isolation_level=None, check_same_thread=False)


def _refuse_if_drifted(conn: sqlite3.Connection, path: Path) -> None:
    from .errors import SchemaDrift
    from .schema_check import schema_drift

    problem = schema_drift(conn)
    if problem is not None:
        conn.close()
        raise SchemaDrift.found(path, problem)


def _refuse_if_damaged(conn: sqlite3.Connection, path: Path, background: bool,
                       start_check: bool = True) -> BackgroundCheck | None:
    """A damaged file is never written to: stop before any pragma or migration writes.

    The cheap checks always run here; the full one too unless it may run in the background
    (a large file this open does not write to): then it is returned, started or (not
    `start_check`) to be started later."""
    with path.open("rb") as handle:
        header = handle.read(100)
    problem = structural_problem(path, header, _wal_has_frames(path)) or schema_problem(conn)
    if problem is None:
        if background and path.stat().st_size > integrity.SYNC_CHECK_MAX_BYTES and not _open_writes(conn, header):
            if check_stamp.matches(path):  # exactly as it was when it last passed: sound
                return None
            return BackgroundCheck(path, start=start_check)
        problem = quick_check(conn)
    if problem is None:
        return None
    conn.close()
    check_stamp.forget(path)
    from .backup import latest_good_backup

    raise DatabaseCorrupt.found(path, problem, latest_good_backup(path))


def _open_writes(conn: sqlite3.Connection, header: bytes) -> bool:
    """Will opening write to the file: a migration, or the switch to WAL (header bytes 18-19)?"""
    not_wal = header[18:20] != b"\x02\x02"
    return not_wal or conn.execute("PRAGMA user_version").fetchone()[0] < LATEST_VERSION


def _restrict_permissions(path: Path) -> None:
    """The database holds private drafts: readable by the user alone."""
    for candidate in (path, Path(f"{path}-wal"), Path(f"{path}-shm")):
        try:
            if candidate.exists():
                os.chmod(candidate, 0o600)
        except OSError:
            pass
