"""The footer shows only keys that fit whole beside the palette key (issue 15: at 80 columns
Venues drew `m ▏^p   令`, a key running under the palette key and cutting its Chinese)."""

from __future__ import annotations

import pytest
from textual.widgets import TextArea
from textual.widgets._footer import FooterKey

from paperdeck.models.papers import Stage
from paperdeck.tui.widgets.footer import QuietFooter
from screen_text import screen_lines
from waiting import workers_done

SCREENS = ["dashboard", "pipeline", "venues", "flashcards", "pitch", "resume", "settings"]


@pytest.mark.parametrize("size", [(80, 24), (120, 40)])
@pytest.mark.parametrize("language", ["zh", "en"])
async def test_every_footer_key_is_whole_and_the_palette_key_is_last(store, make_app, language, size):
    store.settings.update(language=language)
    store.papers.add("一篇论文", Stage.WRITING)
    app = make_app("dashboard")
    palette = "^p 命令" if language == "zh" else "^p palette"
    async with app.run_test(size=size) as pilot:
        for number, name in enumerate(SCREENS, start=1):
            if isinstance(app.focused, TextArea):  # Pitch's editor: digits are text, Esc first
                await pilot.press("escape")
            await pilot.press(str(number))
            await workers_done(pilot)
            await app.screen.view_ready()
            await pilot.pause()
            footer = app.screen.query_one(QuietFooter)
            keys = list(footer.query(FooterKey))
            palette_key = next(key for key in keys if key.has_class("-command-palette"))
            shown = [key for key in keys if key is not palette_key]
            if "question_mark" in app.screen.active_bindings:  # (in Pitch's editor ? is text)
                assert any(key.action == "app.help" for key in shown), name  # ? kept: it lists the rest
            for key in shown:
                assert key.region.right <= palette_key.region.x, (name, key.description, key.region, palette_key.region)
            last = screen_lines(app)[-1]
            assert last.rstrip().endswith(palette), (name, last)


async def test_pitch_footer_starts_with_the_mode_in_an_editor(store, make_app):
    """TextArea binds F6 and F7 itself: Pitch's own keys still come in its order, the mode first."""
    store.papers.add("一篇论文", Stage.WRITING)
    app = make_app("pitch")
    async with app.run_test(size=(120, 40)) as pilot:
        await app.screen.view_ready()
        await pilot.pause()
        assert isinstance(app.focused, TextArea)
        actions = [key.action for key in app.screen.query_one(QuietFooter).query(FooterKey)]
        assert actions[:4] == ["leave_editor", "rehearse", "stop_rehearsal", "runs"], actions
