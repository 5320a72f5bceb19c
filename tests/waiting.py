"""Waiting on the real thing - a row written, a screen drawn, a file's content, a worker done -
never for a fixed time. The timeout only bounds a failure: a passing wait returns as soon as
its condition holds, so a slow machine makes the suite slower, never red."""

from __future__ import annotations

import time
from collections.abc import Callable

TIMEOUT = 20.0
POLL = 0.02


async def app_until(pilot, condition: Callable[[], object], what: str = "the condition", timeout: float = TIMEOUT) -> None:
    """Let the app run (timers, workers, messages) until `condition()` is true."""
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError(f"{what}: not reached within {timeout:.0f} s")
        await pilot.pause(POLL)


def until(condition: Callable[[], object], what: str = "the condition", timeout: float = TIMEOUT) -> None:
    """Poll `condition()` (another process's output, a file) until it is true."""
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError(f"{what}: not reached within {timeout:.0f} s")
        time.sleep(POLL)


async def workers_done(pilot, *, keep_running: tuple[str, ...] = ("watch",)) -> None:
    """Wait for the app's workers (data loads, integrity check) to finish, then for the screen
    to process what they posted. Long-lived groups (the database watcher) are not waited for."""
    app = pilot.app
    pending = [worker for worker in app.workers if worker.group not in keep_running and not worker.is_finished]
    if pending:
        await app.workers.wait_for_complete(pending)
    await pilot.pause()


async def settled(pilot) -> None:
    """Let every screen on the stack finish its loads and draw them."""
    await pilot.pause()
    for screen in pilot.app.screen_stack:
        ready = getattr(screen, "view_ready", None)
        if ready is not None:
            await ready()
    await pilot.pause()
    await pilot.pause()


async def open_paper_form(pilot):
    """From the Pipeline as drawn, `e` on the selected card: the paper form, its fields shown."""
    await settled(pilot)
    await pilot.press("e")
    await settled(pilot)
    return pilot.app.screen


def hold_loads(monkeypatch, screen_class):
    """Hold `screen_class`'s next view loads after they read, until `release` is set (a load
    slow to land, to act while it is in flight). Returns (hold, read, release): call `hold()`
    to start holding; `read` is set once a held load has read."""
    import threading

    read, release = threading.Event(), threading.Event()
    original = screen_class.load_view

    def held(store, request):
        view = original(store, request)
        read.set()
        assert release.wait(10), "the test never released the load"
        return view

    def hold():
        monkeypatch.setattr(screen_class, "load_view", staticmethod(held))

    return hold, read, release
