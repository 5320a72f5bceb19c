"""A card moved on the Pipeline board: its frame renders the two columns the move changes, and
nothing on the screen is restyled or laid out (issue 18: a move's restyles and frame were most of
the key's time at medium). The board shows what is stored after the move and after its undo."""

from __future__ import annotations

import pytest

from paperdeck.models.papers import STAGES, Stage
from paperdeck.tui.widgets.board import BoardColumn
from frame_counts import count_layouts_and_restyles, widgets_rendered_per_frame
from waiting import settled


@pytest.fixture
def busy_board(store):
    """Eight papers in each of the first four stages: every column shown has tiles to draw."""
    for stage in STAGES[:4]:
        for number in range(8):
            store.papers.add(f"{stage.value} paper {number}", stage)
    return store


def shown_titles(app) -> dict[Stage, list[str]]:
    return {column.stage: [tile.title for tile in column.tiles] for column in app.screen.query(BoardColumn)}


def stored_titles(store) -> dict[Stage, list[str]]:
    return {stage: [paper.title for paper in store.papers.by_stage(stage)] for stage in STAGES}


async def test_a_move_renders_its_two_columns_and_restyles_and_lays_out_nothing(busy_board, make_app, monkeypatch):
    app = make_app("pipeline")
    async with app.run_test(size=(120, 40)) as pilot:
        await settled(pilot)
        screen = app.screen
        ideation, design = screen.column(Stage.IDEATION), screen.column(Stage.DESIGN)
        assert app.focused is ideation
        seen = count_layouts_and_restyles(app, screen)
        frames = widgets_rendered_per_frame(screen, monkeypatch)
        await pilot.press("shift+right")
        await settled(pilot)  # the move written, its tile read again and drawn
        moved = [frame for frame in frames if any(isinstance(widget, BoardColumn) for widget in frame)]
        assert moved, "no frame drew the board"
        # The move's frame: its two columns, not the columns beside them nor the header.
        assert {widget for widget in moved[0] if isinstance(widget, BoardColumn)} == {ideation, design}
        assert not any(type(widget).__name__ == "Header" for widget in moved[0])
        # The focus went with the card, in its look (border and header), without a restyle.
        assert app.focused is design and design.current_tile.title == "ideation paper 0"
        assert design.styles.border_top == design.get_component_styles("board-column--focused").border_top
        assert ideation.styles.border_top != design.styles.border_top
        assert seen["restyled"] == [] and seen["layouts"] == []
        assert shown_titles(app) == stored_titles(busy_board)
        await pilot.press("u")
        await settled(pilot)
        assert stored_titles(busy_board)[Stage.IDEATION][0] == "ideation paper 0"
        assert shown_titles(app) == stored_titles(busy_board)
        assert app.focused is ideation and ideation.current_tile.title == "ideation paper 0"


async def test_moves_back_and_forth_keep_the_tiles_texts_one_layer_deep(busy_board, make_app):
    """Each move laid the moved tile's countdown over its new column's, and each re-read its own:
    nested, every tile's lookup grew with every move."""
    from collections import ChainMap

    def depth(texts) -> int:
        return 1 + max(map(depth, texts.maps)) if isinstance(texts, ChainMap) else 0

    app = make_app("pipeline")
    async with app.run_test(size=(120, 40)) as pilot:
        await settled(pilot)
        for key in ["shift+right", "shift+left"] * 4:
            await pilot.press(key)
            await settled(pilot)
        for column in app.screen.query(BoardColumn):
            assert depth(column.context.countdowns) <= 1 and depth(column.context.targets) <= 1, column.stage
        assert shown_titles(app) == stored_titles(busy_board)
