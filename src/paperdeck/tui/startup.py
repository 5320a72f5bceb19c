"""What the app starts after its first screen shows its data, in the order it pays.

The first frame with data is what a user waits for, so everything else waits for it: the day's
backup (`once_shown`), the database watcher, the note about typing kept from a lost session,
the freeze of start-up's objects, the import of the other screens' modules (tui/preload.py)
and, once those are in and the user pauses, the Resume screen built hidden
(screens/built_ahead.py). `begin` is called from the app's `on_mount`.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .app import PaperdeckApp
    from .watch import DatabaseWatcher

AHEAD_MODE = "resume"  # the screen built ahead once the other screens' modules are imported


def begin(app: "PaperdeckApp") -> None:
    """Schedule the work that waits for the start screen's first data frame."""
    if app.watch_database:
        # The data version a later commit is compared with is read now; the watching itself
        # (watchfiles, its thread) starts once the first screen shows its data.
        watcher = app.new_watcher()
        app.run_worker(_watch_once_shown(app, watcher), name="database-watcher-start", group="watch",
                       exit_on_error=False)
    if app.once_shown is not None:
        app.run_worker(call_once_shown(app, app.once_shown), name="once-shown", exit_on_error=False)
    app.run_worker(_announce_kept_typing(app), name="kept typing", exit_on_error=False)
    if not app.is_headless:  # tests run many apps in one process: keep them collectable
        app.run_worker(call_once_shown(app, freeze_startup_objects), name="freeze", exit_on_error=False)
        app.run_worker(call_once_shown(app, hand_over_sooner), name="switch interval", exit_on_error=False)
        app.start_idle_collector()
        app.catch_hang_up()
        app.run_worker(preload_once_shown(app), name="preload", exit_on_error=False)


async def first_view_shown(app: "PaperdeckApp") -> None:
    """Return once the screen in view has drawn its first data (at once for a screen without)."""
    ready = getattr(app.screen, "view_ready", None)
    if ready is not None:
        await ready()


async def call_once_shown(app: "PaperdeckApp", call: Callable[[], None]) -> None:
    await first_view_shown(app)
    app.call_after_refresh(call)


def freeze_startup_objects() -> None:
    """Move what start-up allocated (modules, CSS, widgets) out of the collector's reach: later
    full collections then skip it, so they no longer stall a key press (~90 -> ~27 ms worst).
    The collector was off until now (`paperdeck` turns it off as it starts, cli/commands/run.py):
    145 young collections scanned those ~100,000 objects before the first frame (~25 ms at
    medium), which found ~1,400 unreachable (~230 KiB), frozen with the rest. On from here."""
    import gc

    gc.freeze()
    gc.enable()


# How long a thread holding the interpreter's lock keeps it from the UI thread asking for it
# (CPython's default: 5 ms). See hand_over_sooner.
SWITCH_SECONDS = 0.001


def hand_over_sooner() -> None:
    """Let the UI thread take the interpreter's lock back from a worker within SWITCH_SECONDS.
    The UI thread lets the lock go at every turn of its event loop (select, a write to the
    terminal) and at every query; a worker reading ahead in pure Python (Resume's entries,
    Stats' rows: 100-300 ms at large) then took it, and each time the UI thread waited up to
    CPython's 5 ms to get it back: a key handled over a few dozen turns waited that many times
    (a first `s` at large: ~100 ms, most of it waiting). From the first frame with data on:
    before it, the start screen's read is what the user waits for."""
    import sys

    sys.setswitchinterval(SWITCH_SECONDS)


async def _watch_once_shown(app: "PaperdeckApp", watcher: "DatabaseWatcher") -> None:
    await first_view_shown(app)
    app.call_after_refresh(app.start_watching, watcher)


async def _announce_kept_typing(app: "PaperdeckApp") -> None:
    """Text a dialog kept as a draft when the app ended under it (screens/typing_kept.py)."""
    await first_view_shown(app)
    # Imported only now: it imports TextArea (~25 ms), which the first frame does not need.
    from .screens.typing_kept import announce_kept_typing

    announce_kept_typing(app)


async def preload_once_shown(app: "PaperdeckApp") -> None:
    """The other screens' modules, imported a tick at a time while the user pauses."""
    await first_view_shown(app)
    from ..usecases.session import FIRST_READ_IMPORTS
    from .preload import TICK_SECONDS, Preloader, to_preload
    from .screens.built_ahead import key_waiting

    collector = app.idle_collector
    app.preloader = preloader = Preloader(
        to_preload(app.start_screen), last_input=lambda: collector.last_input if collector else 0.0,
        busy=lambda: key_waiting(app))
    preloader.import_for_reads(FIRST_READ_IMPORTS)

    def tick() -> None:
        preloader.tick()
        if preloader.done:
            timer.stop()
            app.run_worker(_build_ahead(app), name="build ahead", exit_on_error=False)

    timer = app.set_interval(TICK_SECONDS, tick, name="preload")


async def _build_ahead(app: "PaperdeckApp") -> None:
    """The Resume screen, built hidden with its view read and drawn off the terminal. Its first
    showing built it and read every paper's authors (100-130 ms at medium): `6` then only
    switches to it. Not sooner: its ~1 MiB would raise the peak memory of start-up."""
    from .screens.built_ahead import build_mode_ahead, input_pause

    await input_pause(app)
    await build_mode_ahead(app, AHEAD_MODE)
