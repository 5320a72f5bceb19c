"""Screens a key opens, built while the user reads the screen that opens them.

Building a screen (composing, mounting and styling its widgets and its footer's keys) was most
of a key's time when the key built it: `a` built a new review screen on every press (~80 ms at
medium), `s` built Stats and its three plots at its first press. The opening screen builds
them once, hidden, after its first frame and a pause in the user's input (as tui/preload.py
imports modules); the key then only shows the built screen. Until it is built, the key builds
one as before.
"""

from __future__ import annotations

import asyncio
import time
from typing import TYPE_CHECKING

from textual.widget import AwaitMount
from textual.screen import Screen

if TYPE_CHECKING:
    from textual.app import App

QUIET_SECONDS = 0.2  # no key or mouse input for this long before a screen is built
TICK_SECONDS = 0.05


async def input_pause(app: "App") -> None:
    """Return once the user has not typed for QUIET_SECONDS and no screen is loading."""
    while True:
        collector = getattr(app, "idle_collector", None)
        quiet = collector is None or time.monotonic() - collector.last_input >= QUIET_SECONDS
        if quiet and not getattr(app.screen, "view_pending", False):
            return
        await asyncio.sleep(TICK_SECONDS)


async def build_hidden(app: "App", name: str, screen: Screen) -> Screen:
    """Mount `screen` without showing it, lay it out, and install it under `name`; returns the
    screen installed under `name` (another, if a key built and installed one meanwhile)."""
    # Textual's own step for a screen pushed for the first time (register: compose, mount),
    # which it has no public call for without showing the screen.
    await AwaitMount(screen, app._register(app, screen))
    await lay_out_hidden(app, screen)
    if app.is_screen_installed(name):  # a key was quicker: its screen stays, this one goes
        await screen.remove()
        return app.get_screen(name)
    app.install_screen(screen, name)
    return screen


async def lay_out_hidden(app: "App", screen: Screen) -> None:
    """Lay out a hidden screen at the terminal's size (~half of a first showing's time): shown
    at that size and unchanged since, it is not laid out again. Nothing is drawn. A layout can
    ask for another (a scrollbar appears once the content is measured): up to three passes."""
    for _ in range(3):
        screen._refresh_layout(app.size)
        screen._layout_required = False
        await asyncio.sleep(TICK_SECONDS)  # its widgets handle their Resize events
        if not screen._layout_required or screen.is_current:
            return
