"""Import the screens and dialogs not shown yet while the user reads the first screen.

Start-up imports only the start screen (tui/registry.py); every other screen's module, and the
paper form, board, choice, review and Stats dialogs, is imported when first opened: 10-50 ms of that first
opening each (medium database, this kind of machine). Once the start screen shows its data, the
app imports them here, one screen at a time, each only after a pause in the user's input and
while no screen is loading: a key pressed meanwhile waits for one step at most, and a screen
being built never competes with them.

The modules the screens' first reads import on their worker threads (the store's repositories,
usecases/session.py FIRST_READ_IMPORTS) are imported at once, on a thread of their own, as a read
would: 40-50 ms of CPU done by the time a key comes (a key pressed 0.3 s after the first frame
found 7 of the ticks' imports done, and each screen's read imported its repositories itself).

No screen or dialog has a stylesheet file of its own (CSS_PATH): Textual reads one at its first
showing, then re-parses the app's CSS and restyles every widget of every screen built so far
(30-40 ms). Their rules live in their DEFAULT_CSS (tests/test_preload.py checks).
"""

from __future__ import annotations

import sys
import threading
import time
from collections.abc import Callable, Iterable, Mapping
from importlib import import_module

from .registry import SCREENS

# Opened from a screen (a key on the board, the decks) rather than from the app: (module, class).
DIALOGS = (
    ("paperdeck.tui.screens.paper_form", "PaperFormModal"),
    ("paperdeck.tui.screens.pipeline_modals", "QuickCaptureModal"),
    ("paperdeck.tui.screens.choice", "ChoiceDialog"),
    ("paperdeck.tui.screens.card_review", "ReviewScreen"),
    ("paperdeck.tui.screens.card_stats", "CardStatsScreen"),
)
# Libraries a screen module imports that import nothing of the app's (so no import of theirs
# waits on one of the UI thread's), by that module: imported on a thread of their own when that
# module's turn comes, the module itself at the tick after. Stats' plotting library was most of
# its module's tick (~27 of ~50 ms idle; 140 ms with a worker reading at large: the first `m` on
# Venues waited for all of it). Not sooner than that turn: imported with the reads' modules, its
# ~1.5 MiB raised the peak memory of start-up (50.6 -> 52.2 MiB at medium, 1.60x bare).
THREAD_LIBRARIES = {"paperdeck.tui.screens.card_stats": ("plotext",)}
QUIET_SECONDS = 0.2
TICK_SECONDS = 0.05

Preload = tuple[str, str]  # (module path, class name)


def to_preload(start_screen: str) -> list[Preload]:
    """Every screen but the start screen (already imported), then the dialogs."""
    return [(entry.module_path, entry.class_name) for entry in SCREENS if entry.name != start_screen] + list(DIALOGS)


class Preloader:
    def __init__(self, items: Iterable[Preload], last_input: Callable[[], float],
                 busy: Callable[[], bool] = lambda: False, clock: Callable[[], float] = time.monotonic,
                 libraries: Mapping[str, tuple[str, ...]] = THREAD_LIBRARIES):
        self.pending = list(items)
        self.last_input = last_input
        self.busy = busy
        self.clock = clock
        self.libraries = libraries
        self.imported: list[str] = []
        self.read_imports: threading.Thread | None = None
        self.library_imports: threading.Thread | None = None

    @property
    def done(self) -> bool:
        threads = (self.read_imports, self.library_imports)
        return not self.pending and not any(thread is not None and thread.is_alive() for thread in threads)

    def import_for_reads(self, modules: Iterable[str]) -> None:
        """Import `modules` on a thread of their own (what the first reads' workers import)."""
        self.read_imports = _import_on_thread(list(modules), "preload reads")

    def tick(self) -> bool:
        """Prepare the next screen if the user paused and no screen is loading; True when it did."""
        if not self.pending or self.clock() - self.last_input() < QUIET_SECONDS or self.busy():
            return False
        if not self._libraries_imported(self.pending[0][0]):
            return False
        module_path, class_name = self.pending.pop(0)
        try:
            getattr(import_module(module_path), class_name)
        except (ImportError, AttributeError):  # a broken install: opening that screen will say so
            return False
        self.imported.append(module_path)
        return True

    def _libraries_imported(self, module_path: str) -> bool:
        """The libraries `module_path` imports on a thread (THREAD_LIBRARIES) are in; if not,
        their import is started (or still running), and the module waits for a later tick."""
        if self.library_imports is not None:
            if self.library_imports.is_alive():
                return False
            self.library_imports = None
            return True  # imported (or failed: the module's import will say so)
        missing = [name for name in self.libraries.get(module_path, ()) if name not in sys.modules]
        if not missing:
            return True
        self.library_imports = _import_on_thread(missing, "preload libraries")
        return False


def _import_on_thread(names: list[str], name: str) -> threading.Thread:
    def run() -> None:
        for module in names:
            try:
                import_module(module)
            except ImportError:  # a broken install: what needs it will say so
                pass

    thread = threading.Thread(target=run, name=name, daemon=True)
    thread.start()
    return thread
