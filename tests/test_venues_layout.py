"""Venues fits the terminal (issue 15): at 80×24, 120×40 and 200×60, in English and Chinese.

Asserted as geometry (one line per row, whole names and zones, a gap between a label and its
value, the month grid filling its room) rather than as snapshots that other changes churn.
"""

from __future__ import annotations

from datetime import date, datetime, timezone

import pytest
from rich.cells import cell_len

from paperdeck.tui.app import PaperdeckApp
from paperdeck.tui.widgets.month_grid import MonthGrid
from screen_text import screen_lines, screen_text

SIZES = [(80, 24), (120, 40), (200, 60)]
LONG_NAME = "LLM4Code-Workshop-Long"  # a user's venue: 22 cells, whole at every size


@pytest.fixture
def prepared(store, frozen_clock):
    store.settings.update(timezone="Asia/Shanghai")
    venue = store.venues.add(LONG_NAME, full_name="A workshop with a long name")
    store.venues.add_deadline(venue.key, 2027, "paper", at=datetime(2026, 12, 3, 7, 59, tzinfo=timezone.utc),
                              tz_label="America/Los_Angeles", label="Full paper submission deadline (main track)")
    store.venues.add_deadline("neurips", 2027, "abstract", at=datetime(2026, 11, 30, 11, 59, tzinfo=timezone.utc),
                              tz_label="AoE")
    return store


async def venues_shown(pilot) -> None:
    await pilot.pause()
    await pilot.app.screen.view_ready()
    await pilot.pause()


def one_line_each(option_list) -> bool:
    """Every option is drawn on as many lines as it has (nothing wrapped by the list)."""
    expected = sum(str(option.prompt).count("\n") + 1 for option in option_list.options)
    return option_list.virtual_size.height == expected


@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize("language", ["en", "zh"])
async def test_the_list_and_the_detail_never_wrap_and_cut_nothing(prepared, size, language):
    prepared.settings.update(language=language)
    app = PaperdeckApp(prepared, start_screen="venues", watch=False)
    async with app.run_test(size=size) as pilot:
        await venues_shown(pilot)
        table, detail = app.screen.query_one("#venue-table"), app.screen.query_one("#venue-detail")
        assert table.option_count == len(prepared.venues.all())
        if size == (80, 24):
            assert table.max_scroll_y > 0  # the scrollbar is there: rows still fit beside it
        assert one_line_each(table), [str(o.prompt) for o in table.options]
        room = table.scrollable_content_region.width
        assert all(cell_len(str(option.prompt)) <= room for option in table.options)
        assert any(LONG_NAME in line for line in screen_lines(app))  # the full name, not cut
        # The user's venue: its label whole, two cells before its values, its zone whole.
        await pilot.press(*["down"] * [o.id for o in table.options].index(f"venue-{prepared.venues.find(LONG_NAME).key}"))
        await pilot.pause()
        assert one_line_each(detail)
        rows = [str(option.prompt) for option in detail.options if (option.id or "").startswith("deadline-")]
        assert rows and all("…" not in row for row in rows)
        label = "Full paper submission deadline (main track)" if language == "en" else "论文截止"
        assert rows[0][2:].startswith(label)  # after "✎ " (the user's own deadline)
        assert rows[0][2 + len(label):].startswith(("  ", "\n"))  # its values after a gap, or below
        assert "America/Los_Angeles" in "\n".join(rows) or "PST" in "\n".join(rows)
        text = screen_text(app)
        assert "12-02 23:59" in text  # the deadline in its own zone, on screen whole


async def test_stacked_below_the_width_for_both_and_side_by_side_above(prepared):
    app = PaperdeckApp(prepared, start_screen="venues", watch=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await venues_shown(pilot)
        table, detail = app.screen.query_one("#venue-table"), app.screen.query_one("#venue-detail")
        assert table.region.width == detail.region.width == 80 and table.region.y < detail.region.y
        await pilot.resize_terminal(200, 60)
        await pilot.pause()
        await pilot.pause()
        assert table.region.y == detail.region.y and table.region.right <= detail.region.x
        assert detail.region.width > table.region.width  # the list takes what its columns need


@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize("language", ["en", "zh"])
async def test_the_month_grid_fills_its_room_at_its_first_render(prepared, size, language):
    prepared.settings.update(language=language)
    app = PaperdeckApp(prepared, start_screen="venues", watch=False)
    async with app.run_test(size=size) as pilot:
        await venues_shown(pilot)
        await pilot.press("m")
        await venues_shown(pilot)
        grid = app.screen.query_one(MonthGrid)
        assert grid.has_focus and grid.month == date(2026, 11, 1) and grid.cursor == date(2026, 11, 29)
        lines = screen_lines(app)
        top, bottom = grid.region.y, grid.region.bottom
        drawn = [index for index in range(top, bottom) if lines[index].strip()]
        assert drawn and bottom - 1 - drawn[-1] < 6, (drawn[-1], bottom)  # less than a row a week left over
        if size == (200, 60):
            # At least 15 cells of "NeurIPS 2027 Abstract" (a day's width may cut the rest).
            name = "NeurIPS 2027 Ab" if language == "en" else "NeurIPS 2027 摘"
            assert any(name in line for line in lines[top:bottom]), lines[top:bottom]  # not cut to ~10 cells at first


async def test_the_day_cursor_the_agenda_and_a_deadline_added_on_that_day(prepared):
    app = PaperdeckApp(prepared, start_screen="venues", watch=False)
    async with app.run_test(size=(120, 40)) as pilot:
        await venues_shown(pilot)
        await pilot.press("m")
        await venues_shown(pilot)
        grid = app.screen.query_one(MonthGrid)
        agenda = app.screen.query_one("#venue-agenda")
        await pilot.press("right")  # 29 Nov -> 30 Nov: NeurIPS's abstract (19:59 in Shanghai)
        assert grid.cursor == date(2026, 11, 30)
        assert "Mon 30 Nov" in str(agenda.render()) and "NeurIPS 2027 Abstract" in str(agenda.render())
        assert "add a deadline for" in str(agenda.render())
        legend = str(app.screen.query_one("#venue-legend").render())
        assert "estimate" in legend and "today" in legend
        await pilot.press("down", "down")  # two weeks on: 14 Dec, the next month
        assert grid.cursor == date(2026, 12, 14) and grid.month == date(2026, 12, 1)
        assert "Nothing on this day" in str(agenda.render())
        await pilot.press("d")
        await pilot.pause()
        form = app.screen
        assert form.query_one("#field-when").value == "2026-12-14"  # a day: it stays on that day
        await pilot.press("enter")
        await venues_shown(pilot)
        await venues_shown(pilot)
        assert any("Paper" in mark.text for mark in grid.day_marks(date(2026, 12, 14)))
        assert "Paper" in str(agenda.render())


def test_the_cli_kind_column_is_never_cut(prepared, db_path, cli):
    result = cli("deadlines", "--all", "--db", str(db_path))
    assert result.returncode == 0, result.stderr
    assert "Full paper submission deadline (main track)" in result.stdout
    assert "Conference starts" in result.stdout and "Conference star…" not in result.stdout
    header, *rows = result.stdout.splitlines()
    kind_at = header.index("KIND")
    assert all(row[kind_at - 2:kind_at] == "  " for row in rows if row.strip())  # one column for every row


async def test_a_periods_start_and_end_read_apart_in_chinese(prepared):
    """A tracker's "Rebuttal period starts" / "... ends" have no Chinese: both rows used to read
    "Rebuttal"; now the English label's start or end is said in Chinese."""
    venue = prepared.venues.find(LONG_NAME)
    for label, day in (("Author rebuttal period starts", 3), ("Author rebuttal period ends", 10)):
        prepared.venues.add_deadline(venue.key, 2027, "rebuttal", at=datetime(2027, 3, day, 11, 59, tzinfo=timezone.utc),
                                     tz_label="AoE", label=label)
    prepared.settings.update(language="zh")
    app = PaperdeckApp(prepared, start_screen="venues", watch=False)
    async with app.run_test(size=(120, 40)) as pilot:
        await venues_shown(pilot)
        table, detail = app.screen.query_one("#venue-table"), app.screen.query_one("#venue-detail")
        await pilot.press(*["down"] * [o.id for o in table.options].index(f"venue-{venue.key}"))
        await pilot.pause()
        rows = [str(option.prompt)[2:] for option in detail.options if (option.id or "").startswith("deadline-")]
        names = [row.split("  ")[0] for row in rows]
        assert "Rebuttal 开始" in names and "Rebuttal 结束" in names, rows
        assert "论文截止" in names  # a kind whose Chinese name says when gets nothing more
