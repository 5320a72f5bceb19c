"""The backups folder of one database: `backups/<database file name>/` (paths.backups_dir).

Made private (0700); refused when it, or the shared `backups/` above it, is a symbolic link:
nothing is chmod-ed, written, listed or pruned through a link. The folder's marker names the
database that backed up there last, for when that database is too damaged to say who it is.
Pruning keeps the newest by count, judged against the backup just made, never by the wall
clock alone: a backup named with a clock set years ahead does not outrank it.
"""

from __future__ import annotations

import os
import re
import stat
import time
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

from ..models.common import utcnow
from ..paths import backups_dir, backups_root
from .errors import DatabaseUnavailable

BACKUP_NAME = re.compile(r"^paperdeck-(\d{8})-(\d{6})(?:-[a-z0-9-]+)?\.db$")
DIR_MODE = 0o700
FILE_MODE = 0o600
# A backup dated later than this past the one just made was taken with a clock set ahead.
CLOCK_SLACK = timedelta(days=1)
OWNER_MARKER = ".database-id"
# A backup's temporary file this old was cut short (one being written changes all the time).
CUT_SHORT_SECONDS = 3600


@dataclass(frozen=True, slots=True)
class BackupFile:
    """A backup file and when it was taken."""

    path: Path
    taken_at: datetime  # local, naive: as written in the name

    @property
    def label(self) -> str:
        return f"{self.path.name} ({self.taken_at:%Y-%m-%d %H:%M})"


def local_now() -> datetime:
    from ..clock import system_zone

    return utcnow().astimezone(system_zone()).replace(tzinfo=None)


def _refuse_link(directory: Path) -> bool:
    """True when `directory` exists (as a real folder); DatabaseUnavailable when it is a link or
    not a folder. Never follows a link."""
    try:
        mode = os.lstat(directory).st_mode
    except FileNotFoundError:
        return False
    except OSError as error:
        raise DatabaseUnavailable(f"{directory}: cannot use the backups folder: {error.strerror or error}") from error
    if stat.S_ISLNK(mode):
        raise DatabaseUnavailable(f"{directory}: the backups folder is a symbolic link; paperdeck does not "
                                  "write, chmod or prune through links (make it a real folder)")
    if not stat.S_ISDIR(mode):
        raise DatabaseUnavailable(f"{directory}: is not a folder; the backups cannot go there")
    return True


def ensure_backups_dir(db_path: Path) -> Path:
    """This database's backups folder, made (private) if needed; links refused."""
    directory = backups_dir(Path(db_path))
    try:
        for folder in (backups_root(Path(db_path)), directory):
            if not _refuse_link(folder):
                folder.mkdir(mode=DIR_MODE)
            _refuse_link(folder)  # made meanwhile as a link: still refused
            os.chmod(folder, DIR_MODE)
    except OSError as error:
        raise DatabaseUnavailable(f"{directory}: cannot create the backups directory: {error.strerror or error}") from error
    return directory


def _taken_at(digits: str) -> datetime:
    """"20261130081500" -> its datetime (as strptime "%Y%m%d%H%M%S" reads it; ValueError when
    it is no time); strptime's module costs more to import than the rest of the listing."""
    numbers = [int(digits[start:end]) for start, end in ((0, 4), (4, 6), (6, 8), (8, 10), (10, 12), (12, 14))]
    return datetime(*numbers)


def _backups_in(directory: Path) -> list[BackupFile]:
    """Backup files directly in `directory`, newest first by name; links are not followed."""
    try:
        if not _refuse_link(directory):
            return []
    except DatabaseUnavailable:
        return []
    found = []
    try:
        entries = list(os.scandir(directory))
    except OSError:  # unreadable: no backups to list, prune or offer from it
        return []
    for entry in entries:
        match = BACKUP_NAME.match(entry.name)
        if match and entry.is_file(follow_symlinks=False):
            try:
                taken = _taken_at(match.group(1) + match.group(2))
            except ValueError:
                continue
            found.append(BackupFile(Path(entry.path), taken))
    return sorted(found, key=lambda backup: (backup.taken_at, backup.path.name), reverse=True)


def list_backups(db_path: Path) -> list[BackupFile]:
    """This database's backups, newest first (by the time in their names)."""
    try:
        _refuse_link(backups_root(Path(db_path)))
    except DatabaseUnavailable:
        return []
    return _backups_in(backups_dir(Path(db_path)))


def shared_backups(db_path: Path) -> list[BackupFile]:
    """Backups in the `backups/` folder every database shared before per-database folders."""
    return _backups_in(backups_root(Path(db_path)))


def prune_backups(db_path: Path, keep: int, *, made: Path | None = None) -> list[Path]:
    """Delete all but the newest `keep` of this database's backups (at least one is kept).

    `made` (the backup just taken) is never deleted, and a backup dated more than a day after
    it was taken with the clock set ahead: it is counted as older than every correctly dated one.
    """
    backups = list_backups(db_path)
    reference = next((b.taken_at for b in backups if made is not None and b.path == made), None)
    if reference is None:
        reference = local_now()

    def recency(backup: BackupFile) -> tuple[bool, bool, datetime]:
        trusted = backup.taken_at <= reference + CLOCK_SLACK
        return (backup.path == made, trusted, backup.taken_at)

    ordered = sorted(backups, key=recency, reverse=True)
    removed = _remove_cut_short(backups_dir(Path(db_path)))
    for backup in ordered[max(1, keep):]:
        try:
            backup.path.unlink()
            removed.append(backup.path)
        except OSError:
            pass
    return removed


def _remove_cut_short(directory: Path) -> list[Path]:
    """Temporary files of backups cut short (a kill, a closed terminal, Ctrl+C while the day's
    backup ran): an hour old, since one being written is written to all the time."""
    try:
        if not _refuse_link(directory):
            return []
        entries = list(os.scandir(directory))
    except (OSError, DatabaseUnavailable):
        return []
    removed = []
    now = time.time()
    for entry in entries:
        if not (entry.name.startswith(".paperdeck-") and ".partial" in entry.name):
            continue
        try:
            if entry.is_file(follow_symlinks=False) and now - entry.stat(follow_symlinks=False).st_mtime > CUT_SHORT_SECONDS:
                os.unlink(entry.path)
                removed.append(Path(entry.path))
        except OSError:
            pass
    return removed


def mark_folder(directory: Path, owner: str) -> None:
    """Record in the folder whose backups it holds (read when the database itself is too damaged
    to tell): the database that backed up here last."""
    marker = directory / OWNER_MARKER
    try:
        if marker.read_text(encoding="ascii").strip() == owner:
            return
    except (OSError, UnicodeDecodeError):
        pass
    temporary = directory / f"{OWNER_MARKER}.partial"
    fd = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_TRUNC | getattr(os, "O_NOFOLLOW", 0), FILE_MODE)
    with os.fdopen(fd, "w", encoding="ascii") as handle:
        handle.write(owner + "\n")
    os.replace(temporary, marker)


def folder_owner(db_path: Path) -> str | None:
    marker = backups_dir(Path(db_path)) / OWNER_MARKER
    try:
        if os.path.islink(marker):
            return None
        return marker.read_text(encoding="ascii").strip() or None
    except (OSError, UnicodeDecodeError):
        return None
