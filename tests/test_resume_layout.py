"""Resume fits the terminal (issue 15): at 80×24 the list and the preview are stacked, each the
whole width (side by side the preview got ~18 columns beside a list fixed at 54); wider, they sit
side by side, the list at most 72 columns. Asserted as geometry, not snapshots."""

from __future__ import annotations

import pytest

from paperdeck.models.papers import Stage
from paperdeck.tui.app import PaperdeckApp


@pytest.fixture
def papers(store):
    for index in range(12):
        store.papers.add(f"Reward-Aware Prompt Optimization for LLM Alignment, part {index}", Stage.DECISION,
                         status="accepted", venue_key="iclr", target_year=2025)
    return store


async def shown(pilot) -> None:
    await pilot.pause()
    await pilot.app.screen.view_ready()
    await pilot.pause()


@pytest.mark.parametrize("size", [(80, 24), (120, 40), (200, 60)])
async def test_the_list_and_the_preview_share_the_screen_by_its_width(papers, size):
    app = PaperdeckApp(papers, start_screen="resume", watch=False)
    async with app.run_test(size=size) as pilot:
        await shown(pilot)
        listing = app.screen.query_one("#resume-list").region
        preview = app.screen.query_one("#resume-preview").region
        assert listing.height >= 5 and app.screen.query_one("#resume-right").region.height >= 10
        if size == (80, 24):
            assert listing.width == 80 and preview.width >= 70 and preview.y >= listing.bottom
        else:
            assert listing.right <= preview.x and listing.width <= 72
            assert preview.width >= 45
        text = str(app.screen.query_one("#resume-preview").render())
        assert "Reward-Aware Prompt Optimization" in text


async def test_resizing_restacks(papers):
    app = PaperdeckApp(papers, start_screen="resume", watch=False)
    async with app.run_test(size=(120, 40)) as pilot:
        await shown(pilot)
        assert not app.screen.has_class("-stacked")
        await pilot.resize_terminal(80, 24)
        await pilot.pause()
        assert app.screen.has_class("-stacked")
