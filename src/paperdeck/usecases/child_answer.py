"""A forked child's answer through a pipe: what the child processes (usecases/view_ahead.py,
usecases/imports/in_child.py) share. The child writes one pickled object and exits; the parent
reads it until the pipe closes or a deadline passes, then ends the child either way."""

from __future__ import annotations

import os
import pickle
import select
import signal
import time
from typing import Any

NO_ANSWER = object()  # the child failed, was cut off mid-answer or did not answer in time


def write_answer(fd: int, value: Any) -> None:
    """In the child: `value`, pickled, all of it."""
    view = memoryview(pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL))
    while view:
        view = view[os.write(fd, view):]


def read_answer(fd: int, wait: float) -> Any:
    """In the parent: the child's value, or NO_ANSWER."""
    data = _read_all(fd, time.monotonic() + wait)
    if not data:
        return NO_ANSWER
    try:
        return pickle.loads(data)
    except Exception:  # noqa: BLE001 - a child cut off mid-answer
        return NO_ANSWER


def end_child(pid: int) -> None:
    """Done already, or stuck: either way, gone (and reaped)."""
    try:
        os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)
    except (ProcessLookupError, ChildProcessError):
        pass


def _read_all(fd: int, deadline: float) -> bytes:
    """What the child wrote until it closed the pipe; b"" when the deadline passed first."""
    chunks = []
    while True:
        left = deadline - time.monotonic()
        if left <= 0 or not select.select([fd], [], [], left)[0]:
            return b""
        chunk = os.read(fd, 1 << 16)
        if not chunk:
            return b"".join(chunks)
        chunks.append(chunk)
