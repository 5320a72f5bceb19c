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
        # The shell writes the app's exit status to a file: tmux under load sometimes marks the
        # pane dead without ever recording the status (#{pane_dead_status} stays empty).
        self.status_file = Path(f"{self.socket}.status")
        self.status_file.unlink(missing_ok=True)
        self.tmux("-f", "/dev/null", "new-session", "-d", "-s", "e2e", "-x", str(self.width), "-y", str(self.height),
                  f"env -u COLUMNS -u LINES {exports} {command}; echo $? > {shlex.quote(str(self.status_file))}")
        self.tmux("set-option", "-t", "e2e", "remain-on-exit", "on")
        self.tmux("set-option", "-s", "set-clipboard", "on")  # OSC 52 lands in tmux's buffer
        self.tmux("set-option", "-s", "escape-time", "0")

    def keys(self, *keys: str, pause: float = 0.15) -> None:
        for key in keys:
            self.tmux("send-keys", "-t", self.target, key)
            time.sleep(pause)

    def type(self, text: str) -> None:
        self.tmux("send-keys", "-t", self.target, "-l", text)
        time.sleep(0.2)

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
            time.sleep(0.2)
        raise AssertionError(f"{text!r} never appeared on screen; the screen was:\n{screen}")

    def exit_status(self) -> str | None:
        """The app's exit status once it has exited (None while it runs)."""
        try:
            written = self.status_file.read_text().strip()
        except OSError:
            return None
        return written or None

    def wait_exit(self, timeout: float = 20.0) -> str:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            status = self.exit_status()
            if status is not None:
                return status
            time.sleep(0.2)
        raise AssertionError(f"the app did not exit; the screen was:\n{self.screen()}")

    def clipboard_buffer(self) -> str:
        return self.tmux("show-buffer", check=False)

    def kill(self) -> None:
        self.tmux("kill-server", check=False)
        getattr(self, "status_file", Path("/nonexistent")).unlink(missing_ok=True)


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
