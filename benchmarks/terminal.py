"""A minimal terminal emulator for measuring: a child in a real pseudo-terminal, its output read
as frames.

The child sees a 120x40 tty. We answer Textual's query for synchronized output (DECRQM 2026),
so each frame it renders arrives between BSU (ESC[?2026h) and ESU (ESC[?2026l): a frame is
complete when its ESU arrives. Text is matched on the output with escape sequences removed.
"""

from __future__ import annotations

import fcntl
import os
import re
import select
import signal
import struct
import subprocess
import termios
import time
from collections.abc import Callable
from dataclasses import dataclass

COLUMNS, ROWS = 120, 40
SYNC_QUERY = b"\x1b[?2026$p"
SYNC_REPLY = b"\x1b[?2026;2$y"  # "set": the terminal supports synchronized output
FRAME_END = b"\x1b[?2026l"
_ESCAPES = re.compile(rb"\x1b\[[0-9;?<>=$ ]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)|\x1b[()][0-9A-Za-z]|\x1b[=>78]")


def visible_text(raw: bytes) -> str:
    """The printable text of terminal output (escape sequences dropped)."""
    return _ESCAPES.sub(b"", raw).decode("utf-8", "replace")


class TerminalTimeout(RuntimeError):
    pass


@dataclass
class Exit:
    status: int
    max_rss_kib: int


class PtyProcess:
    """One child process on a pseudo-terminal of COLUMNS x ROWS."""

    def __init__(self, argv: list[str], env: dict[str, str] | None = None, cwd: str | None = None):
        master, slave = os.openpty()
        fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", ROWS, COLUMNS, 0, 0))
        full_env = {**os.environ, "TERM": "xterm-256color", "COLORTERM": "truecolor",
                    "COLUMNS": str(COLUMNS), "LINES": str(ROWS), **(env or {})}
        full_env.pop("TEXTUAL", None)  # no devtools
        full_env.pop("PYTHONDONTWRITEBYTECODE", None)  # measure as installed: with .pyc files
        self.started = time.perf_counter()
        self.proc = subprocess.Popen(
            argv, stdin=slave, stdout=slave, stderr=slave, env=full_env, cwd=cwd,
            start_new_session=True, close_fds=True,
        )
        os.close(slave)
        self.master = master
        self.output = bytearray()  # everything read so far
        self.exit: Exit | None = None

    # -- reading ----------------------------------------------------------------------------

    def _read_some(self, timeout: float) -> bool:
        """Read what is available within `timeout`. False when the child closed the terminal."""
        ready, _, _ = select.select([self.master], [], [], max(0.0, timeout))
        if not ready:
            return True
        try:
            chunk = os.read(self.master, 1 << 16)
        except OSError:
            return False
        if not chunk:
            return False
        if SYNC_QUERY in chunk or (SYNC_QUERY in self.output[-16:] + chunk):
            os.write(self.master, SYNC_REPLY)
        self.output += chunk
        return True

    def wait_for(self, predicate: Callable[[int], int | None], timeout: float, what: str) -> tuple[float, int]:
        """Read until `predicate(search_from)` returns an offset; returns (time, offset)."""
        deadline = time.perf_counter() + timeout
        while True:
            found = predicate(len(self.output))
            if found is not None:
                return time.perf_counter(), found
            remaining = deadline - time.perf_counter()
            if remaining <= 0:
                tail = visible_text(bytes(self.output[-600:]))
                raise TerminalTimeout(f"timed out after {timeout:.0f} s waiting for {what}; last output: {tail[-300:]!r}")
            if not self._read_some(min(remaining, 0.05)):
                if predicate(len(self.output)) is None:
                    raise TerminalTimeout(f"the program ended while waiting for {what}: {visible_text(bytes(self.output[-800:]))!r}")

    def wait_for_text(self, text: str, *, start: int = 0, timeout: float = 30.0) -> float:
        """Time (perf_counter) at which `text` became visible in the output after offset `start`."""
        needle = text

        def seen(_end: int) -> int | None:
            return 0 if needle in visible_text(bytes(self.output[start:])) else None

        at, _ = self.wait_for(seen, timeout, repr(text))
        return at

    def wait_for_frame(self, start: int, accept: Callable[[str], bool] | None = None, timeout: float = 10.0) -> tuple[float, int]:
        """The first complete frame beginning after offset `start` whose text `accept`s.

        Returns (perf_counter time when its end arrived, the offset after it).
        """
        scan = [start]

        def complete_frame(_end: int) -> int | None:
            while True:
                end = self.output.find(FRAME_END, scan[0])
                if end < 0:
                    return None
                frame = bytes(self.output[scan[0]:end])
                scan[0] = end + len(FRAME_END)
                if accept is None or accept(visible_text(frame)):
                    return scan[0]

        return self.wait_for(complete_frame, timeout, "a frame")

    def drain(self, quiet: float = 0.15, limit: float = 5.0) -> None:
        """Read until the output has been quiet for `quiet` seconds (or `limit` passed)."""
        deadline = time.perf_counter() + limit
        while time.perf_counter() < deadline:
            before = len(self.output)
            if not self._read_some(quiet):
                return
            if len(self.output) == before:
                return

    # -- writing and ending -----------------------------------------------------------------

    def send(self, keys: bytes) -> float:
        """Write key bytes as typed; returns the perf_counter time just before the write."""
        at = time.perf_counter()
        os.write(self.master, keys)
        return at

    def finish(self, quit_keys: bytes = b"\x11", timeout: float = 10.0) -> Exit:
        """Quit with `quit_keys` (Ctrl+Q), else SIGTERM; reap the child with its peak RSS.

        The child is reaped with os.wait4, never Popen.poll (which would lose the usage).
        """
        if self.exit is not None:
            return self.exit
        peak_kib = self.peak_rss_kib()
        try:
            if quit_keys:
                try:
                    os.write(self.master, quit_keys)
                except OSError:
                    pass
            deadline = time.perf_counter() + timeout
            reaped = self._reap(block=False)
            while reaped is None and time.perf_counter() < deadline:
                # Keep reading so that the child never blocks on a full terminal buffer.
                if not self._read_some(0.05):
                    time.sleep(0.01)
                reaped = self._reap(block=False)
            if reaped is None:
                os.killpg(self.proc.pid, signal.SIGTERM)
                reaped = self._reap(block=True)
        finally:
            os.close(self.master)
        status, usage = reaped
        self.proc.returncode = status
        self.exit = Exit(status, peak_kib or usage.ru_maxrss)
        return self.exit

    def peak_rss_kib(self) -> int:
        """The child's peak RSS so far (VmHWM). Not wait4's ru_maxrss: with vfork/exec that
        includes the parent's own memory (Linux carries the old mm's high-water mark over)."""
        try:
            for line in open(f"/proc/{self.proc.pid}/status", encoding="ascii", errors="replace"):
                if line.startswith("VmHWM:"):
                    return int(line.split()[1])
        except (OSError, ValueError):
            pass
        return 0

    def _reap(self, *, block: bool):
        pid, status, usage = os.wait4(self.proc.pid, 0 if block else os.WNOHANG)
        if pid == 0:
            return None
        return os.waitstatus_to_exitcode(status), usage
