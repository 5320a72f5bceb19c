"""The Venues screen, driven with Pilot on a real database and a frozen clock."""

from __future__ import annotations

from datetime import date, datetime, timezone

import pytest

from paperdeck.models.papers import Stage
from paperdeck.tui.app import PaperdeckApp
from paperdeck.tui.widgets.month_grid import MonthGrid


@pytest.fixture
def prepared(store, frozen_clock):
    store.settings.update(timezone="Asia/Shanghai")
    store.venues.add_deadline("neurips", 2027, "paper", at=datetime(2026, 12, 1, 11, 59, 59, tzinfo=timezone.utc),
                              tz_label="AoE", label="[red]Mock[/] deadline 中文")
    store.papers.add("多模态对齐 🚀", Stage.WRITING, venue_key="iclr")
    return store


async def view_shown(pilot) -> None:
    """Wait until the screen in view rendered its newest view (it loads in a worker)."""
    await pilot.pause()
    await pilot.app.screen.view_ready()
    await pilot.pause()


def rows(app, list_id: str) -> list[str]:
    options = app.screen.query_one(list_id).options
    return [str(option.prompt) for option in options]


async def test_list_sorted_by_next_deadline_with_countdown(prepared):
    app = PaperdeckApp(prepared, start_screen="venues", watch=False)
    async with app.run_test(size=(120, 40)) as pilot:
        await view_shown(pilot)
        listed = rows(app, "#venue-table")
        assert listed[0].split()[0] == "NeurIPS" and "2d 2h" in listed[0]  # 2026-12-01 11:59:59Z
        assert "12-01 19:59" in listed[0]  # in local time (UTC+8)
        assert listed[-1].strip().endswith("no deadline known")
        detail = "\n".join(rows(app, "#venue-detail"))
        assert "[red]Mock[/] deadline 中文\n" in detail  # literal, not markup; whole (longer than the column: values below)
        assert "2026-12-01 19:59 CST" in detail and "11-30 23:59 AoE" in detail
        assert "Guide: Deadline in mid-May" in detail and "Facts: Abstract in early May" in detail
        assert "2028 (estimated)" in detail and "est. 2028-05-" in detail  # the next unannounced edition


async def test_filters_followed_my_papers_and_hidden(prepared):
    app = PaperdeckApp(prepared, start_screen="venues", watch=False)
    async with app.run_test(size=(120, 40)) as pilot:
        await view_shown(pilot)
        total = len(rows(app, "#venue-table"))
        await pilot.press("s")  # star NeurIPS (highlighted first)
        assert prepared.venues.get("neurips").favourite
        await pilot.press("v")  # followed: starred, or a paper targets it
        assert [r.split()[1] for r in rows(app, "#venue-table")] == ["NeurIPS", "ICLR"]  # starred; targeted
        await pilot.press("v")  # venues with my papers
        assert [r.split()[:2] for r in rows(app, "#venue-table")] == [["▸", "ICLR"]]
        await pilot.press("v")  # hidden: none
        assert rows(app, "#venue-table") == []
        await pilot.press("v", "f")  # all venues, first field
        fields = len(rows(app, "#venue-table"))
        assert 0 < fields < total


async def test_month_grid_moves_and_jumps_to_today(prepared):
    app = PaperdeckApp(prepared, start_screen="venues", watch=False)
    async with app.run_test(size=(120, 40)) as pilot:
        await view_shown(pilot)
        await pilot.press("m")
        await view_shown(pilot)
        grid = app.screen.query_one(MonthGrid)
        assert grid.month == date(2026, 11, 1)
        await pilot.press("right_square_bracket")
        assert grid.month == date(2026, 12, 1)
        assert any("NeurIPS" in mark.text for mark in grid.marks[date(2026, 12, 1)])
        assert any("Conference" in m.text for m in grid.marks[date(2026, 12, 6)])
        await pilot.press("left_square_bracket", "left_square_bracket", "left_square_bracket")
        assert grid.month == date(2026, 9, 1)
        await pilot.press("t")
        assert grid.month == date(2026, 11, 1)
        await pilot.press("m")
        assert app.screen.query_one("#venue-table").has_focus


async def test_add_venue_and_deadline_through_forms(prepared):
    app = PaperdeckApp(prepared, start_screen="venues", watch=False)
    async with app.run_test(size=(120, 40)) as pilot:
        await view_shown(pilot)
        await pilot.press("a")
        await pilot.pause()
        app.screen.query_one("#field-name").value = "[b]Work 中文"
        app.screen.query_one("#field-name").focus()
        await pilot.press("enter")
        await view_shown(pilot)
        venue = prepared.venues.find("[b]Work 中文")
        assert venue is not None and venue.name == "[b]Work 中文"
        assert app.screen.selected_venue().key == venue.key  # the venue just added is highlighted
        await pilot.press("d")
        await pilot.pause()
        form = app.screen
        form.query_one("#field-when").value = "2027-03-01"
        form.query_one("#field-tz_label").value = "Mars/Base"
        await pilot.press("enter")
        await pilot.pause()
        assert "unknown timezone" in str(form.query_one("#form-error").render())  # the form stays open
        form.query_one("#field-tz_label").value = "PT"
        form.query_one("#field-when").focus()
        await pilot.press("enter")
        await view_shown(pilot)
        [added] = prepared.venues.deadlines(venue.key)
        assert added.on_date == date(2027, 3, 1) and added.at is None and added.tz_label == "PT"
        # Edit it from the detail: a time in PT after the March DST change.
        detail = app.screen.query_one("#venue-detail")
        detail.focus()
        detail.highlighted = next(i for i, o in enumerate(detail.options) if (o.id or "").startswith("deadline-"))
        await pilot.press("e")
        await pilot.pause()
        app.screen.query_one("#field-when").value = "2027-03-15 23:59"
        app.screen.query_one("#field-when").focus()
        await pilot.press("enter")
        await view_shown(pilot)
        edited = prepared.venues.get_deadline(added.id)
        assert edited.at == datetime(2027, 3, 16, 6, 59, tzinfo=timezone.utc) and edited.user_edited
        await pilot.press("x")
        await pilot.pause()
        assert app.screen.id == "confirm"  # asked first, naming the deadline
        assert "PT" in str(app.screen.query_one("#choice-message").render()) or venue.name in str(app.screen.query_one("#choice-message").render())
        await pilot.press("escape")
        await pilot.pause()
        assert prepared.venues.deadlines(venue.key) != []
        await pilot.press("x", "x")  # `x` again confirms
        await view_shown(pilot)
        assert prepared.venues.deadlines(venue.key) == []
        assert not any((o.id or "").startswith("deadline-") for o in app.screen.query_one("#venue-detail").options)
        await pilot.press("u")  # undo brings it back exactly
        await view_shown(pilot)
        assert [d.id for d in prepared.venues.deadlines(venue.key)] == [added.id]
        assert prepared.venues.get_deadline(added.id).at == edited.at


async def test_import_from_the_screen(prepared, tmp_path):
    data = tmp_path / "mine.yml"
    data.write_text("- title: TinyConf\n  year: 2027\n  deadline: '2027-02-01 23:59'\n  timezone: AoE\n"
                    "- title: Broken\n  year: 2027\n  deadline: TBD\n  timezone: AoE\n", "utf-8")
    app = PaperdeckApp(prepared, start_screen="venues", watch=False)
    async with app.run_test(size=(120, 40)) as pilot:
        await view_shown(pilot)
        await pilot.press("i")
        await pilot.pause()
        dialog = app.screen
        dialog.query_one("#import-path").value = str(data)
        await pilot.press("enter")
        await dialog.worker.wait()
        await pilot.pause()
        assert prepared.venues.find("TinyConf") is not None
        shown = str(dialog.query_one("#import-result").render())
        assert "mine.yml: Broken 2027: deadline: 'TBD' is not a date (skipped)" in shown
        await pilot.press("escape")
        await view_shown(pilot)
        assert any("TinyConf" in r for r in rows(app, "#venue-table"))


def test_venues_snapshot(prepared, snap_compare):
    assert snap_compare(PaperdeckApp(prepared, start_screen="venues", watch=False), terminal_size=(120, 40),
                        run_before=view_shown)


def test_month_grid_snapshot(prepared, snap_compare):
    async def month_shown(pilot) -> None:
        await view_shown(pilot)
        await pilot.press("m")
        await view_shown(pilot)

    assert snap_compare(PaperdeckApp(prepared, start_screen="venues", watch=False), terminal_size=(120, 40),
                        run_before=month_shown)


async def test_moving_through_the_list_and_the_grid_reads_nothing(prepared):
    app = PaperdeckApp(prepared, start_screen="venues", watch=False)
    async with app.run_test(size=(120, 40)) as pilot:
        await view_shown(pilot)
        await pilot.press("m")  # the grid asks for the papers' milestones once, off the UI thread
        await view_shown(pilot)
        assert app.screen.venues_view.milestones is not None
        await pilot.press("m")
        statements: list[str] = []
        prepared.conn.set_trace_callback(statements.append)
        try:
            await pilot.press("down", "down", "down")
            await pilot.pause()
            third = rows(app, "#venue-table")[3].split()[0]
            assert rows(app, "#venue-detail")[0].startswith(third)  # the detail follows the highlight
            await pilot.press("f", "v", "v", "f")  # filters, from the view
            await pilot.press("m", "right_square_bracket", "right_square_bracket", "t", "m")
            await pilot.pause()
        finally:
            prepared.conn.set_trace_callback(None)
        assert statements == []


async def test_the_countdown_tick_reads_again_only_once_a_deadline_closed(prepared, frozen_clock):
    from datetime import timedelta

    app = PaperdeckApp(prepared, start_screen="venues", watch=False)
    async with app.run_test(size=(120, 40)) as pilot:
        await view_shown(pilot)
        shown = app.screen.venues_view
        assert "2d 2h" in rows(app, "#venue-table")[0]  # NeurIPS, 2026-12-01 11:59:59Z
        frozen_clock.shift(timedelta(hours=1))
        statements: list[str] = []
        prepared.conn.set_trace_callback(statements.append)
        try:
            app.screen._tick()
            await pilot.pause()
        finally:
            prepared.conn.set_trace_callback(None)
        assert statements == [] and app.screen.venues_view is shown
        assert "2d 1h" in rows(app, "#venue-table")[0]
        frozen_clock.move_to(datetime(2026, 12, 1, 12, 0, tzinfo=timezone.utc))  # NeurIPS closed
        app.screen._tick()
        await view_shown(pilot)
        assert app.screen.venues_view is not shown
        assert not rows(app, "#venue-table")[0].startswith("  NeurIPS")


async def test_enter_on_a_dashboard_deadline_opens_the_venue_highlighted(prepared):
    prepared.venues.add_deadline("aaai", 2027, "paper", at=datetime(2026, 12, 2, 11, 59, tzinfo=timezone.utc))
    app = PaperdeckApp(prepared, watch=False)
    async with app.run_test(size=(120, 40)) as pilot:
        await view_shown(pilot)
        deadlines = app.screen.query_one("#dash-deadlines")
        deadlines.focus()
        deadlines.highlighted = next(i for i, o in enumerate(deadlines.options) if (o.id or "").startswith("venue:aaai"))
        await pilot.press("enter")
        await view_shown(pilot)
        await pilot.pause()
        assert app.current_mode == "venues"
        assert app.screen.selected_venue().key == "aaai"
        assert app.screen.query_one("#venue-table").has_focus


async def test_the_grid_milestones_are_read_after_the_list_so_m_only_draws(prepared):
    from dataclasses import replace

    app = PaperdeckApp(prepared, start_screen="venues", watch=False)
    async with app.run_test(size=(120, 40)) as pilot:
        await view_shown(pilot)  # the list, then (once drawn) the milestones, off the UI thread
        screen = app.screen
        assert not screen.month_shown()
        assert [item.paper_title for item in screen.venues_view.milestones][:1] == ["多模态对齐 🚀"]
        loads = screen._view_generation
        await pilot.press("m")
        await view_shown(pilot)
        assert screen._view_generation == loads  # no new read: the grid drew what the view held
        await pilot.press("m")
        # Milestones read after a change are not kept with the view read before it.
        view = replace(screen.venues_view, milestones=None)
        screen.venues_view = view
        prepared.venues.toggle_favourite("iclr")
        screen.read_milestones(view)
        await view_shown(pilot)
        assert screen.venues_view.milestones is None


async def test_the_month_grid_drawn_from_its_kept_lines_is_what_it_would_draw(prepared):
    """The grid keeps its drawn lines per state (each `m` refocuses it): after toggling, moving
    the day, a new month, new marks, F2 and a blur, each drawing equals a fresh one."""
    from paperdeck.models.papers import Stage

    app = PaperdeckApp(prepared, start_screen="venues", watch=False)
    async with app.run_test(size=(120, 40)) as pilot:
        await view_shown(pilot)

        async def check(step: str) -> None:
            await pilot.pause()
            grid = app.screen.query_one(MonthGrid)
            height = grid.size.height
            kept = [grid.render_line(y) for y in range(height)]
            grid._drawn.clear()
            grid.refresh()
            fresh = [grid.render_line(y) for y in range(height)]
            assert [list(line) for line in kept] == [list(line) for line in fresh], step

        await pilot.press("m")
        await view_shown(pilot)
        await check("shown")
        first = [line.text for line in (app.screen.query_one(MonthGrid).render_line(y) for y in range(8))]
        await pilot.press("m", "m")
        await check("shown again")
        assert [app.screen.query_one(MonthGrid).render_line(y).text for y in range(8)] == first
        await pilot.press("right")
        await check("the next day")
        await pilot.press("right_square_bracket")
        await check("the next month")
        prepared.papers.add("Another [b]paper[/b]", Stage.WRITING, venue_key="neurips")
        app.refresh_screens()
        await view_shown(pilot)
        await check("new marks")
        await pilot.press("f2")
        await view_shown(pilot)
        await check("in Chinese")
        app.screen.set_focus(None)
        await check("not focused")
