"""Errors the store raises, each with a message fit to show a user."""

from __future__ import annotations


class StoreError(Exception):
    """Base class: the message is meant for the user."""


class NotAPaperdeckDatabase(StoreError):
    pass


class DatabaseTooNew(StoreError):
    pass


class DatabaseUnavailable(StoreError):
    """The file cannot be opened or created (permissions, missing directory, disk)."""


class DatabaseCorrupt(StoreError):
    pass


class ConflictError(StoreError):
    """A save would overwrite a newer version written elsewhere (another window, the CLI)."""

    def __init__(self, message: str, current_version: int | None = None):
        super().__init__(message)
        self.current_version = current_version


class NotFound(StoreError):
    pass


class ValidationError(StoreError):
    """Input the store refuses; `field` names the field when there is one."""

    def __init__(self, message: str, field: str | None = None):
        super().__init__(message)
        self.field = field
