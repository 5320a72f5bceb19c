"""The Dashboard screen against a prepared database, with a frozen clock."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone

import pytest

from paperdeck.models.papers import Stage
from paperdeck.tui.app import PaperdeckApp
from paperdeck.tui.widgets.panel import UNBROKEN


@pytest.fixture
def prepared(store, frozen_clock, utc_zone):
    store.papers.add("[bold]Sparse[/] attention at scale", Stage.EXPERIMENTS,
                     stage_entered_at="2026-10-20T09:00:00Z")
    store.papers.add("多模态对齐评估 🚀", Stage.WRITING, stage_entered_at="2026-11-25T09:00:00Z")
    store.papers.add("Idle idea", Stage.IDEATION, stage_entered_at="2026-09-01T09:00:00Z")
    store.papers.add("Targeting MLSys", Stage.WRITING, venue_key="mlsys", target_year=2027,
                     stage_entered_at="2026-11-28T09:00:00Z")
    # A non-target venue's deadline comes first in time; the target's is listed first anyway.
    store.venues.add_deadline("aaai", 2027, "paper", at=datetime(2026, 12, 2, 11, 59, tzinfo=timezone.utc),
                              label="[i]AAAI[/i] main")
    store.venues.add_deadline("mlsys", 2027, "abstract", at=datetime(2026, 12, 20, 7, 59, tzinfo=timezone.utc),
                              tz_label="PT")
    store.venues.add_deadline("mlsys", 2027, "notification", on_date=date(2026, 12, 10))
    target = next(p for p in store.papers.all() if p.title == "Targeting MLSys")
    parts = [part.key for part in store.pitches.parts()]
    store.pitches.save_section(target.id, parts[0], "word " * 260)  # 2:00 at 130 wpm
    store.pitches.save_section(target.id, parts[1], "字" * 440)  # 2:00 at 220 per minute
    return store


async def view_shown(pilot) -> None:
    """Wait until the screen in view rendered its newest view (it loads in a worker)."""
    await pilot.pause()
    await pilot.app.screen.view_ready()
    await pilot.pause()


async def resized(pilot, *sizes: tuple[int, int]):
    """The shown view at each of `sizes` in turn (the terminal resized to it)."""
    await view_shown(pilot)
    for size in sizes:
        await pilot.resize_terminal(*size)
        await view_shown(pilot)
        yield size


def panel_text(app, panel_id: str) -> str:
    panel = app.screen.query_one(panel_id)
    return "\n".join(str(option.prompt) for option in panel.options).replace(UNBROKEN, " ")  # shown as a space


async def test_dashboard_shows_stalled_papers_literally(prepared):
    app = PaperdeckApp(prepared, watch=False)
    async with app.run_test(size=(120, 40)) as pilot:
        await view_shown(pilot)
        attention = panel_text(app, "#dash-attention")
        assert "[bold]Sparse[/] attention at scale" in attention
        assert "Idle idea" in attention
        assert "no move in 89 days" in attention
        stalled = attention.split("Stalled (no move in 14+ days)")[1].split("Next milestones")[0]
        assert "多模态" not in stalled  # 4 days in Writing: not stalled ...
        assert "多模态对齐评估 🚀\n  Writing · no target venue" in attention  # ... but one of my papers
        # The most idle first.
        assert attention.index("Idle idea") < attention.index("Sparse")


async def test_deadlines_target_venues_first_with_countdowns(prepared):
    app = PaperdeckApp(prepared, watch=False)
    async with app.run_test(size=(120, 40)) as pilot:
        await view_shown(pilot)
        rows = panel_text(app, "#dash-deadlines").splitlines()
        # Each time with the zone it is read in: its own (PT) and the local one (UTC here).
        assert rows[0:2] == ["★ MLSys 2027 Abstract  20d 22h", "  Sat 19 Dec 23:59 PT · Sun 20 Dec 07:59 UTC"]
        assert rows[2:4] == ["  AAAI 2027 [i]AAAI[/i] main  3d 2h",  # label as typed
                             "  Tue 01 Dec 23:59 AoE · Wed 02 Dec 11:59 UTC"]
        assert not any("Notification" in row for row in rows)  # events are not deadlines
        inside = rows[:rows.index("Later (the nearest past 30 days)")]
        assert len(inside) == 4 and all("est." not in row for row in inside)
        # Two inside the horizon: the field's next (estimated) one past it makes three.
        assert len(rows) - len(inside) - 1 == 2 and rows[-1].endswith(" est.")


async def test_enter_on_a_deadline_opens_its_venue(prepared):
    opened: list[tuple[str, str]] = []
    app = PaperdeckApp(prepared, watch=False)
    async with app.run_test(size=(120, 40)) as pilot:
        await view_shown(pilot)
        app.show_item = lambda name, item: opened.append((name, item))
        app.screen.query_one("#dash-deadlines").focus()
        await pilot.press("down", "enter")
        assert opened == [("venues", "aaai")]


async def test_pitch_readiness_per_paper(prepared):
    app = PaperdeckApp(prepared, watch=False)
    async with app.run_test(size=(120, 40)) as pilot:
        await view_shown(pilot)
        pitch = app.screen.query_one("#dash-pitch")
        assert "target 5–8 min" in pitch.border_title
        text = panel_text(app, "#dash-pitch")
        assert "Targeting MLSys\n  2/5 parts · about 4:00  short" in text
        # Writing and Experiments papers without a pitch are listed as not begun; ideas are not.
        assert "0/5 parts · about 0:00  empty" in text
        assert "Idle idea" not in text


async def test_dashboard_line_of_the_day_and_cards_panel(prepared):
    from paperdeck.usecases.today import guide_line
    from datetime import date

    app = PaperdeckApp(prepared, watch=False)
    async with app.run_test(size=(120, 40)) as pilot:
        await view_shown(pilot)
        expected = guide_line(prepared, date(2026, 11, 29))
        line = str(app.screen.query_one("#dash-line").render())
        assert expected.en in line
        from paperdeck.models.common import utcnow

        due = prepared.cards.due_summary(utcnow())
        assert due.new > 0  # the seeded decks
        cards = panel_text(app, "#dash-cards")
        assert f"{due.total} to study today  (r or Enter to start)" in cards
        assert f"{due.due} due · {due.learning} learning · {due.new} new" in cards
        assert "Review streak: 0 days" in cards and "True retention: —" in cards


async def test_language_switch_redraws_the_dashboard(prepared):
    app = PaperdeckApp(prepared, watch=False)
    async with app.run_test(size=(120, 40)) as pilot:
        await view_shown(pilot)
        await pilot.press("f2")
        await view_shown(pilot)
        assert "停滞" in panel_text(app, "#dash-attention")
        assert "截止日期" in app.screen.query_one("#dash-deadlines").border_title


async def test_enter_on_a_stalled_paper_opens_the_pipeline_at_it(prepared):
    opened: list[tuple[str, str]] = []
    app = PaperdeckApp(prepared, watch=False)
    async with app.run_test(size=(120, 40)) as pilot:
        original = app.show_item

        def spy(name: str, item: str) -> None:
            opened.append((name, item))
            original(name, item)

        app.show_item = spy
        await view_shown(pilot)
        app.screen.query_one("#dash-attention").focus()
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        idle = next(p for p in prepared.papers.all() if p.title == "Idle idea")
        assert opened == [("pipeline", str(idle.id))]
        assert app.current_mode == "pipeline"


async def test_r_starts_a_review_session(prepared):
    app = PaperdeckApp(prepared, watch=False)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("r")
        await pilot.pause()
        await pilot.pause()
        assert app.current_mode == "flashcards"
        from paperdeck.tui.screens.card_review import ReviewScreen

        assert isinstance(app.screen, ReviewScreen)  # the session itself, not just the screen


async def test_enter_on_a_pitch_row_opens_that_papers_pitch(prepared):
    app = PaperdeckApp(prepared, watch=False)
    async with app.run_test(size=(120, 40)) as pilot:
        await view_shown(pilot)
        app.screen.query_one("#dash-pitch").focus()
        await pilot.press("down", "down", "enter")  # the third row: Targeting MLSys
        await pilot.pause()
        await pilot.pause()
        assert app.current_mode == "pitch"
        target = next(p for p in prepared.papers.all() if p.title == "Targeting MLSys")
        assert app.screen.paper_id == target.id


def test_dashboard_snapshot(prepared, snap_compare):
    assert snap_compare(PaperdeckApp(prepared, watch=False), terminal_size=(120, 40), run_before=view_shown)


async def test_estimates_are_marked_and_date_only_deadlines_keep_no_time(prepared):
    prepared.settings.update(today_days=60)
    app = PaperdeckApp(prepared, watch=False)
    async with app.run_test(size=(120, 40)) as pilot:
        await view_shown(pilot)
        assert "next 60 days" in app.screen.query_one("#dash-deadlines").border_title
        text = panel_text(app, "#dash-deadlines")
        estimated = [row for row in text.splitlines() if row.endswith(" est.")]
        assert estimated, text
        assert all("(date only)" in row and ":" not in row for row in estimated)


async def test_the_minute_tick_moves_the_countdowns_without_reading_the_database(prepared, frozen_clock):
    frozen_clock.move_to(datetime(2026, 11, 29, 9, 55, tzinfo=timezone.utc))
    app = PaperdeckApp(prepared, watch=False)
    async with app.run_test(size=(120, 40)) as pilot:
        await view_shown(pilot)
        screen = app.screen
        shown = screen.dashboard
        assert "AAAI 2027 [i]AAAI[/i] main  3d 2h" in panel_text(app, "#dash-deadlines")  # 3d 2h 04m
        statements: list[str] = []
        prepared.conn.set_trace_callback(statements.append)
        try:
            frozen_clock.shift(timedelta(minutes=5))
            screen._tick()
            await pilot.pause()
        finally:
            prepared.conn.set_trace_callback(None)
        assert statements == []  # the tick asked nothing of the database ...
        assert screen.dashboard is shown  # ... and kept the view it had
        assert "AAAI 2027 [i]AAAI[/i] main  3d 1h" in panel_text(app, "#dash-deadlines")


async def test_the_tick_reads_again_once_a_listed_deadline_closed(prepared, frozen_clock):
    app = PaperdeckApp(prepared, watch=False)
    async with app.run_test(size=(120, 40)) as pilot:
        await view_shown(pilot)
        assert "AAAI" in panel_text(app, "#dash-deadlines")
        frozen_clock.move_to(datetime(2026, 12, 2, 12, 0, tzinfo=timezone.utc))  # AAAI closed at 11:59
        app.screen._tick()
        await view_shown(pilot)
        assert "AAAI" not in panel_text(app, "#dash-deadlines")
        assert "MLSys 2027 Abstract  17d 19h" in panel_text(app, "#dash-deadlines")


async def test_short_panels_open_at_their_top_with_the_first_row_highlighted(store, frozen_clock):
    """At 80x24 a panel is three rows high: highlighting its first row must not scroll the
    headings above it ("None in the next 30 days", "Later ...", the stage counts) out of view."""
    app = PaperdeckApp(store, watch=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await view_shown(pilot)
        await pilot.pause()
        for panel_id in ("#dash-deadlines", "#dash-attention"):
            panel = app.screen.query_one(panel_id)
            first = next(i for i, option in enumerate(panel.options) if not option.disabled)
            assert panel.options[0].disabled, panel_id  # a heading comes first
            assert panel.highlighted == first and panel.scroll_y == 0, panel_id


async def test_rows_past_a_small_panel_are_all_listed_once_shown(store, frozen_clock, utc_zone):
    """A panel first shows the rows it has room for, the rest right after that frame: once the
    view is shown, every row is there (here, 50 stalled papers and the count of the others)."""
    for n in range(60):
        store.papers.add(f"Stalled paper {n:02d}", Stage.IDEATION, stage_entered_at=f"2026-0{1 + n // 20}-{1 + n % 20:02d}T09:00:00Z")
    app = PaperdeckApp(store, watch=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await view_shown(pilot)
        panel = app.screen.query_one("#dash-attention")
        assert panel.scrollable_content_region.height < 20  # far fewer lines than rows
        attention = panel_text(app, "#dash-attention")
        stalled = [line for line in attention.splitlines() if line.startswith("Stalled paper")]
        assert len(stalled) == 50 and stalled[0] == "Stalled paper 00" and stalled[-1] == "Stalled paper 49"
        assert attention.splitlines()[-1] == "… 10 more"
        assert panel.highlighted == next(i for i, option in enumerate(panel.options) if not option.disabled)


@pytest.mark.parametrize("language", ["en", "zh"])
async def test_the_estimate_mark_wraps_onto_no_line_of_its_own_at_80_columns(prepared, language):
    prepared.settings.update(today_days=60, language=language)
    app = PaperdeckApp(prepared, watch=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await view_shown(pilot)
        panel = app.screen.query_one("#dash-deadlines")
        width = panel.scrollable_content_region.width
        mark = "估计" if language == "zh" else "est."
        rows = [option.prompt for option in panel.options if "~" in option.prompt.plain]  # estimated
        assert rows
        for row in rows:
            lines = row.wrap(app.console, width)
            assert all(line.plain.strip() != mark for line in lines), lines
            assert "AoE" in lines[-1].plain  # the date line is the last: nothing wrapped after it


@pytest.mark.parametrize("size", [(80, 24), (120, 40)])
async def test_a_countdown_is_never_split_across_lines(prepared, size):
    """The venue and its countdown share the first line, the deadline's name cut between them
    (it read "~161" at a line's end and "days" below, at 120 columns; at 80x24 the countdown was
    past the panel's four rows). English: a Chinese countdown ("3天2时") has no space to split
    at, and the Chinese row names the deadline's kind, not the label typed."""
    app = PaperdeckApp(prepared, watch=False)
    async with app.run_test(size=size) as pilot:
        await view_shown(pilot)
        panel = app.screen.query_one("#dash-deadlines")
        width = panel.row_width()  # a scrollbar's room kept: it may appear
        head, countdown = "  AAAI 2027 ", "3d 2h"
        for room in (2, 4, 5, 9):  # no room, room for the countdown's first word only, and more
            label = "y" * room + "x" * (width - len(head) - room)
            prepared.venues.add_deadline("aaai", 2027, "paper", at=datetime(2026, 12, 2, 11, 59, tzinfo=timezone.utc),
                                         label=label)
            await pilot.press("f5")
            await view_shown(pilot)
            row = next(option.prompt for option in panel.options
                       if option.prompt.plain.startswith(head + "y" * room) and option.prompt.plain[len(head) + room] != "y")
            lines = [line.plain for line in row.wrap(app.console, width)]
            assert lines[0].startswith(head + "y" * room) and lines[0].endswith("…  " + countdown), lines
            assert len(lines[0]) <= width and "AoE" in lines[1], lines
        short = "x" * (width - len(head) - 2 - len(countdown))  # it fits exactly: not cut
        prepared.venues.add_deadline("aaai", 2027, "paper", at=datetime(2026, 12, 2, 11, 59, tzinfo=timezone.utc),
                                     label=short)
        await pilot.press("f5")
        await view_shown(pilot)
        assert any(option.prompt.plain.startswith(f"{head}{short}  {countdown}\n") for option in panel.options)


@pytest.mark.parametrize("language", ["en", "zh"])
async def test_a_count_by_stage_is_never_apart_from_its_stage(store, frozen_clock, language):
    """"167 Writing", not "167" at a line's end and "Writing" below; again after a resize."""
    import re

    for stage in Stage:
        for n in range(100 if stage is Stage.WRITING else 11):
            store.papers.add(f"{stage.value} {n}", stage)
    store.settings.update(language=language)
    app = PaperdeckApp(store, watch=False)
    async with app.run_test(size=(120, 40)) as pilot:
        async for size in resized(pilot, (120, 40), (80, 24), (100, 30)):
            panel = app.screen.query_one("#dash-attention")
            width = panel.scrollable_content_region.width
            counts = panel.get_option("head-stages").prompt
            lines = [line.plain.rstrip() for line in counts.wrap(app.console, width)]
            assert len(lines) > 1, lines  # it does break here
            assert all(re.fullmatch(r"\d+ \D+( · \d+ \D+)*", line) for line in lines), (size, lines)
            assert "100 " + Stage.WRITING.pick(language) in counts.plain


@pytest.mark.parametrize("language", ["en", "zh"])
async def test_every_row_line_fits_its_panel_and_goes_on_under_itself(prepared, language):
    """Long lines are broken under their own indentation ("  Writing · …" / "  next: …"), not
    left to wrap at the panel's edge; again at each new size."""
    from rich.cells import cell_len

    from paperdeck.tui.screens.dashboard import DashboardList

    for n in range(3):
        prepared.papers.add(f"Long stalled paper {n} about sparse attention at a very large scale", Stage.WRITING,
                            stage_entered_at="2026-08-01T09:00:00Z")
    prepared.settings.update(language=language)
    app = PaperdeckApp(prepared, watch=False)
    async with app.run_test(size=(120, 40)) as pilot:
        async for size in resized(pilot, (80, 24), (100, 30), (120, 40)):
            for panel in app.screen.query(DashboardList):
                width = panel.row_width()
                for option in panel.options:
                    lines = option.prompt.plain.split("\n")
                    wide = [line for line in lines  # an unindented line: the list wraps it as well
                            if line.startswith(" ") and cell_len(line) > width and " " in line.strip()]
                    assert not wide, (size, panel.id, lines)


async def test_only_a_new_width_lays_the_rows_out_again(prepared, monkeypatch):
    """The grid's rows settle once the view is in (the Flashcards panel is as tall as its
    rows), so every panel's height changes before the first frame: showing all their rows again
    then, not only those each panel has room for, cost that frame. A new width lays them out
    again (and hangs them anew)."""
    from paperdeck.tui.screens.dashboard import DashboardList

    shown: list[tuple[str, bool]] = []
    real_show = DashboardList.show_rows

    def show_rows(self, rows, *, rest_later=False):
        shown.append((self.id, rest_later))
        return real_show(self, rows, rest_later=rest_later)

    monkeypatch.setattr(DashboardList, "show_rows", show_rows)
    app = PaperdeckApp(prepared, watch=False)
    async with app.run_test(size=(120, 40)) as pilot:
        await view_shown(pilot)
        assert shown and all(rest_later for _, rest_later in shown), shown
        shown.clear()
        await pilot.resize_terminal(120, 30)  # taller or shorter: the same width
        await view_shown(pilot)
        assert not any(panel == "dash-attention" for panel, _ in shown), shown
        await pilot.resize_terminal(90, 30)
        await view_shown(pilot)
        assert ("dash-attention", False) in shown
