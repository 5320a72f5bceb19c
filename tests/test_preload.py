"""The app imports the screens and dialogs not shown yet while the user reads the first
screen, one module per pause in the input (tui/preload.py)."""

from __future__ import annotations

import sys

from paperdeck.tui.app import PaperdeckApp
from paperdeck.tui.preload import DIALOG_MODULES, QUIET_SECONDS, ModulePreloader, modules_to_preload
from paperdeck.tui.registry import SCREENS


def test_every_screen_but_the_start_one_then_the_dialogs():
    modules = modules_to_preload("pipeline")
    assert "paperdeck.tui.screens.pipeline" not in modules
    assert modules[: len(SCREENS) - 1] == [e.module_path for e in SCREENS if e.name != "pipeline"]
    assert modules[len(SCREENS) - 1:] == list(DIALOG_MODULES)


def test_one_import_per_tick_and_none_while_the_user_types():
    now = [100.0]
    last_input = [100.0]
    preloader = ModulePreloader(["json", "paperdeck.tui.screens.help"], last_input=lambda: last_input[0],
                                clock=lambda: now[0])
    assert not preloader.tick()  # a key just came
    now[0] += QUIET_SECONDS
    assert preloader.tick() and preloader.imported == ["json"]
    last_input[0] = now[0]  # typing again
    assert not preloader.tick() and not preloader.done
    now[0] += QUIET_SECONDS
    assert preloader.tick() and preloader.done
    assert "paperdeck.tui.screens.help" in sys.modules
    assert not preloader.tick()


def test_a_module_that_cannot_import_is_skipped_not_raised():
    preloader = ModulePreloader(["paperdeck.tui.screens.no_such_screen", "json"], last_input=lambda: 0.0,
                                clock=lambda: 10.0)
    assert not preloader.tick()
    assert preloader.tick() and preloader.imported == ["json"] and preloader.done


async def test_the_app_preloads_after_the_start_screen_shows_its_data(store):
    app = PaperdeckApp(store, watch=False)
    async with app.run_test(size=(100, 30)) as pilot:
        await app.screen.view_ready()
        assert app.preloader is None  # headless: not started by itself
        await app._preload_once_shown()
        while not app.preloader.done:
            await pilot.pause(0.05)
        assert app.preloader.imported == modules_to_preload("dashboard")
        await pilot.press("2")
        await app.screen.view_ready()
        assert app.screen.__class__.__name__ == "PipelineScreen"


def test_nothing_is_imported_while_a_screen_loads():
    loading = [True]
    preloader = ModulePreloader(["json"], last_input=lambda: 0.0, busy=lambda: loading[0], clock=lambda: 10.0)
    assert not preloader.tick()
    loading[0] = False
    assert preloader.tick() and preloader.done


async def test_a_screen_is_pending_from_its_request_to_its_drawn_view(store):
    app = PaperdeckApp(store, watch=False)
    async with app.run_test(size=(100, 30)) as pilot:
        await app.screen.view_ready()
        assert not app.screen.view_pending
        app.screen.reload_view()
        assert app.screen.view_pending
        await app.screen.view_ready()
        assert not app.screen.view_pending
