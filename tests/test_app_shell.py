"""The app shell: six screens by key, help, language and theme settings."""

from __future__ import annotations

import pytest

from paperdeck.tui.app import PaperdeckApp
from paperdeck.tui.registry import SCREEN_NAMES


async def test_keys_1_to_6_visit_every_screen(store):
    app = PaperdeckApp(store)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        assert app.current_mode == "dashboard"
        for number, name in enumerate(SCREEN_NAMES, start=1):
            await pilot.press(str(number))
            await pilot.pause()
            assert app.current_mode == name
            assert type(app.screen).__name__.lower().startswith(name[:5])


async def test_screens_show_seeded_content(store):
    app = PaperdeckApp(store)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("3")
        await pilot.pause()
        rendered = app.screen.query_one("#venue-table").render()
        text = str(getattr(rendered, "renderable", rendered))
        venues = [v.name for v in store.venues.all()]
        assert "NeurIPS" in venues and "COLM" in venues


async def test_help_lists_keys_of_the_screen(store):
    app = PaperdeckApp(store)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("question_mark")
        await pilot.pause()
        from paperdeck.tui.screens.help import HelpScreen

        assert isinstance(app.screen, HelpScreen)
        await pilot.press("escape")
        await pilot.pause()
        assert not isinstance(app.screen, HelpScreen)


async def test_language_switch_is_a_saved_setting(store):
    app = PaperdeckApp(store)
    async with app.run_test(size=(120, 40)) as pilot:
        assert app.language == "en"
        await pilot.press("f2")
        await pilot.pause()
        assert app.language == "zh"
    assert store.settings.load().language == "zh"
    assert PaperdeckApp(store).language == "zh"


async def test_theme_is_a_saved_setting(store):
    app = PaperdeckApp(store)
    async with app.run_test(size=(120, 40)) as pilot:
        app.theme = "nord"
        await pilot.pause()
    assert store.settings.load().theme == "nord"
    app = PaperdeckApp(store)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        assert app.theme == "nord"
