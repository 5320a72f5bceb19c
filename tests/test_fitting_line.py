"""FittingLine: the fullest text that fits, in terminal cells; and the Pitch parts' headings,
which drop their counts whole at a narrow width instead of being cut mid-count."""

from __future__ import annotations

import pytest
from rich.cells import cell_len
from rich.text import Text
from textual.app import App, ComposeResult

from paperdeck.models.papers import Stage
from paperdeck.tui.app import PaperdeckApp
from paperdeck.tui.widgets.fitting_line import FittingLine
from waiting import app_until

FULL = "1. 背景问题   0:10 (1:00–1:36) · 9 词 · 20 字"
SHORT = "1. 背景问题   0:10 (1:00–1:36)"


class LineApp(App[None]):
    CSS = "FittingLine { height: 1; width: %d; }"

    def __init__(self, width: int):
        self.CSS = LineApp.CSS % width
        super().__init__()

    def compose(self) -> ComposeResult:
        yield FittingLine(id="line")


async def rendered(width: int, *texts: str) -> str:
    app = LineApp(width)
    async with app.run_test(size=(80, 5)) as pilot:
        line = app.query_one(FittingLine)
        line.show(*(Text(text) for text in texts))
        await pilot.pause()
        assert line.size.width == width
        return str(line.render())


async def test_the_full_text_when_its_cells_fit():
    assert await rendered(cell_len(FULL), FULL, SHORT) == FULL


async def test_cells_not_characters_decide_what_fits():
    # Wide enough for the full text's characters, not for its cells (each CJK character is two).
    width = cell_len(FULL) - 1
    assert len(FULL) <= width
    assert await rendered(width, FULL, SHORT) == SHORT


async def test_an_ellipsis_when_not_even_the_last_text_fits():
    width = cell_len(SHORT) - 5
    shown = await rendered(width, FULL, SHORT)
    assert shown.endswith("…") and cell_len(shown) <= width
    assert SHORT.startswith(shown[:-1])


async def test_showing_the_same_texts_again_repaints_nothing():
    app = LineApp(40)
    async with app.run_test(size=(80, 5)):
        line = app.query_one(FittingLine)
        assert line.show(Text(FULL), Text(SHORT)) is True
        assert line.show(Text(FULL), Text(SHORT)) is False
        assert line.show(Text(SHORT)) is True


async def first_heading(pilot) -> FittingLine:
    """Part 1's heading, once the Pitch screen shows its view and the heading is laid out."""
    await pilot.pause()
    await pilot.app.screen.view_ready()
    head = pilot.app.screen.query_one("#head-1", FittingLine)
    await app_until(pilot, lambda: head.size.width > 0, "the heading laid out")
    return head


@pytest.mark.parametrize("language, columns", [("en", 80), ("zh", 66)])
async def test_a_narrow_pitch_heading_drops_its_counts_whole(store, language, columns):
    paper = store.papers.add("Reward-Aware Prompt Optimization", Stage.WRITING)
    store.pitches.save_section(paper.id, "pitch.background", "word " * 150 + "现有方法" * 5)
    store.settings.set_text("language", language)
    app = PaperdeckApp(store, start_screen="pitch", watch=False)
    async with app.run_test(size=(columns, 24)) as pilot:
        head = await first_heading(pilot)
        words = "词" if language == "zh" else "words"
        full, short = (str(text) for text in head._texts)
        assert f"· 150 {words} · 20 " in full and cell_len(full) > head.size.width
        shown = str(head.render())
        assert shown == short and shown.endswith("(1:00–1:36)")
    app = PaperdeckApp(store, start_screen="pitch", watch=False)
    async with app.run_test(size=(160, 40)) as pilot:
        head = await first_heading(pilot)
        assert f"· 150 {words} · 20 " in str(head.render())


async def test_a_zero_count_is_left_out_before_the_other_count(store):
    paper = store.papers.add("Reward-Aware Prompt Optimization", Stage.WRITING)
    store.pitches.save_section(paper.id, "pitch.background", "word " * 150)
    app = PaperdeckApp(store, start_screen="pitch", watch=False)
    async with app.run_test(size=(80, 24)) as pilot:
        head = await first_heading(pilot)
        full = str(head._texts[0])
        assert full.endswith("· 150 words · 0 CJK") and cell_len(full) > head.size.width
        assert str(head.render()).endswith("(1:00–1:36) · 150 words")
        # One word is "1 word", in the heading as in the gauge.
        await pilot.click("#editor-2")
        await pilot.press("x")
        await app_until(pilot, lambda: "· 1 word · 0 CJK" in str(app.screen.query_one("#head-2").render()),
                        "part 2's count")
        assert "· 151 words · 0 CJK" in str(app.screen.query_one("#pitch-gauge").render())
