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

import threading
import time
from collections.abc import Callable, Iterable
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
QUIET_SECONDS = 0.2
TICK_SECONDS = 0.05

Preload = tuple[str, str]  # (module path, class name)


def to_preload(start_screen: str) -> list[Preload]:
    """Every screen but the start screen (already imported), then the dialogs."""
    return [(entry.module_path, entry.class_name) for entry in SCREENS if entry.name != start_screen] + list(DIALOGS)


class Preloader:
    def __init__(self, items: Iterable[Preload], last_input: Callable[[], float],
                 busy: Callable[[], bool] = lambda: False, clock: Callable[[], float] = time.monotonic):
        self.pending = list(items)
        self.last_input = last_input
        self.busy = busy
        self.clock = clock
        self.imported: list[str] = []
        self.read_imports: threading.Thread | None = None

    @property
    def done(self) -> bool:
        return not self.pending and not (self.read_imports is not None and self.read_imports.is_alive())

    def import_for_reads(self, modules: Iterable[str]) -> None:
        """Import `modules` on a thread of their own (what the first reads' workers import)."""
        names = list(modules)

        def run() -> None:
            for name in names:
                try:
                    import_module(name)
                except ImportError:  # a broken install: the read that needs it will say so
                    pass

        self.read_imports = threading.Thread(target=run, name="preload reads", daemon=True)
        self.read_imports.start()

    def tick(self) -> bool:
        """Prepare the next screen if the user paused and no screen is loading; True when it did."""
        if not self.pending or self.clock() - self.last_input() < QUIET_SECONDS or self.busy():
            return False
        module_path, class_name = self.pending.pop(0)
        try:
            getattr(import_module(module_path), class_name)
        except (ImportError, AttributeError):  # a broken install: opening that screen will say so
            return False
        self.imported.append(module_path)
        return True
