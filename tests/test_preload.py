"""The app imports the screens and dialogs not shown yet while the user reads the first
screen: one screen per pause in the input (tui/preload.py). No screen or dialog has a
stylesheet file of its own, which would re-parse and restyle everything at its first showing."""

from __future__ import annotations

import importlib
import pkgutil
import sys
import threading

from textual.screen import Screen

import paperdeck.tui.screens
from paperdeck.tui.app import PaperdeckApp
from paperdeck.tui.preload import DIALOGS, QUIET_SECONDS, THREAD_LIBRARIES, Preloader, to_preload
from paperdeck.tui.registry import SCREENS
from paperdeck.tui.startup import preload_once_shown


def test_every_screen_but_the_start_one_then_the_dialogs():
    items = to_preload("pipeline")
    assert ("paperdeck.tui.screens.pipeline", "PipelineScreen") not in items
    assert items[: len(SCREENS) - 1] == [(e.module_path, e.class_name) for e in SCREENS if e.name != "pipeline"]
    assert items[len(SCREENS) - 1:] == list(DIALOGS)


def test_one_screen_per_tick_and_none_while_the_user_types():
    now = [100.0]
    last_input = [100.0]
    preloader = Preloader([("json", "JSONDecoder"), ("paperdeck.tui.screens.help", "HelpScreen")],
                          last_input=lambda: last_input[0], clock=lambda: now[0])
    assert not preloader.tick()  # a key just came
    now[0] += QUIET_SECONDS
    assert preloader.tick() and preloader.imported == ["json"]
    last_input[0] = now[0]  # typing again
    assert not preloader.tick() and not preloader.done
    now[0] += QUIET_SECONDS
    assert preloader.tick() and preloader.done
    assert "paperdeck.tui.screens.help" in sys.modules
    assert preloader.imported == ["json", "paperdeck.tui.screens.help"]
    assert not preloader.tick()


def test_nothing_is_prepared_while_a_screen_loads():
    loading = [True]
    preloader = Preloader([("json", "JSONDecoder")], last_input=lambda: 0.0, busy=lambda: loading[0],
                          clock=lambda: 10.0)
    assert not preloader.tick()
    loading[0] = False
    assert preloader.tick() and preloader.done


def test_a_screen_that_cannot_import_is_skipped_not_raised():
    preloader = Preloader([("paperdeck.tui.screens.no_such_screen", "X"), ("json", "NoSuchClass"),
                           ("json", "JSONDecoder")], last_input=lambda: 0.0, clock=lambda: 10.0)
    assert not preloader.tick() and not preloader.tick()
    assert preloader.tick() and preloader.imported == ["json"] and preloader.done


async def test_a_screen_is_pending_from_its_request_to_its_drawn_view(store):
    app = PaperdeckApp(store, watch=False)
    async with app.run_test(size=(100, 30)):
        await app.screen.view_ready()
        assert not app.screen.view_pending
        app.screen.reload_view()
        assert app.screen.view_pending
        await app.screen.view_ready()
        assert not app.screen.view_pending


async def test_the_app_prepares_every_other_screen_after_the_start_screen_shows_its_data(store):
    from paperdeck.tui.screens.venues import VenuesScreen

    app = PaperdeckApp(store, watch=False)
    async with app.run_test(size=(100, 30)) as pilot:
        await app.screen.view_ready()
        assert app.preloader is None  # headless: not started by itself
        await preload_once_shown(app)
        while not app.preloader.done:
            await pilot.pause(0.05)
        assert app.preloader.imported == [module for module, _ in to_preload("dashboard")]
        sources = set(app.stylesheet.source)
        await pilot.press("3")
        await app.screen.view_ready()
        assert isinstance(app.screen, VenuesScreen)
        # Styled by its own rules, and no stylesheet file was read for it.
        assert str(app.screen.query_one("#venue-switcher").styles.height) == "1fr"
        assert not any(path.endswith(".tcss") for path, _ in set(app.stylesheet.source) - sources)


def screen_classes() -> list[type[Screen]]:
    """Every screen and dialog class of the app's screens package."""
    found = []
    for module_info in pkgutil.iter_modules(paperdeck.tui.screens.__path__):
        module = importlib.import_module(f"paperdeck.tui.screens.{module_info.name}")
        found += [value for value in vars(module).values() if isinstance(value, type) and
                  issubclass(value, Screen) and value.__module__ == module.__name__]
    return found


def test_no_screen_or_dialog_has_a_stylesheet_file_of_its_own():
    classes = screen_classes()
    assert {"VenuesScreen", "PromptModal", "EditCardModal", "CramSetupModal"} <= {cls.__name__ for cls in classes}
    assert [cls.__name__ for cls in classes if cls.CSS_PATH] == []


def test_a_library_of_a_screen_is_imported_on_a_thread_before_its_tick(monkeypatch):
    """A screen module's library (THREAD_LIBRARIES: Stats' plotting library) is imported on a
    thread of its own when the module's turn comes, the module at a later tick: not on the UI
    thread inside one tick (~27 ms idle, 140 ms at large with a worker reading)."""
    monkeypatch.delitem(sys.modules, "colorsys", raising=False)
    preloader = Preloader([("paperdeck.tui.screens.help", "HelpScreen")], last_input=lambda: 0.0,
                          clock=lambda: 10.0, libraries={"paperdeck.tui.screens.help": ("colorsys",)})
    assert not preloader.tick() and preloader.imported == []  # its library first, on a thread
    thread = preloader.library_imports
    assert thread is not None and thread is not threading.current_thread()
    thread.join()
    assert "colorsys" in sys.modules and not preloader.done
    assert preloader.tick() and preloader.imported == ["paperdeck.tui.screens.help"] and preloader.done


def test_stats_plotting_library_is_one_of_them():
    assert "plotext" in THREAD_LIBRARIES["paperdeck.tui.screens.card_stats"]
