"""Full garbage collections at idle moments instead of in the middle of a key press.

With a medium database loaded, CPython's automatic full (generation 2) collection scans every
live object and took 100-560 ms on this kind of machine, every few seconds of use: it was the
95th-percentile key latency of typing, scrolling and switching screens. The app turns the
automatic full collection off and runs it here, when no key or mouse input came for a while
(or, at the latest, after MAX_DEFERRAL_SECONDS of continuous use), and only when younger
collections ran since the last one (so an idle app does not scan its heap over and over).
Young collections (generations 0 and 1) stay automatic: they are cheap.

One exception: closing a large dialog (the paper form: 75 widgets at first, ~170 with every tab built) leaves ~10,000 objects in
reference cycles (Textual's widgets, styles and timers refer to each other), ~3-6 MiB that only
a full collection frees. Under continuous use none ran, and every opening of the form added its
share to the app's memory (six openings at medium: 60 -> 97 MiB). `collect` runs one right
after such a dialog's closing frame: ~45-75 ms while the user looks at the screen it uncovered.
"""

from __future__ import annotations

import gc
import time
from collections.abc import Callable

IDLE_SECONDS = 1.5
MAX_DEFERRAL_SECONDS = 60.0
# CPython's own default: a full collection after this many generation-1 collections.
YOUNG_COLLECTIONS_PER_FULL = 10
NEVER = 1_000_000_000


def _young_collections() -> int:
    return gc.get_stats()[1]["collections"]


class IdleCollector:
    def __init__(self, clock: Callable[[], float] = time.monotonic):
        self.clock = clock
        self.last_input = clock()
        self.last_full = clock()
        self.young_at_last_full = _young_collections()
        self.saved_threshold: tuple[int, int, int] | None = None
        self.full_collections = 0

    def start(self) -> None:
        """Stop CPython from starting full collections by itself."""
        if self.saved_threshold is None:
            self.saved_threshold = gc.get_threshold()
            young, middle, _full = self.saved_threshold
            gc.set_threshold(young, middle, NEVER)

    def stop(self) -> None:
        if self.saved_threshold is not None:
            gc.set_threshold(*self.saved_threshold)
            self.saved_threshold = None

    def input_seen(self) -> None:
        self.last_input = self.clock()

    def due(self) -> bool:
        if _young_collections() - self.young_at_last_full < YOUNG_COLLECTIONS_PER_FULL:
            return False
        now = self.clock()
        return now - self.last_input >= IDLE_SECONDS or now - self.last_full >= MAX_DEFERRAL_SECONDS

    def tick(self) -> bool:
        """Collect if due; True when it did."""
        if not self.due():
            return False
        self.collect()
        return True

    def collect(self) -> None:
        """A full collection now."""
        gc.collect()
        self.last_full = self.clock()
        self.young_at_last_full = _young_collections()
        self.full_collections += 1
