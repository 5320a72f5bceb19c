"""The Pipeline board at 80x24, 120x40 and 200x60: geometry of the real app's widgets.

Regions and widths rather than SVG snapshots: other screens' changes do not churn these.
"""

from __future__ import annotations

import pytest

from paperdeck.models.papers import STAGES, Stage
from paperdeck.tui.widgets.board import BoardColumn
from paperdeck.tui.widgets.board_layout import COLUMN_MIN_WIDTH, fit_columns

SIZES = [(80, 24), (120, 40), (200, 60)]
LONG_TITLE = "Scaling laws for retrieval-augmented reward models under distribution shift 分布偏移下的奖励模型"


@pytest.fixture
def busy_board(store):
    """A paper in every stage but one (Writing stays empty), a long title first in Ideation."""
    store.papers.add(LONG_TITLE)
    store.papers.add("Second idea")
    for stage in STAGES:
        if stage not in (Stage.IDEATION, Stage.WRITING):
            store.papers.add(f"Paper in {stage.value}", stage)
    return store


async def shown(pilot) -> None:
    await pilot.pause()
    await pilot.app.screen.view_ready()
    await pilot.pause()
    await pilot.pause()


def columns(app) -> dict[Stage, BoardColumn]:
    return {column.stage: column for column in app.screen.query(BoardColumn)}


def column_text(column: BoardColumn) -> str:
    lines = [column.render_line(y).text for y in range(column.scrollable_content_region.height)]
    return "\n".join(line.strip() for line in lines)


def fully_visible(app, widget) -> bool:
    board = app.screen.query_one("#board").region
    return board.contains_region(widget.region)


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
async def test_the_focused_column_is_whole_and_readable(busy_board, make_app, size):
    app = make_app("pipeline")
    async with app.run_test(size=size) as pilot:
        await shown(pilot)
        board = columns(app)
        for key in ["l"] * 6 + ["h"] * 6:
            await pilot.press(key)
            await shown(pilot)
            column = app.focused
            assert isinstance(column, BoardColumn)
            assert fully_visible(app, column), (key, column.stage, column.region)
            assert column.region.width >= COLUMN_MIN_WIDTH
        if size[0] >= 200:  # room for every column: nothing scrolls away
            assert all(fully_visible(app, column) for column in board.values())


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
async def test_the_focused_card_shows_its_whole_title(busy_board, make_app, size):
    app = make_app("pipeline")
    async with app.run_test(size=size) as pilot:
        await shown(pilot)
        column = columns(app)[Stage.IDEATION]
        assert app.focused is column and column.current_tile.title == LONG_TITLE
        text = column_text(column)
        joined = text.replace("\n", " ")
        for word in LONG_TITLE.split():
            assert word in joined or word in text.replace("\n", ""), (word, text)
        assert "…" not in text.split("\n\n")[0]  # the focused card's title is not cut
        # The card below it is not covered: its title starts after the grown card.
        assert "Second idea" in text
        await pilot.press("j")  # the long title, no longer focused, is cut to two lines
        await shown(pilot)
        assert "…" in column_text(column).split("Second idea")[0]


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
async def test_headers_keep_their_counts_and_empty_columns_collapse(busy_board, make_app, size):
    app = make_app("pipeline")
    async with app.run_test(size=size) as pilot:
        await shown(pilot)
        board = columns(app)
        for stage, column in board.items():
            count = 2 if stage is Stage.IDEATION else 0 if stage is Stage.WRITING else 1
            title = str(column.border_title)
            assert title.endswith(f" {count}"), title
        writing = board[Stage.WRITING]
        assert writing.region.width < COLUMN_MIN_WIDTH  # empty and out of focus: collapsed
        assert str(writing.border_title) in ("Writing 0", "写作 0")
        # Focused, it opens to a full column (to capture into it).
        for _ in range(3):
            await pilot.press("l")
        await shown(pilot)
        assert app.focused is writing and writing.region.width >= COLUMN_MIN_WIDTH
        assert fully_visible(app, writing)


async def test_a_long_stage_name_gives_way_before_its_count(store, make_app):
    for number in range(120):
        store.papers.add(f"Paper {number}", Stage.EXPERIMENTS)
    store.settings.update(wip_limit=5)
    app = make_app("pipeline")
    async with app.run_test(size=(80, 24)) as pilot:
        await shown(pilot)
        title = str(columns(app)[Stage.EXPERIMENTS].border_title)
        assert title.endswith("120/5⚠"), title


def test_fit_columns_shares_the_width_or_scrolls():
    assert fit_columns(200, [None] * 7) == [29, 29, 29, 29, 28, 28, 28]
    assert sum(fit_columns(200, [None] * 7)) == 200
    assert fit_columns(80, [None] * 7) == [26] * 7  # three fit; the board scrolls
    assert fit_columns(80, [None, 12, 12, 12, 12, 12, 12]) == [26, 12, 12, 12, 12, 12, 12]  # the full one stays readable
    widths = fit_columns(120, [None, None, 12, 12, 12, None, None])
    assert widths[2:5] == [12, 12, 12] and min(w for i, w in enumerate(widths) if i not in (2, 3, 4)) >= 26
    assert fit_columns(0, [None, None]) == [26, 26]


async def test_the_focus_follows_the_undone_and_restored_paper(busy_board, make_app):
    app = make_app("pipeline")
    async with app.run_test(size=(80, 24)) as pilot:
        await shown(pilot)
        await pilot.press("j", "greater_than_sign")  # "Second idea" to Design
        await shown(pilot)
        assert app.focused.stage is Stage.DESIGN and app.focused.current_tile.title == "Second idea"
        await pilot.press("l", "l", "l")  # away, to Submission
        await shown(pilot)
        await pilot.press("u")  # the move undone: the focus is on the paper, back in Ideation
        await shown(pilot)
        assert app.focused.stage is Stage.IDEATION and app.focused.current_tile.title == "Second idea"
        assert fully_visible(app, app.focused)
        await pilot.press("U")  # redone: in Design again, focused there
        await shown(pilot)
        assert app.focused.stage is Stage.DESIGN and app.focused.current_tile.title == "Second idea"
        await pilot.press("k", "d", "y")  # delete "Paper in design" (above it) ...
        await shown(pilot)
        assert [t.title for t in app.focused.tiles] == ["Second idea"]
        await pilot.press("h", "u")  # ... and restore it from Ideation: the focus goes to it
        await shown(pilot)
        assert app.focused.stage is Stage.DESIGN and app.focused.current_tile.title == "Paper in design"


async def test_an_over_limit_header_takes_the_warning_colour_without_restyling_the_column(busy_board, make_app,
                                                                                         monkeypatch):
    """Ideation holds two papers over a WIP limit of one: its header shows 2/1 in the warning
    colour, focused or not, and setting that (as the first view lands) restyles no column."""
    from textual.color import Color
    from textual.css.stylesheet import Stylesheet

    busy_board.settings.update(wip_limit=1)
    restyled: list[str] = []
    apply = Stylesheet.apply

    def counting_apply(self, node, **kwargs):
        screen = getattr(node, "screen", None) if isinstance(node, BoardColumn) else None
        if screen is not None and getattr(screen, "board", None) is not None:  # the view is in
            restyled.append(node.id)
        return apply(self, node, **kwargs)

    monkeypatch.setattr(Stylesheet, "apply", counting_apply)
    app = make_app("pipeline")
    async with app.run_test(size=(120, 40)) as pilot:
        await shown(pilot)
        shown_columns = columns(app)
        ideation, design = shown_columns[Stage.IDEATION], shown_columns[Stage.DESIGN]
        warning = Color.parse(app.theme_variables["warning"])
        assert "2/1" in str(ideation.border_title) and ideation.has_class("-over-limit")
        assert app.focused is ideation and ideation.styles.border_title_color.hex == warning.hex
        assert restyled == []
        await pilot.press("l")  # the focus leaves it: the header keeps the warning colour
        await shown(pilot)
        assert app.focused is design and ideation.styles.border_title_color.hex == warning.hex
        assert design.styles.border_title_color.hex != warning.hex  # the focused look, not over its limit
