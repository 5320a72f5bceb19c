"""Days per pipeline stage (Pipeline `t`) over my own papers, from the stage history, and the
Stats screen's forecast plot. Real database, real app; the clock frozen and moved on."""

from __future__ import annotations

from datetime import timedelta

import pytest

from paperdeck.domain.stage_days import days_per_stage
from paperdeck.models.common import utcnow
from paperdeck.models.papers import Stage, StageSpan
from paperdeck.tui.app import PaperdeckApp
from paperdeck.usecases.stage_days import stage_days


def test_median_mean_and_longest_per_stage_in_board_order():
    rows = days_per_stage([
        [StageSpan(Stage.IDEATION, 10.0, 1), StageSpan(Stage.WRITING, 4.0, 1)],
        [StageSpan(Stage.IDEATION, 2.0, 1)],
        [StageSpan(Stage.IDEATION, 3.0, 2)],
    ])
    assert [(r.stage, r.papers, r.median_days, r.longest_days) for r in rows] == [
        (Stage.IDEATION, 3, 3.0, 10.0), (Stage.WRITING, 1, 4.0, 4.0)]
    assert rows[0].mean_days == pytest.approx(5.0)
    assert days_per_stage([]) == []


@pytest.fixture
def moved(store, frozen_clock, utc_zone, monkeypatch):
    """Two papers of mine moved through stages over days; the guide's examples seeded too."""
    from paperdeck.store.seed import seed_all

    monkeypatch.setenv("PAPERDECK_NO_SAMPLES", "0")
    seed_all(store)  # the guide's two example papers: never counted as mine
    fast = store.papers.add("Fast [b]one[/]", Stage.IDEATION)
    slow = store.papers.add("慢的论文 🐢", Stage.IDEATION)
    frozen_clock.shift(timedelta(days=4))
    store.papers.move(fast.id, Stage.DESIGN)
    frozen_clock.shift(timedelta(days=6))
    store.papers.move(slow.id, Stage.DESIGN)
    store.papers.move(fast.id, Stage.EXPERIMENTS)
    frozen_clock.shift(timedelta(days=2))
    return store


def test_only_my_papers_count_and_the_stage_one_is_in_runs_to_now(moved):
    rows = {row.stage: row for row in stage_days(moved, utcnow())}
    assert set(rows) == {Stage.IDEATION, Stage.DESIGN, Stage.EXPERIMENTS}
    assert rows[Stage.IDEATION].papers == 2  # not the examples (they sit in later stages)
    assert rows[Stage.IDEATION].median_days == pytest.approx(7.0)  # 4 and 10 days
    assert rows[Stage.DESIGN].longest_days == pytest.approx(6.0)   # fast: 6 days; slow: 2 so far
    assert rows[Stage.EXPERIMENTS].median_days == pytest.approx(2.0)


def table_text(modal) -> str:
    from io import StringIO

    from rich.console import Console

    console = Console(file=StringIO(), width=100, color_system=None)
    console.print(modal.query_one("#stage-days-table").content)
    return console.file.getvalue()


async def view_shown(pilot) -> None:
    await pilot.pause()
    await pilot.app.screen.view_ready()
    await pilot.pause()


async def test_pipeline_t_opens_the_chart_in_both_languages(moved):
    from paperdeck.tui.screens.stage_days import StageDaysModal

    app = PaperdeckApp(moved, start_screen="pipeline", watch=False)
    async with app.run_test(size=(120, 40)) as pilot:
        await view_shown(pilot)
        await pilot.press("t")
        await view_shown(pilot)
        modal = app.screen
        assert isinstance(modal, StageDaysModal)
        assert modal.query_one(".dialog").border_title == "Days per stage (my papers)"
        table = table_text(modal)
        assert "Ideation" in table and "Experiments" in table and "Decision" not in table
        await pilot.press("escape")
        await pilot.pause()
        assert not isinstance(app.screen, StageDaysModal)
        await pilot.press("f2")
        await view_shown(pilot)
        await pilot.press("t")
        await view_shown(pilot)
        table = table_text(app.screen)
        assert "1 选题" in table and "3 实验" in table  # numbered as the chart's bars


async def test_the_chart_says_what_to_do_without_papers(store, frozen_clock):
    app = PaperdeckApp(store, start_screen="pipeline", watch=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await view_shown(pilot)
        await pilot.press("t")
        await view_shown(pilot)
        assert "No paper of your own yet" in table_text(app.screen)
        assert not app.screen.query_one("#stage-days-plot").display


def test_stage_days_snapshot_at_80x24(snap_compare, moved):
    pytest.importorskip("textual_plotext")
    app = PaperdeckApp(moved, start_screen="pipeline", watch=False)

    async def open_chart(pilot):
        await view_shown(pilot)
        await pilot.press("t")
        await view_shown(pilot)

    assert snap_compare(app, terminal_size=(80, 24), run_before=open_chart)


def test_stats_forecast_plot_snapshot_at_80x24(snap_compare, store, frozen_clock):
    """The forecast's bars at the bottom of Stats: cards made due over the next days."""
    pytest.importorskip("textual_plotext")
    from paperdeck.domain.scheduling import preview

    now = utcnow()
    for offset, card in enumerate(store.cards.cards()[:12]):
        interval = preview(card, now, fuzz=False)[4].due - now
        rated_at = now + timedelta(days=offset % 6 + 1) - interval  # due 1..6 days ahead
        store.cards.record_review(card, preview(card, rated_at, fuzz=False)[4], reviewed_at=rated_at, duration_ms=1000)
    app = PaperdeckApp(store, start_screen="flashcards", watch=False)

    async def open_forecast(pilot):
        await view_shown(pilot)
        await pilot.press("s")
        await view_shown(pilot)
        app.screen.query_one("#stats-body").scroll_end(animate=False)
        await pilot.pause()

    assert snap_compare(app, terminal_size=(80, 24), run_before=open_forecast)
