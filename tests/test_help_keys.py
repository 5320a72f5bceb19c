"""`?` lists the app's keys, grouped (this screen's, the screens', everywhere), one row per
action with its keys together, and no widget internals (Scroll Left, super+c, select line)."""

from __future__ import annotations

import pytest
from textual.widgets import Static

from paperdeck.models.papers import Stage

WIDGET_NOISE = ("Scroll Left", "Scroll Right", "super+c", "Select line", "Copy selected text", "Toggle dark")


def help_text(app) -> str:
    import io

    from rich.console import Console

    console = Console(width=100, record=True, file=io.StringIO())
    for static in app.screen.query(Static):
        console.print(static.content)
    return console.export_text()


@pytest.mark.parametrize("screen", ["pipeline", "venues", "flashcards", "pitch", "resume", "dashboard"])
async def test_help_lists_the_apps_keys_grouped(store, make_app, screen):
    store.papers.add("A paper", Stage.WRITING)
    app = make_app(screen)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await app.screen.view_ready()
        await pilot.pause()
        if screen == "pitch":
            await pilot.press("escape")  # keys mode: `?` is a key, not text
        await pilot.press("question_mark")
        await pilot.pause()
        text = help_text(app)
        assert "Screens" in text and "Everywhere" in text, text
        assert text.index("Screens") < text.index("Everywhere")
        for noise in WIDGET_NOISE:
            assert noise not in text, (noise, text)
        assert "Open the Pipeline screen" in text and text.count("Open the Pipeline screen") == 1
