"""The Pitch screen at 80x24, 120x40 and 200x60: where the editors, the examples and the
rehearsal panel are (regions, not snapshots), the focus on entry, and the two modes."""

from __future__ import annotations

import pytest
from textual.widgets import Static, TextArea

from paperdeck.models.papers import Stage
from paperdeck.tui.screens.pitch import EDITOR_SHARE

SIZES = [(80, 24), (120, 40), (200, 60)]


@pytest.fixture
def paper(store):
    return store.papers.add("Reward-Aware Prompt Optimization", Stage.WRITING)


async def shown(pilot) -> None:
    await pilot.pause()
    await pilot.app.screen.view_ready()
    await pilot.pause()
    await pilot.pause()


def footer_text(app) -> str:
    from textual.widgets import Footer

    footer = app.screen.query_one(Footer)
    return " ".join(str(item.render()) for item in footer.query("*"))


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
async def test_editors_take_most_of_the_width_and_the_examples_fit_it(paper, make_app, size):
    width = size[0]
    app = make_app("pitch")
    async with app.run_test(size=size) as pilot:
        await shown(pilot)
        screen = app.screen
        editor, prompt = screen.query_one("#editor-1", TextArea), screen.query_one("#prompt-1", Static)
        assert editor.region.width >= EDITOR_SHARE * width, (editor.region, width)
        assert app.focused is editor  # entering Pitch: the first part's editor has the focus
        if width < 120:  # the examples wait behind F3
            assert not prompt.display
            await pilot.press("f3")
            await shown(pilot)
            assert prompt.display and prompt.region.width > 0
        assert prompt.region.width >= 28
        if width >= 170:  # beside the editor
            assert prompt.region.right <= editor.region.x and prompt.region.y == editor.region.y
        else:  # above it, as wide
            assert prompt.region.bottom <= editor.region.y and prompt.region.width >= editor.region.width
        assert editor.region.width >= EDITOR_SHARE * width
        # The rehearsal panel's title is two lines that never wrap, even at 80 columns.
        title = screen.query_one("#pitch-rehearsal-title", Static)
        assert title.region.height == 2, title.region
        panel = screen.query_one("#pitch-rehearsal")
        assert panel.region.right <= width and panel.region.x >= editor.region.right


async def test_escape_leaves_editing_and_the_footer_shows_the_mode(paper, make_app, store):
    app = make_app("pitch")
    async with app.run_test(size=(120, 40)) as pilot:
        await shown(pilot)
        assert "Editing" in footer_text(app)
        await pilot.press(*"hi")  # letters are text while editing
        assert app.screen.query_one("#editor-1", TextArea).text.startswith("hi")
        await pilot.press("escape")
        await pilot.pause()
        assert not isinstance(app.focused, TextArea)
        assert "Keys: edit" in footer_text(app) and "Editing" not in footer_text(app)
        await pilot.press("i")  # back into the part it left
        await pilot.pause()
        assert app.focused is app.screen.query_one("#editor-1", TextArea)
        await pilot.press("tab")  # into part 2; Esc, i come back to part 2
        await pilot.press("escape", "e")
        await pilot.pause()
        assert app.focused is app.screen.query_one("#editor-2", TextArea)


async def test_coming_back_to_pitch_focuses_the_editor(paper, make_app):
    app = make_app("pitch")
    async with app.run_test(size=(80, 24)) as pilot:
        await shown(pilot)
        await pilot.press("tab", "escape", "2")  # part 2, then away to the Pipeline
        await pilot.pause()
        await pilot.press("5")
        await shown(pilot)
        assert app.focused is app.screen.query_one("#editor-2", TextArea)


async def test_a_sentence_typed_on_entry_is_text_not_keys(paper, make_app, store, monkeypatch):
    """Letters typed while Pitch loads its first view are text for the first editor: `h` does
    not open the history, `r` does not start a rehearsal."""
    import threading

    from paperdeck.tui.screens.pitch import PitchScreen

    release = threading.Event()
    real_load = PitchScreen.load_view

    def slow_load(store, request):  # the first view arrives only after the keys were typed
        release.wait(timeout=30)
        return real_load(store, request)

    monkeypatch.setattr(PitchScreen, "load_view", staticmethod(slow_load))
    app = make_app("pitch")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press(*"hr ok")
        assert app.screen.view is None  # still loading: the keys came first
        release.set()
        await shown(pilot)
        assert app.screen.query_one("#editor-1", TextArea).text.startswith("hr ok")
        assert type(app.screen).__name__ == "PitchScreen" and app.screen.stopwatch is None


async def test_each_part_is_its_heading_and_its_row_of_prompt_and_editor(paper, make_app):
    """Four widgets a part, straight in the parts' scroll (no box around each: the first showing
    mounts, styles and lays out 5 containers fewer); the heading right above the prompt."""
    app = make_app("pitch")
    async with app.run_test(size=(120, 40)) as pilot:
        await shown(pilot)
        parts = app.screen.query_one("#pitch-parts")
        assert len(parts.query("*")) == 4 * 5
        for number in range(1, 6):
            head, prompt = app.screen.query_one(f"#head-{number}"), app.screen.query_one(f"#prompt-{number}")
            assert head.parent is parts and prompt.parent.parent is parts
            assert prompt.region.y == head.region.bottom
