"""A terminal gone without a hang-up signal ends the app the way a hang-up does.

A terminal's last holder may close it without sending SIGHUP: a program that ran paperdeck on a
pseudo-terminal it never made the controlling one (`setsid`, test harnesses, a multiplexer that
crashed). Textual's input thread then reads end-of-file forever and the app stayed, spinning
(~20% of a core), holding the database, its unsaved text never written (six such processes
were found after a harness closed its terminals). A daemon thread waits for the terminal's
hang-up (poll reports POLLHUP on it, with or without the signal) and asks the app to save what
is typed and end, as SIGHUP does (`PaperdeckApp.terminal_lost`).
"""

from __future__ import annotations

import select
import sys
import threading
from collections.abc import Callable


def watch_for_hang_up(fd: int, lost: Callable[[], None]) -> None:
    """Call `lost()` (from a daemon thread) once terminal `fd` hangs up. Linux only: elsewhere
    poll() may not watch terminals, and the hang-up signal is all there is."""
    if not sys.platform.startswith("linux"):
        return

    def wait() -> None:
        poller = select.poll()
        poller.register(fd, 0)  # no events asked: POLLHUP and POLLERR are always reported
        while True:
            try:
                events = poller.poll()
            except InterruptedError:
                continue
            if any(mask & (select.POLLHUP | select.POLLERR | select.POLLNVAL) for _fd, mask in events):
                lost()
                return

    threading.Thread(target=wait, name="paperdeck-terminal-watch", daemon=True).start()
