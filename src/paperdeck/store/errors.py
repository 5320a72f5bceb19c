"""Errors the store raises, each with a message fit to show a user."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from pathlib import Path

    from .backup import BackupFile


class StoreError(Exception):
    """Base class: the message is meant for the user."""


class NotAPaperdeckDatabase(StoreError):
    pass


class DatabaseTooNew(StoreError):
    pass


class DatabaseUnavailable(StoreError):
    """The file cannot be opened or created (permissions, missing directory, disk)."""


class WriteRefused(DatabaseUnavailable):
    """The database or the disk refused a write (read-only, full, I/O error, locked too long).

    Nothing of the change was saved; the caller keeps the user's edit so it can be retried."""

    @classmethod
    def from_sqlite(cls, error: Exception) -> "WriteRefused":
        return cls(f"cannot save: the database refuses writes ({error}); the change was not saved")


REFUSAL_MARKERS = ("readonly", "read-only", "disk is full", "database or disk is full", "disk i/o error",
                   "database is locked", "unable to open database file")


def is_write_refusal(error: BaseException) -> bool:
    import sqlite3

    return isinstance(error, sqlite3.OperationalError) and any(
        marker in str(error).lower() for marker in REFUSAL_MARKERS
    )


class DatabaseCorrupt(StoreError):
    """The file fails SQLite's integrity check; `backup` is the newest sound backup, if any."""

    def __init__(self, message: str, path: "Path | None" = None, backup: "BackupFile | None" = None):
        super().__init__(message)
        self.path = path
        self.backup = backup

    @classmethod
    def found(cls, path: "Path", problem: str, backup: "BackupFile | None") -> "DatabaseCorrupt":
        message = f"{path}: the database is damaged ({problem}). It was left untouched."
        if backup is not None:
            message += f" The latest good backup is {backup.path}; restore it with: paperdeck restore {backup.path}"
        else:
            message += " No good backup was found beside it."
        return cls(message, path, backup)


class SchemaDrift(StoreError):
    """The tables were changed outside paperdeck (by hand, another tool): refused untouched."""

    @classmethod
    def found(cls, path: "Path", problem: str) -> "SchemaDrift":
        return cls(f"{path}: the database's tables were changed outside paperdeck ({problem}). It was "
                   "left untouched; undo the change or restore a backup (paperdeck backup --list).")


class ConflictError(StoreError):
    """A save would overwrite a newer version written elsewhere (another window, the CLI)."""

    def __init__(self, message: str, current_version: int | None = None, theirs: dict | None = None):
        super().__init__(message)
        self.current_version = current_version
        self.theirs = theirs  # the stored row (column -> value), to show the other side's text


class NotFound(StoreError):
    pass


class ValidationError(StoreError):
    """Input the store refuses; `field` names the field when there is one."""

    def __init__(self, message: str, field: str | None = None):
        super().__init__(message)
        self.field = field
