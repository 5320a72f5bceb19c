"""`m` on Venues shows the month grid: its frame renders the grid and the agenda box, not the
screen, the switcher and the month box behind them (their backgrounds are all covered), nor the
header and footer for the focus moving to the grid (issue 18: 155 lines rendered
per `m` at medium, 111 of them covered)."""

from __future__ import annotations

from datetime import datetime, timezone

import pytest
from textual.containers import Horizontal, Vertical
from textual.widgets import ContentSwitcher

from paperdeck.models.papers import Stage
from paperdeck.tui.widgets.drawn_options import DrawnOptionList
from paperdeck.tui.widgets.month_grid import MonthGrid
from frame_counts import widgets_rendered_per_frame
from waiting import settled


async def test_the_month_grid_shown_renders_the_grid_and_agenda_only(store, make_app, frozen_clock):
    store.venues.add_deadline("neurips", 2027, "paper", at=datetime(2026, 12, 1, 11, 59, 59, tzinfo=timezone.utc))
    store.papers.add("A paper with a milestone", Stage.WRITING, venue_key="iclr")
    app = make_app("venues")
    async with app.run_test(size=(120, 40)) as pilot:
        await settled(pilot)
        screen = app.screen
        switcher = screen.query_one(ContentSwitcher)
        for shown in ("month", "list", "month"):  # the second `m` on the grid: its lines kept
            with pytest.MonkeyPatch.context() as patch:
                frames = widgets_rendered_per_frame(screen, patch)
                await pilot.press("m")
                await settled(pilot)
            rendered = set().union(*frames)
            kinds = {type(widget) for widget in rendered}
            assert screen.month_shown() == (shown == "month")
            # Inside the switcher only (no whole screen for the focus moving), not its containers.
            assert all(switcher in widget.ancestors for widget in rendered), shown
            assert not kinds & {ContentSwitcher, Horizontal}, shown
            if shown == "month":
                assert MonthGrid in kinds and Vertical in kinds and DrawnOptionList not in kinds
                assert app.focused is screen.query_one(MonthGrid)
            else:
                assert MonthGrid not in kinds and DrawnOptionList in kinds
                assert app.focused is screen.query_one("#venue-table")


async def test_the_first_m_makes_no_marks_and_restyles_nothing(store, make_app, frozen_clock, monkeypatch):
    """The grid's marks are made with the milestones' read, off the UI thread, and the agenda's
    place (under the grid when narrow) is set at the resize: the first `m` only shows and draws."""
    import threading

    from paperdeck.tui.screens import venue_month
    from frame_counts import count_layouts_and_restyles

    store.venues.add_deadline("neurips", 2027, "paper", at=datetime(2026, 12, 1, 11, 59, 59, tzinfo=timezone.utc))
    store.papers.add("A paper with a milestone", Stage.WRITING, venue_key="iclr")
    made_on_ui_thread = []
    month_marks = venue_month.month_marks

    def counted(*args):
        if threading.current_thread() is threading.main_thread():
            made_on_ui_thread.append(args)
        return month_marks(*args)

    monkeypatch.setattr(venue_month, "month_marks", counted)
    app = make_app("venues")
    async with app.run_test(size=(120, 40)) as pilot:
        await settled(pilot)
        screen = app.screen
        assert screen.venues_view.milestones is not None  # read once the list was drawn
        seen = count_layouts_and_restyles(app, screen)
        await pilot.press("m")
        await settled(pilot)
        assert screen.month_shown() and made_on_ui_thread == []
        month = screen.query_one("#venue-month")
        assert month.has_class("-agenda-below") and month not in seen["restyled"]
        assert not [node for node in seen["restyled"] if month in node.ancestors_with_self and node is not screen.query_one(MonthGrid)]
        grid = screen.query_one(MonthGrid)
        assert any("▸" in mark.text for marks in grid.marks.values() for mark in marks)
        made_here = month_marks(screen.venues_view, *screen.marks_made_at(screen.shown_at))
        def key(mark):
            return mark.day, mark.text, mark.style
        assert sorted(map(key, (mark for marks in grid.marks.values() for mark in marks))) == sorted(map(key, made_here))
