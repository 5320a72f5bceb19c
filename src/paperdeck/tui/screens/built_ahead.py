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
    """Install `screen` under `name` and mount it without showing it; returns it once mounted."""
    app.install_screen(screen, name)
    # Textual's own step for a screen pushed for the first time (register, compose, mount),
    # which it has no public call for without showing the screen.
    _screen, mounted = app._get_screen(name)
    await mounted
    # Its first layout too (~half of a first showing's time), at the terminal's size: shown
    # at that size, it is not laid out again (Screen._on_screen_resume). Hidden, nothing is drawn.
    screen._refresh_layout(app.size)
    return screen
