"""A screen switch is drawn once the screen shown is ready, not after Textual's fixed hold
(tui/switch_delay.py): a screen shown again with its view current draws at once; one that
reads again draws nothing until that view is shown. Textual's hold is made 60 s here, so a
switch that waited for it would never draw within the tests' timeout."""

from __future__ import annotations

import pytest

from paperdeck.models.papers import Stage
from paperdeck.tui.app import PaperdeckApp
from paperdeck.tui.screens.resume import ResumeScreen
from paperdeck.tui.switch_delay import SwitchDelay

from waiting import app_until, hold_loads, settled


@pytest.fixture
def drawn(monkeypatch):
    """Textual's hold made 60 s; the screens drawn to the terminal, in order."""
    monkeypatch.setattr(PaperdeckApp, "delay_update", lambda app, delay=0.05: SwitchDelay.delay_update(app, 60))
    frames: list[str] = []
    original = PaperdeckApp._display

    def display(app, screen, renderable):
        if renderable is not None and not app._batch_count:
            frames.append(type(screen).__name__)
        return original(app, screen, renderable)

    monkeypatch.setattr(PaperdeckApp, "_display", display)
    return frames


@pytest.fixture
def on_resume(store):
    store.papers.add("Reward drift in RLHF", Stage.DECISION, venue_key="emnlp", target_year=2024, decision="accepted")
    return store


async def test_a_screen_shown_again_with_its_view_current_draws_at_once(on_resume, drawn):
    app = PaperdeckApp(on_resume, watch=False)
    async with app.run_test(size=(120, 40)) as pilot:
        await settled(pilot)
        await pilot.press("6")
        await settled(pilot)  # the first showing: drawn once its view is shown
        await app_until(pilot, lambda: drawn[-1:] == ["ResumeScreen"], "Resume's first showing drawn")
        await pilot.press("1")
        await app_until(pilot, lambda: drawn[-1:] == ["DashboardScreen"], "the dashboard drawn again")
        await pilot.press("6")
        await app_until(pilot, lambda: drawn[-1:] == ["ResumeScreen"], "Resume drawn again")
        assert isinstance(app.screen, ResumeScreen)
        assert not app._batch_count


async def test_a_screen_that_reads_again_draws_once_that_view_is_shown(on_resume, drawn, monkeypatch):
    app = PaperdeckApp(on_resume, watch=False)
    async with app.run_test(size=(120, 40)) as pilot:
        await settled(pilot)
        await pilot.press("6")
        await settled(pilot)
        await pilot.press("1")
        await app_until(pilot, lambda: drawn[-1:] == ["DashboardScreen"], "the dashboard drawn again")
        on_resume.papers.add("Sparse attention at scale", Stage.DECISION, venue_key="iclr", target_year=2025,
                             decision="accepted")  # the data changed while Resume was hidden
        hold, read, release = hold_loads(monkeypatch, ResumeScreen)
        hold()
        await pilot.press("6")
        await app_until(pilot, read.is_set, "Resume's new read")
        await pilot.pause()
        assert drawn[-1] == "DashboardScreen"  # nothing of Resume's old view was drawn
        release.set()
        await app_until(pilot, lambda: drawn[-1:] == ["ResumeScreen"], "Resume drawn with its new view")
        titles = [entry.title for entry in app.screen.view.entries]
        assert "Sparse attention at scale" in titles
