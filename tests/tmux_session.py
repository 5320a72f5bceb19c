"""Drive paperdeck in a real terminal: tmux runs it, send-keys types, capture-pane reads the screen."""

from __future__ import annotations

import os
import shlex
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest


class TmuxSession:
    """One private tmux server (its own socket) holding one pane of a fixed size."""

    def __init__(self, socket: Path, width: int, height: int):
        self.socket = socket
        self.status_file = socket.with_name(socket.name + ".status")
        self.width, self.height = width, height
        self.target = "e2e:0.0"

    def tmux(self, *args: str, check: bool = True) -> str:
        result = subprocess.run(["tmux", "-S", str(self.socket), *args], capture_output=True, text=True, timeout=30)
        if check and result.returncode != 0:
            raise RuntimeError(f"tmux {' '.join(args)}: {result.stderr.strip()}")
        return result.stdout

    def start(self, argv: list[str], env: dict[str, str]) -> None:
        command = " ".join(shlex.quote(part) for part in argv)
        exports = " ".join(f"{key}={shlex.quote(value)}" for key, value in env.items())
        # The pane's shell records the program's exit status in a file (see exit_status()).
        self.tmux("-f", "/dev/null", "new-session", "-d", "-s", "e2e", "-x", str(self.width), "-y", str(self.height),
                  f"env -u COLUMNS -u LINES {exports} {command}; echo $? > {shlex.quote(str(self.status_file))}")
        self.tmux("set-option", "-t", "e2e", "remain-on-exit", "on")
        self.tmux("set-option", "-s", "set-clipboard", "on")  # OSC 52 lands in tmux's buffer
        self.tmux("set-option", "-s", "escape-time", "0")

    def keys(self, *keys: str) -> None:
        """Send keys; the app reads them in order. Wait for what they do, not for a time."""
        for key in keys:
            self.tmux("send-keys", "-t", self.target, key)

    def key_and_redraw(self, key: str, timeout: float = 20.0) -> None:
        """Send one key and wait until the screen (colours included) changes: for keys whose
        only visible effect is styling, such as Tab moving the focus. The app may defer a
        focus change, so a second Tab sent at once can leave from the old focus again."""
        before = self.screen_raw()
        self.keys(key)
        deadline = time.monotonic() + timeout
        while self.screen_raw() == before:
            if time.monotonic() > deadline:
                raise AssertionError(f"nothing changed on screen after {key!r}:\n{self.screen()}")
            time.sleep(0.05)

    def type(self, text: str) -> None:
        self.tmux("send-keys", "-t", self.target, "-l", text)

    def screen(self) -> str:
        return self.tmux("capture-pane", "-p", "-t", self.target)

    def screen_raw(self) -> str:
        """With escape sequences: shows whether anything other than the app's own SGR got through."""
        return self.tmux("capture-pane", "-p", "-e", "-t", self.target)

    def wait_for(self, text: str, timeout: float = 20.0) -> str:
        deadline = time.monotonic() + timeout
        screen = ""
        while time.monotonic() < deadline:
            screen = self.screen()
            if text in screen:
                return screen
            time.sleep(0.05)
        raise AssertionError(f"{text!r} never appeared on screen; the screen was:\n{screen}")

    def wait_gone(self, text: str, timeout: float = 20.0) -> str:
        deadline = time.monotonic() + timeout
        screen = self.screen()
        while text in screen:
            if time.monotonic() > deadline:
                raise AssertionError(f"{text!r} stayed on screen; the screen was:\n{screen}")
            time.sleep(0.05)
            screen = self.screen()
        return screen

    def exit_status(self) -> str | None:
        """None while the program runs; then its exit status ("0"; 128+N after signal N).

        Read from the file the pane's shell writes, not from tmux's `pane_dead_status`: tmux
        3.3a marks the pane dead when its terminal closes, and under load was seen not to reap
        the exited program for over 20 s (a zombie, `pane_dead` 1, no status), so
        `wait_exit()` returned '' for an app that had exited 0."""
        try:
            text = self.status_file.read_text()
        except FileNotFoundError:
            return None
        return text.strip() if text.endswith("\n") else None  # written, not half-written

    def wait_exit(self, timeout: float = 20.0) -> str:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            status = self.exit_status()
            if status is not None:
                return status
            time.sleep(0.05)
        raise AssertionError(f"the app did not exit; the screen was:\n{self.screen()}")

    def clipboard_buffer(self) -> str:
        return self.tmux("show-buffer", check=False)

    def kill(self) -> None:
        self.tmux("kill-server", check=False)


def paperdeck_argv(db: Path) -> list[str]:
    return [sys.executable, "-m", "paperdeck.cli.main", "--db", str(db)]


@pytest.fixture
def tmux_factory(tmp_path):
    if not shutil.which("tmux"):
        pytest.skip("tmux is needed (apt-get install -y tmux; .ci/run installs it)")
    sessions: list[TmuxSession] = []

    def make(width: int, height: int) -> TmuxSession:
        # A short socket path: AF_UNIX paths are limited to ~100 bytes.
        socket = Path("/tmp") / f"pd-e2e-{os.getpid()}-{len(sessions)}-{time.monotonic_ns() % 10**9}"
        session = TmuxSession(socket, width, height)
        sessions.append(session)
        return session

    yield make
    for session in sessions:
        session.kill()
        session.socket.unlink(missing_ok=True)
        session.status_file.unlink(missing_ok=True)
