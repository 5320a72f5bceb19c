"""Half of a large file's parse run in a forked child, on the other core (split_load.py).

Parsing is pure Python under one interpreter lock, so a thread would not help. The child runs
one function on the text it was given and hands the result back pickled through a pipe; it
opens no file and closes no descriptor (closing one of the database's would drop this process's
locks on it), writes only to its pipe, and ends with os._exit (no atexit handler, buffered
output or finalizer of this process's objects runs). No child where forking is unsafe or
pointless: no fork on this system, or another thread running (its locks would be copied held,
and the other core is busy with it anyway: the integrity check a stamp did not spare).
"""

from __future__ import annotations

import os
import select
import signal
import threading
from collections.abc import Callable
from typing import Any

from ..child_answer import NO_ANSWER, end_child, read_answer, write_answer

# Seconds to wait for the child's answer before the caller parses for itself: only a child
# stuck for good is given up on (a loaded machine slows both halves alike).
ANSWER_WAIT = 60.0
FAILED = NO_ANSWER  # the child's answer when it failed, was cut off or did not come


class Child:
    """`run(work, argument)` in a forked child: `result()` once, or `discard()`."""

    def __init__(self, pid: int, answer: int):
        self.pid, self._answer = pid, answer

    @classmethod
    def start(cls, work: Callable[[Any], Any], argument: Any) -> "Child | None":
        if not hasattr(os, "fork") or threading.active_count() != 1:
            return None
        answer, answer_write = os.pipe()
        try:
            pid = os.fork()
        except OSError:
            os.close(answer)
            os.close(answer_write)
            return None
        if pid == 0:  # the child: never returns
            _child(work, argument, answer_write)
        os.close(answer_write)
        return cls(pid, answer)

    def answered(self) -> bool:
        """Whether the child's answer has begun to arrive (it is done, or failed): no wait."""
        return self._answer >= 0 and bool(select.select([self._answer], [], [], 0)[0])

    def result(self, wait: float = ANSWER_WAIT) -> Any:
        """The child's result, or FAILED."""
        try:
            return read_answer(self._answer, wait)
        finally:
            self.discard()

    def discard(self) -> None:
        """End the child (done already, or stuck: either way, gone)."""
        if self._answer < 0:
            return
        os.close(self._answer)
        self._answer = -1
        end_child(self.pid)


def _child(work: Callable[[Any], Any], argument: Any, answer: int) -> None:
    status = 1
    try:
        signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl+C is the parent's to handle
        write_answer(answer, work(argument))
        status = 0
    except BaseException:  # noqa: BLE001 - the parent parses the whole text itself
        pass
    finally:
        os._exit(status)
