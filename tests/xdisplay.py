"""A real X display (Xvfb) for clipboard tests; skipped cleanly when Xvfb or xclip is absent."""

from __future__ import annotations

import os
import shutil
import subprocess
import time
from pathlib import Path

import pytest


def _free_display() -> int:
    # Parallel test workers (pytest-xdist) each search their own range: no two pick one number.
    worker = os.environ.get("PYTEST_XDIST_WORKER", "gw0").removeprefix("gw")
    start = 91 + 40 * (int(worker) if worker.isdigit() else 0)
    for number in range(start, start + 40):
        if not Path(f"/tmp/.X{number}-lock").exists() and not Path(f"/tmp/.X11-unix/X{number}").exists():
            return number
    raise RuntimeError("no free X display number")


@pytest.fixture
def xvfb_display(monkeypatch):
    """Start Xvfb on a free display, point $DISPLAY at it, stop it afterwards."""
    if not shutil.which("Xvfb") or not shutil.which("xclip"):
        pytest.skip("Xvfb and xclip are needed (apt-get install -y xvfb xclip)")
    number = _free_display()
    server = subprocess.Popen(
        ["Xvfb", f":{number}", "-screen", "0", "640x480x24", "-nolisten", "tcp"],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    socket = Path(f"/tmp/.X11-unix/X{number}")
    deadline = time.monotonic() + 10
    while not socket.exists():
        if server.poll() is not None or time.monotonic() > deadline:
            server.kill()
            pytest.fail(f"Xvfb did not start on :{number}")
        time.sleep(0.05)
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


def read_clipboard() -> str:
    return subprocess.run(
        ["xclip", "-selection", "clipboard", "-o"], capture_output=True, text=True, timeout=10,
        env=os.environ.copy(),
    ).stdout


@pytest.fixture
def no_clipboard(monkeypatch):
    """No display and no Wayland: pyperclip has no backend."""
    monkeypatch.delenv("DISPLAY", raising=False)
    monkeypatch.delenv("WAYLAND_DISPLAY", raising=False)
