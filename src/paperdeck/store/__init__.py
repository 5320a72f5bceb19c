"""The store: the only code that opens SQLite. Returns dataclasses from `paperdeck.models`."""

from .errors import (
    ConflictError,
    DatabaseCorrupt,
    DatabaseTooNew,
    DatabaseUnavailable,
    NotAPaperdeckDatabase,
    NotFound,
    SchemaDrift,
    StoreError,
    ValidationError,
    WriteRefused,
)
from .store import Store, open_store

__all__ = [
    "ConflictError",
    "DatabaseCorrupt",
    "DatabaseTooNew",
    "DatabaseUnavailable",
    "NotAPaperdeckDatabase",
    "NotFound",
    "SchemaDrift",
    "Store",
    "StoreError",
    "ValidationError",
    "WriteRefused",
    "open_store",
]
