"""Backups with SQLite's online backup API, and restoring one.

A backup is a consistent snapshot even while the app writes (the API copies one read
transaction). Each database's backups live in its own folder, `paths.backups_dir(db)` =
`backups/<database file name>/`, readable by the user alone; each is written to a temporary
name, checked, then renamed, so a backup file that exists is complete. Names sort by time:
`paperdeck-YYYYMMDD-HHMMSS[-reason].db` (local time).

- A backup holds its database's id (`database_identity`, made once per database): a damaged
  database is offered only a backup with its own id, and `restore` of another database's backup
  needs `force`.
- Pruning keeps the newest `backups_kept` by count. Which are newest is judged against the
  backup just made, never the wall clock alone: one made with the clock set years ahead does
  not outrank it, and the backup just made is never pruned.
- A backups folder that is a symbolic link is refused: nothing is chmod-ed, written or pruned
  through it. Backups of the shared `backups/` folder of earlier versions are listed, never
  offered or pruned automatically (whose they are is unknown); `restore FILE` takes them.
"""

from __future__ import annotations

import os
import sqlite3
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from .backup_folder import (  # noqa: F401  (BackupFile, list_backups, shared_backups: used from here)
    FILE_MODE, BackupFile, folder_owner, local_now, mark_folder, ensure_backups_dir, list_backups,
    prune_backups, shared_backups,
)
from ..paths import fsync_folder
from .backup_due import DailyBackup, daily_backup_due  # noqa: F401  (named here too)
from .connection import connect_readonly
from .errors import DatabaseCorrupt, DatabaseUnavailable, NotAPaperdeckDatabase, StoreError

if TYPE_CHECKING:
    from .store import Store

def _new_backup_path(db_path: Path, reason: str, owner: str | None) -> Path:
    directory = ensure_backups_dir(db_path)
    if owner is not None:
        try:
            mark_folder(directory, owner)
        except OSError as error:
            raise DatabaseUnavailable(f"{directory}: cannot write the backups folder: {error.strerror or error}") from error
    stamp = local_now().strftime("%Y%m%d-%H%M%S")
    suffix = f"-{reason}" if reason else ""
    candidate = directory / f"paperdeck-{stamp}{suffix}.db"
    counter = 2
    while candidate.exists():
        candidate = directory / f"paperdeck-{stamp}{suffix}-{counter}.db"
        counter += 1
    return candidate


def _copy_database(source: sqlite3.Connection, target: Path) -> None:
    """Snapshot `source` into a new file at `target` (atomic: temp file, check, rename)."""
    target = Path(target)
    temporary = target.with_name(f".{target.name}.partial")
    temporary.unlink(missing_ok=True)
    try:
        fd = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, FILE_MODE)
        os.close(fd)
        destination = sqlite3.connect(temporary)
        try:
            source.backup(destination)
            # The copy keeps the source's WAL flag; a single-file backup is simpler to move.
            destination.execute("PRAGMA journal_mode = DELETE")
            problem = _quick_check(destination)
        finally:
            destination.close()
        if problem:
            raise DatabaseCorrupt(f"the backup did not pass the integrity check: {problem}")
        os.chmod(temporary, FILE_MODE)
        with open(temporary, "rb") as handle:
            os.fsync(handle.fileno())
        os.replace(temporary, target)
        fsync_folder(target.parent)
    except OSError as error:
        raise DatabaseUnavailable(f"{target}: cannot write the backup: {error.strerror or error}") from error
    finally:
        temporary.unlink(missing_ok=True)



def _quick_check(conn: sqlite3.Connection) -> str | None:
    """None when the file is sound, else what SQLite found wrong."""
    from .integrity import quick_check

    return quick_check(conn)


def backup_store(store: "Store", target: Path | None = None, *, reason: str = "") -> Path:
    """Back up the open database to `target`, or to a new file in the backups directory."""
    if target is None:
        with store._lock:
            owner = database_id(store.conn)
        path = _new_backup_path(store.path, reason, owner)
    else:
        path = Path(target)
    if target is not None:
        if path.is_dir():
            raise DatabaseUnavailable(f"{path}: is a directory; give a file name for the backup")
        if path.resolve() == Path(store.path).resolve():
            raise DatabaseUnavailable(f"{path}: is the database itself; choose another file")
        if not path.parent.is_dir():
            raise DatabaseUnavailable(f"{path.parent}: no such directory")
    with store._lock:
        _copy_database(store.conn, path)
    return path


def backup_file(db_path: Path, *, reason: str) -> Path:
    """Back up a database file that is not open here (read-only: the source is never written)."""
    source = connect_readonly(Path(db_path))
    try:
        target = _new_backup_path(db_path, reason, database_id(source))
        _copy_database(source, target)
    finally:
        source.close()
    return target


def daily_backup(store: "Store") -> Path | None:
    """At the first start of a day, back up and keep the newest `backups_kept`. Else None."""
    due = daily_backup_due(store)
    return due.make() if due is not None else None


def database_id(conn: sqlite3.Connection) -> str | None:
    """The id stored in a database (or a backup of it); None before migration 4 or unreadable."""
    try:
        found = conn.execute("SELECT database_id FROM database_identity WHERE id = 1").fetchone()
    except sqlite3.DatabaseError:
        return None
    return None if found is None else str(found[0])


def file_database_id(path: Path) -> str | None:
    """`database_id` of a file, read-only; None when it cannot be read."""
    try:
        conn = connect_readonly(Path(path))
    except sqlite3.Error:
        return None
    try:
        return database_id(conn)
    finally:
        conn.close()


def check_backup_source(source: Path) -> None:
    """Refuse anything that is not a sound paperdeck database, without writing to it."""
    from .connection import APPLICATION_ID, file_status, inspect_existing

    source = Path(source)
    if file_status(source) is None:  # a FIFO or device is refused there, before any open
        raise DatabaseUnavailable(f"{source}: no such file")
    inspect_existing(source)
    conn = connect_readonly(source)
    try:
        try:
            application_id = conn.execute("PRAGMA application_id").fetchone()[0]
        except sqlite3.DatabaseError as error:
            raise NotAPaperdeckDatabase(f"{source}: not a paperdeck database ({error})") from error
        if application_id != APPLICATION_ID:
            raise NotAPaperdeckDatabase(f"{source}: not a paperdeck database (empty or another program's)")
        problem = _quick_check(conn)
        if problem:
            raise DatabaseCorrupt(f"{source}: damaged, cannot restore from it ({problem})")
    finally:
        conn.close()


def latest_good_backup(db_path: Path) -> BackupFile | None:
    """The newest sound backup of this database: in its folder, and holding its id (read from
    the database, or when it is too damaged, from the folder's marker)."""
    own = file_database_id(db_path) if Path(db_path).exists() else None
    own = own or folder_owner(db_path)
    for backup in list_backups(db_path):
        try:
            check_backup_source(backup.path)
        except (StoreError, sqlite3.Error, OSError):  # unreadable or damaged: try an older one
            continue
        if own is not None and file_database_id(backup.path) != own:
            continue  # another database's backup, moved or copied in here
        return backup
    return None


def set_aside(db_path: Path) -> Path:
    """Move a damaged database (and its -wal/-shm) aside, untouched: `NAME.damaged-STAMP`."""
    db_path = Path(db_path)
    stamp = local_now().strftime("%Y%m%d-%H%M%S")
    aside = db_path.with_name(f"{db_path.name}.damaged-{stamp}")
    counter = 2
    while aside.exists():
        aside = db_path.with_name(f"{db_path.name}.damaged-{stamp}-{counter}")
        counter += 1
    for suffix in ("-wal", "-shm", ""):
        part = Path(f"{db_path}{suffix}")
        if part.exists():
            os.replace(part, Path(f"{aside}{suffix}"))
    return aside


@dataclass(frozen=True, slots=True)
class RestoreResult:
    """What a restore did: its source, and what it kept of the database it replaced."""

    source: Path
    previous_backup: Path | None  # the database as it was, backed up first
    set_aside: Path | None  # where a damaged database was moved instead


def _overwrite_live(source: sqlite3.Connection, db_path: Path) -> None:
    """Copy `source` into the live WAL database through SQLite, so open connections follow.

    The backup API copies the source's header, journal mode included: a rollback-journal
    source written into a WAL database would leave other connections reading stale WAL
    frames. So the source goes through a WAL-mode staging copy first.
    """
    staging_path = db_path.with_name(f".{db_path.name}.restoring")
    for suffix in ("", "-wal", "-shm"):
        Path(f"{staging_path}{suffix}").unlink(missing_ok=True)
    staging = sqlite3.connect(staging_path, isolation_level=None)
    try:
        os.chmod(staging_path, FILE_MODE)
        source.backup(staging)
        staging.execute("PRAGMA journal_mode = WAL")
        target = sqlite3.connect(db_path, isolation_level=None)
        try:
            target.execute("PRAGMA busy_timeout = 5000")
            target.execute("PRAGMA journal_mode = WAL")
            staging.backup(target)
        finally:
            target.close()
    finally:
        staging.close()
        for suffix in ("", "-wal", "-shm"):
            Path(f"{staging_path}{suffix}").unlink(missing_ok=True)


def restore(db_path: Path, source: Path, *, force: bool = False) -> RestoreResult:
    """Replace the database at `db_path` with the backup `source`.

    A backup holding another database's id is refused unless `force` (a backup of earlier
    versions holds no id: the user named it, so it is taken).

    The current database is first backed up (or, when damaged, moved aside untouched). A sound
    current database is overwritten through SQLite's backup API, so an app that has it open
    sees the restored content at its next read instead of a file swapped under it.
    """
    from .connection import inspect_existing

    db_path, source = Path(db_path), Path(source)
    check_backup_source(source)
    if db_path.exists() and source.resolve() == db_path.resolve():
        raise DatabaseUnavailable(f"{source}: is the database itself; choose a backup file")
    if not force and db_path.exists():
        own, theirs = file_database_id(db_path), file_database_id(source)
        if own is not None and theirs is not None and own != theirs:
            raise DatabaseUnavailable(f"{source}: is a backup of another database, not of {db_path}; "
                                      "add --force to restore it anyway")
    previous = aside = None
    damaged = False
    if db_path.exists() and db_path.stat().st_size > 0:
        try:
            inspect_existing(db_path)
            probe = connect_readonly(db_path)
            try:
                damaged = _quick_check(probe) is not None
            finally:
                probe.close()
        except (NotAPaperdeckDatabase, DatabaseCorrupt, sqlite3.DatabaseError):
            damaged = True
        if damaged:
            aside = set_aside(db_path)
        else:
            previous = backup_file(db_path, reason="before-restore")
    source_conn = connect_readonly(source)
    try:
        if db_path.exists() and not damaged:
            _overwrite_live(source_conn, db_path)
        else:
            db_path.parent.mkdir(parents=True, exist_ok=True)
            _copy_database(source_conn, db_path)
    finally:
        source_conn.close()
    os.chmod(db_path, FILE_MODE)
    return RestoreResult(source=source, previous_backup=previous, set_aside=aside)
