"""What the app shell asks of the database: the settings it starts with (language, theme,
keymap, clipboard), remembering a theme or language the user picks, the background integrity
check, opening a database (at start, or again after a restore replaced the file) and closing it;
and for every screen, the snapshot its view loads from and the stamp that tells a view is stale."""

from __future__ import annotations

from contextlib import AbstractContextManager
from pathlib import Path
from typing import TYPE_CHECKING

from ..domain.settings import Settings
from ..store import open_store

if TYPE_CHECKING:
    from ..store import Store


# What the screens' first reads import on their worker thread: the store's repositories (imported
# when a read first uses one) and what the resume's names are parsed with. A fresh process
# imported them during each screen's first showing (10-40 ms of that read at medium, holding the
# interpreter's lock the UI thread needed): the app imports them once its first screen shows its
# data (tui/preload.py), and tests/test_first_showings.py checks no first showing imports a module.
FIRST_READ_IMPORTS = (
    "paperdeck.store.papers", "paperdeck.store.venues", "paperdeck.store.guide", "paperdeck.store.pitches",
    "paperdeck.store.cards", "paperdeck.store.card_stats", "paperdeck.store.drafts",
    "bibtexparser.middlewares.names",
)


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


def wait_for_integrity(store: "Store", timeout: float | None = None) -> None:
    """Wait for that check (a worker thread); DatabaseCorrupt when it found damage,
    TimeoutError when it is still running after `timeout` seconds."""
    store.ensure_sound(timeout)


def reading(store: "Store", *, ahead: bool = False) -> AbstractContextManager["Store"]:
    """A read-only snapshot of the database for a worker thread: `with reading(store) as s:`.
    `ahead`: a read before the user asked for it (a hidden screen's), on a connection of its
    own, so that the loads keys start never wait behind it."""
    return store.reading(ahead=ahead)


def change_stamp(store: "Store") -> tuple[int, int]:
    """Changes when anything in the database changed (this process's writes or another's)."""
    return store.change_stamp()


def data_version(store: "Store") -> int:
    """Changes when another connection committed (what the file watcher compares)."""
    return store.data_version()


def database_path(store: "Store") -> Path:
    return store.path


def close_database(store: "Store") -> None:
    store.close()
