"""What the app shell asks of the database: the settings it starts with (language, theme,
keymap, clipboard), remembering a theme or language the user picks, the background integrity
check, and opening a database (at start, or again after a restore replaced the file)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from ..domain.settings import Settings
from ..store import open_store

if TYPE_CHECKING:
    from ..store import Store


def open_database(path: str | Path | None = None) -> "Store":
    """Open (migrating and seeding what is new) the database at `path` (default: the user's)."""
    return open_store(path)


def app_settings(store: "Store") -> Settings:
    """The typed settings, read once: at start (before the first frame: language, theme and
    keymap shape it), and again off the UI thread when another process changed the database."""
    return store.settings.load()


def remember_theme(store: "Store", theme: str) -> Settings:
    return store.settings.update(theme=theme)


def remember_language(store: "Store", language: str) -> Settings:
    return store.settings.update(language=language)


def integrity_pending(store: "Store") -> bool:
    """The full integrity check opening the file started is still running in the background."""
    return store.integrity_pending


def wait_for_integrity(store: "Store") -> None:
    """Wait for that check (a worker thread); DatabaseCorrupt when it found damage."""
    store.ensure_sound()
