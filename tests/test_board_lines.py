"""A board column's tiles are drawn once and kept by what they show (widgets/board.py): a tile
changed by a re-read, a theme, or the focus leaving and coming back is drawn anew; nothing
stale stays on the board."""

from __future__ import annotations

import pytest

from paperdeck.models.papers import Stage
from paperdeck.tui.app import PaperdeckApp
from paperdeck.tui.widgets.board import BoardColumn
from waiting import settled


@pytest.fixture
def board(store):
    alpha = store.papers.add("Alpha", Stage.IDEATION)
    store.papers.add("Beta", Stage.IDEATION)
    store.papers.add("Gamma", Stage.DESIGN)
    return store, alpha


def column(app, stage: Stage) -> BoardColumn:
    return app.screen.column(stage)


def tile_text(column: BoardColumn) -> str:
    return "\n".join(column.render_line(y).text.strip() for y in range(column.scrollable_content_region.height))


def cursor_background(column: BoardColumn):
    """The background of the first tile's title line, as drawn."""
    return list(column.render_line(0))[-1].style.bgcolor


async def test_a_tile_changed_by_a_re_read_is_drawn_anew(board):
    store, alpha = board
    app = PaperdeckApp(store, start_screen="pipeline", watch=False)
    async with app.run_test(size=(120, 40)) as pilot:
        await settled(pilot)
        ideation = column(app, Stage.IDEATION)
        before = tile_text(ideation)
        assert "Alpha" in before
        store.papers.update(alpha.id, None, title="Alpha, renamed in another window")
        item = store.papers.add_checklist_item(alpha.id, Stage.IDEATION, "one more step")
        store.papers.set_checklist_done(item, True)
        done = sum(i.done for i in store.papers.checklist(alpha.id, Stage.IDEATION))
        total = len(store.papers.checklist(alpha.id, Stage.IDEATION))
        app.screen.refresh_data()  # as when another window's write is seen
        await settled(pilot)
        shown = tile_text(ideation)
        assert "Alpha, renamed" in shown and f"☑{done}/{total}" in shown and "Beta" in shown


async def test_a_theme_change_redraws_the_tiles_in_its_colours_focused_or_not(board):
    store, _ = board
    app = PaperdeckApp(store, start_screen="pipeline", watch=False)
    async with app.run_test(size=(120, 40)) as pilot:
        await settled(pilot)
        ideation, design = column(app, Stage.IDEATION), column(app, Stage.DESIGN)
        assert app.focused is ideation
        await pilot.press("l")  # each column drawn focused and not: both kept
        await settled(pilot)
        await pilot.press("h")
        await settled(pilot)
        focused_before = cursor_background(ideation)
        design_before = cursor_background(design)
        app.theme = "textual-light"
        await settled(pilot)
        # The focused column, drawn now, in the new colours.
        assert cursor_background(ideation) == ideation.get_component_rich_style("board-column--cursor").bgcolor
        assert cursor_background(ideation) != focused_before
        assert cursor_background(design) == design.get_component_rich_style("board-column--tile").bgcolor
        assert cursor_background(design) != design_before
        # The lines kept for the focus state not drawn since the change are not shown either.
        await pilot.press("l")
        await settled(pilot)
        assert cursor_background(design) == design.get_component_rich_style("board-column--cursor").bgcolor
        assert cursor_background(ideation) == ideation.get_component_rich_style("board-column--tile").bgcolor
        await pilot.press("h")
        await settled(pilot)
        assert cursor_background(ideation) == ideation.get_component_rich_style("board-column--cursor").bgcolor
        assert cursor_background(design) == design.get_component_rich_style("board-column--tile").bgcolor


async def test_kept_rows_are_the_lines_textual_styles(store):
    """A column keeps its styled rows across repaints (widgets/kept_rows.py): after moves, a
    scroll, a focus change and a theme change, every row is what Textual's styles cache makes."""
    from textual._styles_cache import StylesCache
    from textual.geometry import Region

    for number in range(12):
        store.papers.add(f"Idea {number}", Stage.IDEATION)
        store.papers.add(f"Design {number}", Stage.DESIGN)

    def cells(strips):
        return [[(char, segment.style) for segment in strip for char in segment.text] for strip in strips]

    def drawn_as_textual_draws(app) -> None:
        for column in app.screen.query(BoardColumn):
            whole = Region(0, 0, *column.size)
            kept = column.render_lines(whole)
            column._render_width = column.scrollable_content_region.width  # as render_lines sets it
            try:
                textuals = StylesCache().render_widget(column, whole)
            finally:
                column._render_width = None
            assert cells(kept) == cells(textuals), column.stage

    app = PaperdeckApp(store, start_screen="pipeline", watch=False)
    async with app.run_test(size=(120, 40)) as pilot:
        await settled(pilot)
        for keys in (["shift+right"], ["shift+left"], ["G"], ["l"], ["h", "g"]):
            await pilot.press(*keys)
            await settled(pilot)
            drawn_as_textual_draws(app)
        app.theme = "textual-light"
        await settled(pilot)
        drawn_as_textual_draws(app)
