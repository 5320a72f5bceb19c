"""A real X display (Xvfb) for clipboard tests; skipped cleanly when Xvfb or xclip is absent."""

from __future__ import annotations

import os
import shutil
import subprocess
import time

import pytest


def _start_xvfb() -> tuple[subprocess.Popen, int]:
    """Xvfb picks a free display itself and writes its number (-displayfd): several test runs
    on one machine (other worktrees, xdist workers) can never pick the same display."""
    read_end, write_end = os.pipe()
    server = subprocess.Popen(
        ["Xvfb", "-displayfd", str(write_end), "-screen", "0", "640x480x24", "-nolisten", "tcp"],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, pass_fds=(write_end,),
    )
    os.close(write_end)
    with os.fdopen(read_end) as numbers:
        line = numbers.readline().strip()  # written once the server accepts connections
    if not line.isdigit():
        server.kill()
        pytest.fail("Xvfb did not start (it wrote no display number)")
    return server, int(line)


@pytest.fixture
def xvfb_display(monkeypatch):
    """Start Xvfb on a free display, point $DISPLAY at it, stop it afterwards."""
    if not shutil.which("Xvfb") or not shutil.which("xclip"):
        pytest.skip("Xvfb and xclip are needed (apt-get install -y xvfb xclip)")
    server, number = _start_xvfb()
    monkeypatch.setenv("DISPLAY", f":{number}")
    monkeypatch.delenv("WAYLAND_DISPLAY", raising=False)
    try:
        yield f":{number}"
    finally:
        server.terminate()
        try:
            server.wait(timeout=5)
        except subprocess.TimeoutExpired:
            server.kill()


def read_clipboard(wait_seconds: float = 10.0) -> str:
    """The clipboard's text. xclip's copy returns once it has forked the process that will own
    the selection; under load that process may not own it yet: read again until it does."""
    deadline = time.monotonic() + wait_seconds
    while True:
        text = subprocess.run(
            ["xclip", "-selection", "clipboard", "-o"], capture_output=True, text=True, timeout=10,
            env=os.environ.copy(),
        ).stdout
        if text or time.monotonic() > deadline:
            return text


@pytest.fixture
def no_clipboard(monkeypatch):
    """No display and no Wayland: pyperclip has no backend."""
    monkeypatch.delenv("DISPLAY", raising=False)
    monkeypatch.delenv("WAYLAND_DISPLAY", raising=False)
