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


async def test_a_column_growing_past_its_height_gains_its_scrollbar_and_shows_the_moved_card(store):
    """A move changes two columns' virtual heights without a layout of the screen (board.py
    _set_virtual_size): the scrollbar still appears and goes, its thumb follows, the moved card
    is in view. Neither column empties (an empty column collapses: a layout that would hide a
    missed scrollbar update)."""
    for number in range(7):
        store.papers.add(f"Moving {number}", Stage.IDEATION)
    store.papers.add("Staying in design", Stage.DESIGN)
    app = PaperdeckApp(store, start_screen="pipeline", watch=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await shown(pilot)
        design = app.screen.query_one("#col-design", BoardColumn)
        assert not design.show_vertical_scrollbar
        for _ in range(6):
            await pilot.press("shift+right")
            await shown(pilot)
            assert app.focused is design
            await pilot.press("h")
            await shown(pilot)
        await pilot.press("l")
        await shown(pilot)
        assert len(design.tiles) == 7 and design.virtual_size.height > design.container_size.height
        assert design.show_vertical_scrollbar and design.vertical_scrollbar.display
        assert design.vertical_scrollbar.window_virtual_size == design.virtual_size.height
        await pilot.press("end")
        await shown(pilot)
        top = design.tile_top(design.cursor)
        assert design.scroll_y <= top and top + design.tile_lines(design.cursor) <= design.scroll_y + design.container_size.height
        await pilot.press("home")
        await shown(pilot)
        for _ in range(6):
            await pilot.press("shift+left")
            await shown(pilot)
            await pilot.press("l")
            await shown(pilot)
        assert len(design.tiles) == 1 and not design.show_vertical_scrollbar


async def test_the_bars_lines_are_what_textuals_styles_cache_makes_of_them(store):
    """The bar's lines skip Textual's styles cache (its work per line): the same strips come out,
    through the app's line filters, whole or cropped."""
    from textual.widget import Widget

    for number in range(40):
        store.papers.add(f"Paper {number}", Stage.DESIGN)
    app = PaperdeckApp(store, start_screen="pipeline", watch=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await shown(pilot)
        await pilot.press("l", "G")  # Design, scrolled to its end
        await shown(pilot)
        bar = app.focused.vertical_scrollbar
        assert isinstance(bar, LineScrollBar) and bar._unstyled()
        height = bar.size.height
        for crop in (Region(0, 0, 1, height), Region(0, 3, 1, height - 5)):
            ours = bar.render_lines(crop)
            bar._styles_cache.clear()
            assert cells(ours) == cells(Widget.render_lines(bar, crop))
