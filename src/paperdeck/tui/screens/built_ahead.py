"""Screens a key opens, built while the user reads the screen that opens them.

Building a screen (composing, mounting and styling its widgets and its footer's keys) was most
of a key's time when the key built it: `a` built a new review screen on every press (~80 ms at
medium), `s` built Stats and its three plots at its first press. The opening screen builds
them once, hidden, after its first frame and a pause in the user's input (as tui/preload.py
imports modules); the key then only shows the built screen. Until it is built, the key builds
one as before.

The work ahead runs on the UI thread, between the user's keys: in steps of a few milliseconds
(STEP_SECONDS), each step first giving way to a key that came (`key_waiting`); a key that needs
a screen still being mounted ahead waits for that mount (`mounted_ahead`) rather than build a
second one beside it.
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
STEP_SECONDS = 0.004  # a step of drawing ahead: then a key waiting goes first
ROWS_PER_STEP = 2  # a widget's lines drawn ahead between two looks at the clock
_MOUNTING = "_paperdeck_mounting_ahead"  # on the app: screen name -> set once its screen built ahead is mounted


async def input_pause(app: "App") -> None:
    """Return once no key waits in the app's queue, the user has not typed for QUIET_SECONDS
    and the screen in view is neither loading nor owing a frame (key_waiting)."""
    while key_waiting(app):
        await asyncio.sleep(TICK_SECONDS)


def key_waiting(app: "App") -> bool:
    """A key (or any message) waits in the app's queue, or one came less than QUIET_SECONDS
    ago, or the screen in view is busy (its view loading, its frame owed): work ahead gives way."""
    if app._message_queue.qsize():
        return True
    collector = getattr(app, "idle_collector", None)
    if collector is not None and time.monotonic() - collector.last_input < QUIET_SECONDS:
        return True
    return screen_busy(app)


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
    mounting = app.__dict__.setdefault(_MOUNTING, {})
    mounting[name] = mounted = asyncio.Event()
    try:
        await AwaitMount(screen, app._register(app, screen))
    finally:
        if mounting.get(name) is mounted:
            del mounting[name]
        mounted.set()
    if app.is_screen_installed(name):  # a key was quicker: its screen stays, this one goes
        await screen.remove()
        return app.get_screen(name)
    # Installed before its layout: a key wanting it from here on shows it (and lays it out)
    # instead of building another.
    app.install_screen(screen, name)
    await lay_out_hidden(app, screen)
    return screen


async def mounted_ahead(app: "App", name: str) -> None:
    """Return once the screen being built ahead under `name` is mounted and installed (at once
    when none is): a key about to build that screen shows this one instead. It built its own
    beside it: the UI thread mounted two Stats screens for the first `s` pressed during the
    mount ahead, and the one ahead was then thrown away."""
    mounted = getattr(app, _MOUNTING, {}).get(name)
    if mounted is not None:
        await mounted.wait()


async def lay_out_hidden(app: "App", screen: Screen) -> None:
    """Lay out a hidden screen at the terminal's size (~half of a first showing's time): shown
    at that size and unchanged since, it is not laid out again. Nothing is drawn. A layout can
    ask for another (a scrollbar appears once the content is measured): up to three passes."""
    _show_notifications(app, screen)
    for _ in range(3):
        if screen.is_current:  # a key showed it: its own frame lays it out
            return
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
    await draw_hidden(screen)


async def draw_hidden(screen: Screen) -> bool:
    """Draw a hidden, laid out screen once, off the terminal: each widget keeps the lines it
    drew until it changes, so its first showing only puts them together (Resume at medium:
    its list's rows, panels and footer keys drawn for the first time were ~30 ms of the key).
    In steps of STEP_SECONDS, a few of a widget's lines each (at once, Resume's drawing was one
    50-70 ms step at large, and a key pressed meanwhile waited for all of it); a key waiting
    (key_waiting) goes first, and the drawing goes on at the next pause in the input. False when
    the screen was shown (or removed) before it was all drawn: its frame draws the rest."""
    app = screen.app
    while True:
        await input_pause(app)
        if screen.is_current or not screen.is_attached:
            return False
        if await _draw_lines_in_steps(app, screen):
            break
    # Every line drawn: putting them together once more is quick (~3-5 ms at medium), and keeps
    # what Textual's full frame caches besides the widgets' lines.
    screen._compositor.render_update(full=True)
    return True


async def _draw_lines_in_steps(app: "App", screen: Screen) -> bool:
    """Draw every visible widget's lines, ROWS_PER_STEP at a time, giving way to the UI thread's
    other work every STEP_SECONDS; False when a key came (or the screen was shown, or laid out
    again) before the last line."""
    from textual.geometry import Region

    from ..partial_frames import parts_to_render

    clock = time.perf_counter
    started = clock()
    for widget, region, (x, y, width, height) in parts_to_render(screen._compositor, []):
        for top in range(y, y + height, ROWS_PER_STEP):
            if clock() - started >= STEP_SECONDS:
                await asyncio.sleep(0)  # a key posted meanwhile is queued now
                if screen.is_current or key_waiting(app) or screen._layout_required or not widget.is_attached:
                    return False
                started = clock()
            rows = min(ROWS_PER_STEP, y + height - top)
            widget.render_lines(Region(x - region.x, top - region.y, width, rows))
    return True


def _show_notifications(app: "App", screen: Screen) -> None:
    """Give the screen's toast rack the display it gets when shown: Textual sets it at every
    showing (App._refresh_notifications), and setting it the first time, even to the hidden it
    had by its CSS, laid the whole screen out again at the first showing (the paper form's
    first `e`: ~35 ms at medium instead of drawing what its paper changed)."""
    for rack in screen.query("ToastRack"):  # Textual's (textual.widgets._toast), one per screen
        rack.display = bool(app._notifications)
