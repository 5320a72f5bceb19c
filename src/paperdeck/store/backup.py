"""Backups with SQLite's online backup API, and restoring one.

A backup is a consistent snapshot even while the app writes (the API copies one read
transaction). Backups live in `paths.backups_dir(db)`, a directory readable by the user
alone; each is written to a temporary name, checked, then renamed, so a backup file that
exists is complete. Names sort by time: `paperdeck-YYYYMMDD-HHMMSS[-reason].db` (local time).
"""

from __future__ import annotations

import os
import re
import sqlite3
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from ..models.common import utcnow
from ..paths import backups_dir
from .connection import connect_readonly
from .errors import DatabaseCorrupt, DatabaseUnavailable, NotAPaperdeckDatabase, StoreError

if TYPE_CHECKING:
    from .store import Store

BACKUP_NAME = re.compile(r"^paperdeck-(\d{8})-(\d{6})(?:-[a-z0-9-]+)?\.db$")
DIR_MODE = 0o700
FILE_MODE = 0o600


@dataclass(frozen=True, slots=True)
class BackupFile:
    path: Path
    taken_at: datetime  # local, naive: as written in the name

    @property
    def label(self) -> str:
        return f"{self.path.name} ({self.taken_at:%Y-%m-%d %H:%M})"


def _local_now() -> datetime:
    return utcnow().astimezone().replace(tzinfo=None)


def ensure_backups_dir(db_path: Path) -> Path:
    directory = backups_dir(Path(db_path))
    try:
        directory.mkdir(mode=DIR_MODE, parents=True, exist_ok=True)
        os.chmod(directory, DIR_MODE)
    except OSError as error:
        raise DatabaseUnavailable(f"{directory}: cannot create the backups directory: {error.strerror or error}") from error
    return directory


def list_backups(db_path: Path) -> list[BackupFile]:
    """Backups beside `db_path`, newest first."""
    directory = backups_dir(Path(db_path))
    if not directory.is_dir():
        return []
    found = []
    for entry in directory.iterdir():
        match = BACKUP_NAME.match(entry.name)
        if match and entry.is_file():
            try:
                taken = datetime.strptime(match.group(1) + match.group(2), "%Y%m%d%H%M%S")
            except ValueError:
                continue
            found.append(BackupFile(entry, taken))
    return sorted(found, key=lambda backup: (backup.taken_at, backup.path.name), reverse=True)


def _new_backup_path(db_path: Path, reason: str) -> Path:
    directory = ensure_backups_dir(db_path)
    stamp = _local_now().strftime("%Y%m%d-%H%M%S")
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
        _fsync_dir(target.parent)
    except OSError as error:
        raise DatabaseUnavailable(f"{target}: cannot write the backup: {error.strerror or error}") from error
    finally:
        temporary.unlink(missing_ok=True)


def _fsync_dir(directory: Path) -> None:
    try:
        fd = os.open(directory, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def _quick_check(conn: sqlite3.Connection) -> str | None:
    """None when the file is sound, else what SQLite found wrong."""
    from .integrity import quick_check

    return quick_check(conn)


def backup_store(store: "Store", target: Path | None = None, *, reason: str = "") -> Path:
    """Back up the open database to `target`, or to a new file in the backups directory."""
    path = Path(target) if target is not None else _new_backup_path(store.path, reason)
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
        target = _new_backup_path(db_path, reason)
        _copy_database(source, target)
    finally:
        source.close()
    return target


def prune_backups(db_path: Path, keep: int) -> list[Path]:
    """Delete all but the newest `keep` backups (at least one is always kept)."""
    removed = []
    for backup in list_backups(db_path)[max(1, keep):]:
        try:
            backup.path.unlink()
            removed.append(backup.path)
        except OSError:
            pass
    return removed


def daily_backup(store: "Store") -> Path | None:
    """At the first start of a day, back up and keep the newest `backups_kept`. Else None."""
    today = _local_now().date()
    if any(backup.taken_at.date() == today for backup in list_backups(store.path)):
        return None
    keep = store.settings.load().backups_kept
    made = backup_store(store, reason="")
    prune_backups(store.path, keep)
    return made


def check_backup_source(source: Path) -> None:
    """Refuse anything that is not a sound paperdeck database, without writing to it."""
    from .connection import APPLICATION_ID, inspect_existing

    source = Path(source)
    if not source.is_file():
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
    for backup in list_backups(db_path):
        try:
            check_backup_source(backup.path)
        except (StoreError, sqlite3.Error, OSError):  # unreadable or damaged: try an older one
            continue
        return backup
    return None


def set_aside(db_path: Path) -> Path:
    """Move a damaged database (and its -wal/-shm) aside, untouched: `NAME.damaged-STAMP`."""
    db_path = Path(db_path)
    stamp = _local_now().strftime("%Y%m%d-%H%M%S")
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


def restore(db_path: Path, source: Path) -> RestoreResult:
    """Replace the database at `db_path` with the backup `source`.

    The current database is first backed up (or, when damaged, moved aside untouched). A sound
    current database is overwritten through SQLite's backup API, so an app that has it open
    sees the restored content at its next read instead of a file swapped under it.
    """
    from .connection import inspect_existing

    db_path, source = Path(db_path), Path(source)
    check_backup_source(source)
    if db_path.exists() and source.resolve() == db_path.resolve():
        raise DatabaseUnavailable(f"{source}: is the database itself; choose a backup file")
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
