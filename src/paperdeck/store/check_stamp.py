"""The full integrity check, remembered: a file exactly as it was when it last passed is not
read through again.

`PRAGMA quick_check` reads every page (~1 s at 280 MB, on the other core, but a write waits for
it). Its pass is kept as a stamp of the file: the device, inode, size and modification time (ns)
of the database and of its -wal, one small file per database in the user's cache folder
(`paths.check_stamps_dir`). The stamp is written when a check passes and the file did not
change while it ran, and when a store known sound (checked, or trusted by its stamp) closes
after its own writes. At the next open the check is skipped while the stamp matches; anything
else (no stamp, an unreadable or foreign one, any other file) means "check".

What a stamp cannot see: a change that keeps the size, the inode and the modification time
(a disk's bit rot, a tool that sets the time back). The cheap checks of every open (header,
schema) still run, SQLite still refuses a damaged page it meets, and each day's automatic
backup checks its copy in full.
"""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path

Stamp = list  # [[dev, ino, size, mtime_ns] of the file, the same of its -wal or None]
VERSION = 1


def file_stamp(db_path: Path) -> Stamp | None:
    """The database file's and its WAL's identity and state now; None if the file is missing."""
    parts = []
    for candidate in (str(db_path), f"{db_path}-wal"):
        try:
            status = os.stat(candidate)
        except FileNotFoundError:
            parts.append(None)
            continue
        except OSError:
            return None
        # An empty WAL holds nothing: the same as none (the last connection's close deletes it).
        parts.append([status.st_dev, status.st_ino, status.st_size, status.st_mtime_ns] if status.st_size else None)
    return parts if parts[0] is not None else None


def stamp_file(db_path: Path) -> Path:
    from ..paths import check_stamps_dir

    name = hashlib.sha256(os.fsencode(_key(db_path))).hexdigest()[:32]
    return check_stamps_dir() / f"{name}.json"


def _key(db_path: Path) -> str:
    return str(Path(db_path).resolve())


def matches(db_path: Path) -> bool:
    """Does the file's stamp say it passed the full check as it is now?"""
    try:
        data = json.loads(stamp_file(db_path).read_bytes())
        return (isinstance(data, dict) and data.get("version") == VERSION and data.get("path") == _key(db_path)
                and data.get("stamp") is not None and data.get("stamp") == file_stamp(db_path))
    except Exception:  # noqa: BLE001 - missing, unreadable, damaged or foreign: check
        return False


def record(db_path: Path, stamp: Stamp | None = None) -> None:
    """Remember that the file (as `stamp` saw it, else as it is now) is sound. Written
    atomically; best effort: a stamp that cannot be written only means a check next time."""
    stamp = file_stamp(db_path) if stamp is None else stamp
    if stamp is None:
        return
    try:
        target = stamp_file(db_path)
        target.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        temporary = target.with_name(f".{target.name}.{os.getpid()}.tmp")
        data = json.dumps({"version": VERSION, "path": _key(db_path), "stamp": stamp}).encode()
        handle = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        try:
            os.write(handle, data)
        finally:
            os.close(handle)
        os.replace(temporary, target)
    except OSError:
        pass


def forget(db_path: Path) -> None:
    """The file is damaged (or about to be replaced): no stamp may vouch for it."""
    try:
        stamp_file(db_path).unlink(missing_ok=True)
    except OSError:
        pass
