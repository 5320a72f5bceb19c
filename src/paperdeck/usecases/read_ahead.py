"""The start screen's view, read while the app is still being imported and built.

`paperdeck` opens the store, then imports Textual and the app and mounts the first screen:
~300 ms before that screen asks for its data, and then it waits for the read (a tenth of a
second at 1,000 papers, several tenths at 10,000). `paperdeck run` starts this read in a
thread as soon as the store is open, so the two overlap (SQLite reads without the
interpreter's lock). The screen takes the view for its first load only while nothing in the
database changed since the read began (the change stamp); else it reads again, as always.
"""

from __future__ import annotations

import threading
from typing import TYPE_CHECKING, Any

from ..models.common import utcnow
from .core import StoreError
from .session import change_stamp, reading

if TYPE_CHECKING:
    from .core import Store


def _dashboard(snapshot: "Store") -> Any:
    from .dashboard import dashboard_view

    return dashboard_view(snapshot, utcnow())


# The start screens (by name) whose view needs nothing from the UI: only the clock.
READERS = {"dashboard": _dashboard}


class ReadAhead:
    """One early read of a start screen's view, in its own thread."""

    def __init__(self, store: "Store", screen: str):
        self.screen = screen
        self.stamp = change_stamp(store)  # taken before the read: a later commit makes it stale
        self._done = threading.Event()
        self._view: Any = None
        self._error: Exception | None = None
        self._thread = threading.Thread(target=self._read, args=(store, READERS[screen]), name="read-ahead",
                                        daemon=True)
        self._thread.start()

    def _read(self, store: "Store", read: Any) -> None:
        try:
            with reading(store) as snapshot:
                self._view = read(snapshot)
        except Exception as error:  # noqa: BLE001 - a thread's boundary: raised again where it is taken
            self._error = error
        finally:
            self._done.set()

    def result(self) -> Any:
        """The view, once read; what the read raised is raised here (in the screen's load
        worker, as its own read would have)."""
        self._done.wait()
        if self._error is not None:
            raise self._error
        return self._view


def read_ahead(store: "Store", screen: str) -> ReadAhead | None:
    """Start reading `screen`'s view now, if that screen's view can be read before the UI exists."""
    if screen not in READERS:
        return None
    try:
        return ReadAhead(store, screen)
    except StoreError:  # no stamp to be read: the screen reads as always (and says what is wrong)
        return None
