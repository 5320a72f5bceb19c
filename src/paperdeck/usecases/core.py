"""What the UI names of the layers below the use cases: the Store (for type hints: the UI
holds one and hands it to use cases) and the errors a use case can raise, each with a message
fit to show a user. The TUI imports these from here, never from `paperdeck.store`."""

from __future__ import annotations

from ..store.errors import (
    ConflictError,
    DatabaseCorrupt,
    DatabaseUnavailable,
    NotFound,
    StoreError,
    ValidationError,
    WriteRefused,
)
from ..store.store import Store

__all__ = [
    "ConflictError",
    "DatabaseCorrupt",
    "DatabaseUnavailable",
    "NotFound",
    "Store",
    "StoreError",
    "ValidationError",
    "WriteRefused",
]
