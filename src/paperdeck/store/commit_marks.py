"""Marks of a database file that change with every commit, read from any process.

A commit in WAL mode appends frames to the `-wal` file and bumps the change counter of the WAL
index (`-shm`: the header's iChange); a WAL started over gets new salts in its header. In
rollback mode a commit bumps the file change counter in the database header (offset 24). The
marks are those bytes and the files' lengths (a few hundred bytes read): equal marks mean nobody
committed in between. A checkpoint may change them too: a comparison errs on "changed".
"""

from __future__ import annotations

import os
from pathlib import Path

DB_COUNTER = slice(24, 28)      # the database header's file change counter
WAL_HEADER_BYTES = 32           # magic, version, page size, checkpoint sequence, salts, checksums
WAL_INDEX_HEADER_BYTES = 48     # the first copy of the WAL index header (iChange, mxFrame, ...)

Marks = tuple[object, ...]


def commit_marks(path: Path) -> Marks:
    """The marks of the database at `path` now (its `-wal` and `-shm` beside it, if any)."""
    path = Path(path)
    return (
        _read(path, DB_COUNTER.stop, counter=True),
        _read(Path(f"{path}-wal"), WAL_HEADER_BYTES),
        _read(Path(f"{path}-shm"), WAL_INDEX_HEADER_BYTES),
    )


def _read(path: Path, size: int, *, counter: bool = False) -> tuple[int, bytes] | None:
    """(length, the first bytes) of a file; None when there is no such file."""
    try:
        with open(path, "rb") as file:
            head = file.read(size)
            length = os.fstat(file.fileno()).st_size
    except FileNotFoundError:
        return None
    return length, head[DB_COUNTER] if counter else head
