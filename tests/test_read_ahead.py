"""The start screen's view, read while the app is being built (usecases/read_ahead.py): the
Dashboard shows it when the database has not changed since the read began, and reads again
when it has."""

from __future__ import annotations

import pytest

from paperdeck.models.papers import Stage
from paperdeck.tui.app import PaperdeckApp
from paperdeck.usecases.read_ahead import read_ahead


@pytest.fixture
def papers(store, frozen_clock, utc_zone):
    store.papers.add("Sparse attention at scale", Stage.EXPERIMENTS, stage_entered_at="2026-10-20T09:00:00Z")
    store.papers.add("多模态对齐评估 🚀", Stage.WRITING, stage_entered_at="2026-11-25T09:00:00Z")
    return store


async def shown(pilot) -> None:
    await pilot.pause()
    await pilot.app.screen.view_ready()
    await pilot.pause()


def attention(app) -> str:
    return "\n".join(str(option.prompt) for option in app.screen.query_one("#dash-attention").options)


async def test_the_dashboard_shows_the_view_read_ahead(papers):
    ahead = read_ahead(papers, "dashboard")
    early = ahead.result()
    app = PaperdeckApp(papers, watch=False, read_ahead=ahead)
    async with app.run_test(size=(120, 40)) as pilot:
        await shown(pilot)
        assert app.screen.dashboard is early  # not read a second time
        assert "多模态对齐评估 🚀" in attention(app) and "Sparse attention at scale" in attention(app)
        assert app.read_ahead is None


async def test_a_change_after_the_read_began_is_read_again(papers):
    ahead = read_ahead(papers, "dashboard")
    early = ahead.result()
    papers.papers.add("Added while the app was built", Stage.WRITING, stage_entered_at="2026-11-29T09:00:00Z")
    app = PaperdeckApp(papers, watch=False, read_ahead=ahead)
    async with app.run_test(size=(120, 40)) as pilot:
        await shown(pilot)
        assert app.screen.dashboard is not early
        assert "Added while the app was built" in attention(app)


async def test_another_start_screen_reads_as_always(papers):
    assert read_ahead(papers, "pipeline") is None
    ahead = read_ahead(papers, "dashboard")  # given to an app that starts elsewhere: never taken
    app = PaperdeckApp(papers, watch=False, start_screen="venues", read_ahead=ahead)
    async with app.run_test(size=(120, 40)) as pilot:
        await shown(pilot)
        assert app.read_ahead is None
        await pilot.press("1")
        await shown(pilot)
        assert app.screen.dashboard is not ahead.result()
