"""A large tracker file's YAML read on both cores: the second half in a forked child.

Reading the YAML is most of a large tracker import's parse (30,000 deadline rows: ~0.75 s of
pure Python on one core, under one interpreter lock, so a thread would not help). The text is
cut at a top-level entry near its middle (`safe_yaml.halves`); a child process reads the second
half and hands it back pickled through a pipe (~0.6 MB, ~20 ms both ways) while this process
reads the first. Both halves plain lists: their entries, in order, are what `safe_yaml.load`
gives for the whole. Anything else (a half that is not plain data, a child that failed or has not
answered in time, no fork on this system, another thread running: its locks would be copied
held, and the other core is busy with it anyway) reads the whole text with `safe_yaml.load`,
whose values, checks and messages stand.

The child reads only the text it was given: it opens no file and closes no descriptor (closing
one of the database's would drop this process's locks on it), writes only to its pipe, and ends
with os._exit (no atexit handler, buffered output or finalizer of this process's objects runs).
"""

from __future__ import annotations

import os
import pickle
import select
import signal
import threading
import time
from typing import Any

from ...domain import safe_yaml

# Seconds to wait for the child's half before reading the whole text here: only a child stuck
# for good is given up on (a loaded machine slows both halves alike).
ANSWER_WAIT = 60.0


def load(text: str) -> Any:
    """`safe_yaml.load(text)`, with the second half of a large plain list read in a child."""
    parts = safe_yaml.halves(text)
    child = _start(parts[1]) if parts is not None else None
    if child is None:
        return safe_yaml.load(text)
    pid, answer = child
    try:
        first = safe_yaml.load_part(parts[0])
        data = _read_all(answer, time.monotonic() + ANSWER_WAIT) if first is not None else b""
    finally:
        _end(pid, answer)
    second = _unpickled(data)
    if first is None or type(second) is not list:
        return safe_yaml.load(text)
    return first + second


def _start(text: str) -> tuple[int, int] | None:
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
        _child(text, answer_write)
    os.close(answer_write)
    return pid, answer


def _child(text: str, answer: int) -> None:
    status = 1
    try:
        signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl+C is the parent's to handle
        data = pickle.dumps(safe_yaml.load_part(text), protocol=pickle.HIGHEST_PROTOCOL)
        view = memoryview(data)
        while view:
            view = view[os.write(answer, view):]
        status = 0
    except BaseException:  # noqa: BLE001 - the parent reads the whole text itself
        pass
    finally:
        os._exit(status)


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


def _unpickled(data: bytes) -> Any:
    if not data:
        return None
    try:
        return pickle.loads(data)
    except Exception:  # noqa: BLE001 - a child cut off mid-answer: the whole text is read here
        return None


def _end(pid: int, answer: int) -> None:
    os.close(answer)
    try:
        os.kill(pid, signal.SIGKILL)  # done already, or stuck: either way, gone
        os.waitpid(pid, 0)
    except (ProcessLookupError, ChildProcessError):
        pass
