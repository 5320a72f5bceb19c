"""Partial frames rendered cropped (tui/partial_frames.py) write what a whole repaint shows: the
updates the app writes, applied to a terminal's cells as a terminal applies them, leave the
cells a full render of the screen gives, after each key (a widget behind others renders only
the rows they leave uncovered; a focus change repaints only the widgets it restyles)."""

from __future__ import annotations

from datetime import datetime, timezone

import pytest

from paperdeck.models.papers import STAGES, Stage
from virtual_terminal import whole_repaint, written_terminal
from waiting import settled


async def test_partial_frames_leave_what_a_whole_repaint_shows(store, make_app, monkeypatch):
    for stage in STAGES[:4]:
        for number in range(9):
            store.papers.add(f"{stage.value} paper {number}", stage)
    app = make_app("pipeline")
    async with app.run_test(size=(120, 40)) as pilot:
        await settled(pilot)
        terminal = written_terminal(app, monkeypatch)
        for keys in (["shift+right"], ["j", "j"], ["shift+left"], ["l", "l"], ["G"], ["h"], ["u"], ["g", "k"]):
            await pilot.press(*keys)
            await settled(pilot)
            assert terminal.rows == whole_repaint(app), keys


@pytest.mark.parametrize("width", [120, 160])  # the agenda under the grid, and beside it
async def test_the_venues_month_grid_toggled_leaves_what_a_whole_repaint_shows(store, make_app, monkeypatch,
                                                                              frozen_clock, width):
    store.venues.add_deadline("neurips", 2027, "paper", at=datetime(2026, 12, 1, 11, 59, 59, tzinfo=timezone.utc))
    store.venues.add_deadline("aaai", 2027, "paper", at=datetime(2026, 12, 3, 11, 59, tzinfo=timezone.utc))
    store.papers.add("A paper with a milestone", Stage.WRITING, venue_key="iclr")
    app = make_app("venues")
    async with app.run_test(size=(width, 40)) as pilot:
        await settled(pilot)
        terminal = written_terminal(app, monkeypatch)
        for keys in (["m"], ["right"], ["down"], ["right_square_bracket"], ["t"], ["m"], ["down", "down"], ["m"],
                     ["tab"], ["m"], ["f"], ["m"]):
            await pilot.press(*keys)
            await settled(pilot)
            assert terminal.rows == whole_repaint(app), keys


def test_a_widget_renders_only_the_rows_the_widgets_in_front_leave_uncovered():
    from paperdeck.tui.partial_frames import _Drawn

    drawn = _Drawn()
    drawn.add(0, 10, 0, 4)    # two children side by side, rows 0-3
    drawn.add(10, 20, 0, 4)
    drawn.add(0, 20, 6, 8)    # a third under them, rows 6-7
    assert drawn.uncovered_rows(0, 20, 0, 4) is None            # the parent's rows 0-3: all filled
    assert drawn.uncovered_rows(0, 20, 0, 8) == (4, 6)          # rows 4-5 are its own
    assert drawn.uncovered_rows(0, 21, 6, 8) == (6, 8)          # a column past the children's
    assert drawn.uncovered_rows(5, 15, 2, 3) is None
    drawn.add(25, 30, 0, 1)
    assert drawn.uncovered_rows(0, 30, 0, 1) == (0, 1)          # a gap between 20 and 25
    drawn.add(20, 25, 0, 1)
    assert drawn.uncovered_rows(0, 30, 0, 1) is None


async def test_a_widget_drawing_less_than_its_region_leaves_no_cell_unfilled():
    """A widget's lines can fall short of its region for a frame (its size not yet updated
    after a layout): the widgets behind it fill the rest. Seen in the tmux journey under load,
    on the review screen as the answer showed: a whole frame with a cell unfilled raised
    AttributeError ('NoneType' object has no attribute 'render') and ended the app."""
    from rich.console import Console
    from textual.app import App, ComposeResult
    from textual.widgets import Static

    from paperdeck.tui import partial_frames

    assert partial_frames.apply()  # as the app applies it (tui/textual_fixes.py)

    class ShortOfLines(Static):
        def render_lines(self, crop):
            return super().render_lines(crop)[: crop.height // 2]  # half its rows

    class ShortApp(App[None]):
        CSS = "ShortOfLines { height: 10; width: 100%; }"  # the screen behind: only its last 2 rows

        def compose(self) -> ComposeResult:
            yield ShortOfLines("short of lines")

    app = ShortApp()
    async with app.run_test(size=(40, 12)) as pilot:
        await pilot.pause()
        update = app.screen._compositor.render_update(full=True)
        console = Console(width=40, height=12, force_terminal=True, color_system="truecolor")
        assert "short of lines" in update.render_segments(console)
        chops = app.screen._compositor._render_chops(app.screen.region, lambda y: True)
        assert all(strip is not None for line in chops for strip in line.values())
