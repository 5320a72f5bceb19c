"""A screen's first showing imports no module: the preloader imported the screens, and the
modules their first reads import on a worker thread (usecases/session.py FIRST_READ_IMPORTS),
once the first screen showed its data (tui/preload.py); and the Flashcards screen imports the
review and Stats screens it builds ahead only once its view is shown and the user pauses. Run in a fresh interpreter, started as
`paperdeck` starts it (the Dashboard's first view read by a child process): this test process
has imported everything already."""

from __future__ import annotations

import json
import subprocess
import sys

from paperdeck.models.papers import Stage

SHOWINGS = """
import asyncio, json, sys

from paperdeck.clock import repair_environment_zone
from paperdeck.store import open_store
from paperdeck.tui.app import PaperdeckApp
from paperdeck.tui.registry import SCREENS, screen_entry
from paperdeck.tui.screens import built_ahead
from paperdeck.tui.startup import preload_once_shown
from paperdeck.usecases.dashboard import dashboard_now
from paperdeck.usecases.view_ahead import ViewAhead

db = sys.argv[1]
imported = {}


class Recorder:
    # The modules imported from a screen's key to its first view shown (what the bench's first
    # showing measures, up to its frame); not what the screen imports once shown.

    app = None
    showing = None

    def find_spec(self, name, path=None, target=None):
        if self.showing is None:
            return None
        screen = self.app.screen
        if type(screen).__name__ == screen_entry(self.showing).class_name and screen._first_view_shown:
            self.showing = None
        elif not by_work_ahead():
            imported.setdefault(self.showing, []).append(name)
        return None


# The coroutines that await the user's pause (built_ahead.input_pause) before they build or read
# ahead: what they import is not a showing's, even when a loaded machine runs them late, during
# the next screen's showing (the Pipeline's form built ahead, seen during the Venues showing).
AFTER_PAUSE = {"_build_ahead", "_build_form_ahead", "_read_form_ahead"}


def by_work_ahead():
    frame = sys._getframe(2)
    while frame is not None:
        if frame.f_code.co_name in AFTER_PAUSE:
            return True
        frame = frame.f_back
    return False


async def main():
    recorder = Recorder()
    repair_environment_zone()  # as cli/main.py, first
    ahead = ViewAhead.start(db, dashboard_now)  # as cli/commands/run.py: before the store opens
    store = open_store(db)
    ahead.begin(store.change_stamp())
    app = PaperdeckApp(store, watch=False, view_ahead=ahead)
    async with app.run_test(size=(120, 40)) as pilot:
        await app.screen.view_ready()
        app.start_idle_collector()  # what tells the screens built ahead that the user pauses
        await preload_once_shown(app)
        # What a key pressed soon after the first frame (0.3 s) finds: the screens' modules
        # imported (the preloader's first steps), not yet the dialogs'.
        screens = {entry.module_path for entry in SCREENS}
        app.preloader.pending = [item for item in app.preloader.pending if item[0] in screens]
        while not app.preloader.done:
            await pilot.pause(0.05)
        recorder.app = app
        sys.meta_path.insert(0, recorder)
        for key, screen in (("2", "pipeline"), ("3", "venues"), ("4", "flashcards"), ("5", "pitch"), ("6", "resume")):
            recorder.showing = screen
            await pilot.press(key)
            await app.screen.view_ready()
            recorder.showing = None
            # What a screen builds ahead once the user pauses, built now: not when the next
            # key is pressed (recorded as that showing's under a loaded machine).
            await pilot.pause(built_ahead.QUIET_SECONDS + 0.2)
    store.close()
    assert ahead.used  # the Dashboard's view came from the child, as in `paperdeck`
    print(json.dumps(imported))


asyncio.run(main())
"""


def test_no_first_showing_imports_a_module(store, add_paper):
    for n in range(3):  # the resume parses its authors' names
        add_paper(f"Paper {n}", Stage.IDEATION, authors=["Ada Lovelace", f"Rob van der Goot {n}"], on_resume=True)
    result = subprocess.run([sys.executable, "-c", SHOWINGS, str(store.path)], capture_output=True, text=True,
                            timeout=120)
    assert result.returncode == 0, result.stderr
    imported = json.loads(result.stdout.strip().splitlines()[-1])
    assert imported == {}, imported


async def test_work_ahead_waits_for_the_frame_with_the_view(make_app, monkeypatch):
    """The Flashcards screen builds its review and Stats screens ahead once the user pauses and
    it is neither loading nor owing a frame: not between its view shown and that view's frame
    (a key older than the pause, at large, found the imports and the build there)."""
    from textual._compositor import Compositor

    from paperdeck.tui.screens import built_ahead
    from paperdeck.tui.screens.flashcards import FlashcardsScreen

    monkeypatch.setattr(built_ahead, "TICK_SECONDS", 0)  # the pause checked at every turn of the loop
    seen = []
    render_update, build_hidden = Compositor.render_update, built_ahead.build_hidden

    def frame(compositor, *args, **kwargs):
        screen = app.screen
        if isinstance(screen, FlashcardsScreen) and compositor is screen._compositor:
            seen.append(("frame", screen.decks_view is not None))
        return render_update(compositor, *args, **kwargs)

    async def build(*args, **kwargs):
        seen.append(("build", None))
        return await build_hidden(*args, **kwargs)

    monkeypatch.setattr(Compositor, "render_update", frame)
    monkeypatch.setattr(built_ahead, "build_hidden", build)
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await app.screen.view_ready()
        await pilot.press("4")
        while ("build", None) not in seen:
            await pilot.pause(0.01)
    first_build = seen.index(("build", None))
    assert ("frame", True) in seen[:first_build], seen


async def test_a_screens_read_starts_at_once_not_after_the_handlers_queued(make_app, monkeypatch):
    """A load's thread starts when the load is asked for: Textual's thread worker started it only
    once the worker's task ran, after the asking handler and what it queued (the first showing's
    resume and its layouts: 15-20 ms at medium before the read began)."""
    import threading

    from paperdeck.tui.screens.flashcards import FlashcardsScreen

    app = make_app(screen="flashcards")
    async with app.run_test(size=(120, 40)):
        screen = app.screen
        await screen.view_ready()
        reading = threading.Event()
        load_view = FlashcardsScreen.load_view

        def load(store, request):
            reading.set()
            return load_view(store, request)

        monkeypatch.setattr(FlashcardsScreen, "load_view", staticmethod(load))
        screen.reload_view()
        assert reading.wait(5)  # the event loop has not turned since
        await screen.view_ready()
        reading.clear()
        screen.load_then(lambda store: reading.set(), lambda _result: None)
        assert reading.wait(5)
        await screen.view_ready()
