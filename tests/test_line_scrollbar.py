"""The board columns' scrollbar (widgets/line_scrollbar.py) draws exactly Textual's bar: the
same cells and styles at the top, the middle and the end of a long column, focused or not."""

from __future__ import annotations

from textual.geometry import Region
from textual.scrollbar import ScrollBar

from paperdeck.models.papers import Stage
from paperdeck.tui.app import PaperdeckApp
from paperdeck.tui.widgets.board import BoardColumn
from paperdeck.tui.widgets.line_scrollbar import LineScrollBar


async def shown(pilot) -> None:
    await pilot.pause()
    await pilot.app.screen.view_ready()
    await pilot.pause()
    await pilot.pause()


def cells(strips) -> list[list[tuple[str, object]]]:
    """Each line as (character, style) per cell: the same picture whatever the segments."""
    return [[(char, segment.style) for segment in strip for char in segment.text] for strip in strips]


def textuals_lines(bar: ScrollBar, height: int) -> list:
    """The lines Textual's own ScrollBar draws for this bar's state (its Rich renderable)."""
    bar._strips = None  # our lines forgotten: render_line takes Textual's way
    bar.refresh()  # Textual re-renders its content on the next render_line
    return [ScrollBar.render_line(bar, y) for y in range(height)]


async def test_the_columns_scrollbar_draws_textuals_bar(store):
    for number in range(40):
        store.papers.add(f"Paper {number}", Stage.DESIGN)
    app = PaperdeckApp(store, start_screen="pipeline", watch=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await shown(pilot)
        await pilot.press("l")  # Design: 40 tiles, scrolled
        await shown(pilot)
        column = app.focused
        assert isinstance(column, BoardColumn) and column.stage is Stage.DESIGN
        bar = column.vertical_scrollbar
        assert isinstance(bar, LineScrollBar) and bar.display
        for key in ("home", "pagedown", "end", "h"):  # top, middle, end; then unfocused
            await pilot.press(key)
            await shown(pilot)
            width, height = bar.size
            assert height > 5
            bar.render_lines(Region(0, 0, width, height))  # makes our lines for this state
            ours = [bar.render_line(y) for y in range(height)]
            assert bar._strips is not None  # drawn our way (not Textual's)
            assert cells(ours) == cells(textuals_lines(bar, height)), key
