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
    """Return once the user has not typed for QUIET_SECONDS and the screen in view is neither
    loading nor owing a frame (screen_busy)."""
    while True:
        collector = getattr(app, "idle_collector", None)
        quiet = collector is None or time.monotonic() - collector.last_input >= QUIET_SECONDS
        if quiet and not screen_busy(app):
            return
        await asyncio.sleep(TICK_SECONDS)


def screen_busy(app: "App") -> bool:
    """The screen in view is loading its view, or has not drawn what changed yet (its view just
    shown): work done ahead waits for that frame. Waiting for the load alone, a key pressed more
    than QUIET_SECONDS before its view was shown (large databases) found the work ahead started
    between the view and its frame (the decks' review and Stats imports: 40-100 ms of the
    Flashcards' first showing at large; a preloader step: up to 60 ms)."""
    screen = app.screen
    if getattr(screen, "view_pending", False):
        return True
    return bool(screen._layout_required or screen._repaint_required or screen._dirty_widgets)


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
    _show_notifications(app, screen)
    for _ in range(3):
        screen._refresh_layout(app.size)
        screen._layout_required = False
        await asyncio.sleep(TICK_SECONDS)  # its widgets handle their Resize events
        if not screen._layout_required or screen.is_current:
            return


def ahead_name(mode: str) -> str:
    """The name a mode's screen built ahead is installed under (the app's MODES show it)."""
    return f"{mode} (built ahead)"


async def build_mode_ahead(app: "App", mode: str) -> None:
    """Mode `mode`'s screen (one of the keys 1-6), built hidden and its view read, before it is
    first shown: that showing is then a switch (the app's MODES take it: app.py). Nothing when
    the mode was shown already; a screen the mode built meanwhile stays, this one goes."""
    from ..registry import screen_entry

    if mode in app._screen_stacks or app.is_screen_installed(ahead_name(mode)):
        return
    screen = screen_entry(mode).screen_class()()
    if await build_hidden(app, ahead_name(mode), screen) is not screen:
        return
    stack = app._screen_stacks.get(mode)
    if stack and stack[0] is not screen:  # shown while this one was built: the mode has its own
        app.uninstall_screen(screen)
        await screen.remove()
        return
    await screen.read_ahead()
    await input_pause(app)
    if not screen.is_current:
        draw_hidden(screen)


def draw_hidden(screen: Screen) -> None:
    """Draw a hidden, laid out screen once, off the terminal: each widget keeps the lines it
    drew until it changes, so its first showing only puts them together (Resume at medium:
    its list's rows, panels and footer keys drawn for the first time were ~30 ms of the key)."""
    screen._compositor.render_update(full=True)


def _show_notifications(app: "App", screen: Screen) -> None:
    """Give the screen's toast rack the display it gets when shown: Textual sets it at every
    showing (App._refresh_notifications), and setting it the first time, even to the hidden it
    had by its CSS, laid the whole screen out again at the first showing (the paper form's
    first `e`: ~35 ms at medium instead of drawing what its paper changed)."""
    for rack in screen.query("ToastRack"):  # Textual's (textual.widgets._toast), one per screen
        rack.display = bool(app._notifications)
