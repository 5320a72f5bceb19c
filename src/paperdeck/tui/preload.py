"""Import the screens and dialogs not shown yet while the user reads the first screen.

Start-up imports only the start screen (tui/registry.py); every other screen's module, and the
paper form, review and Stats dialogs, is imported when first opened: 10-50 ms of that first
opening each (medium database, this kind of machine). Once the start screen shows its data,
the app imports them here one at a time, each only after a pause in the user's input and
while no screen is loading, so a key pressed meanwhile waits for one import at most, and a
screen being built never competes with them.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable
from importlib import import_module

from .registry import SCREENS

# Opened from a screen (a key on the board, the decks) rather than from the app.
DIALOG_MODULES = (
    "paperdeck.tui.screens.paper_form",
    "paperdeck.tui.screens.card_review",
    "paperdeck.tui.screens.card_stats",
)
QUIET_SECONDS = 0.2
TICK_SECONDS = 0.05


def modules_to_preload(start_screen: str) -> list[str]:
    """Every screen's module but the start screen's (already imported), then the dialogs'."""
    return [entry.module_path for entry in SCREENS if entry.name != start_screen] + list(DIALOG_MODULES)


class ModulePreloader:
    def __init__(self, modules: Iterable[str], last_input: Callable[[], float],
                 busy: Callable[[], bool] = lambda: False, clock: Callable[[], float] = time.monotonic):
        self.pending = list(modules)
        self.last_input = last_input
        self.busy = busy
        self.clock = clock
        self.imported: list[str] = []

    @property
    def done(self) -> bool:
        return not self.pending

    def tick(self) -> bool:
        """Import the next module if the user paused and no screen is loading; True when it did."""
        if not self.pending or self.clock() - self.last_input() < QUIET_SECONDS or self.busy():
            return False
        module = self.pending.pop(0)
        try:
            import_module(module)
        except ImportError:  # a broken install: opening that screen will say so, not start-up
            return False
        self.imported.append(module)
        return True
