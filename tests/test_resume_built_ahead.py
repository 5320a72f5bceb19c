"""The Resume screen built ahead (screens/built_ahead.py, tui/startup.py's `_build_ahead`): `6` shows
that screen, with the view it read, as a screen built by the key shows it."""

from __future__ import annotations

import json

import pytest

from paperdeck.models.papers import Stage
from paperdeck.tui.app import PaperdeckApp
from paperdeck.tui.screens.built_ahead import ahead_name, build_mode_ahead
from paperdeck.tui.screens.resume import ResumeScreen
from screen_text import screen_text
from waiting import app_until


@pytest.fixture
def papers(store):
    store.papers.add("Reward-Aware Prompt Optimization for LLM Alignment", Stage.DECISION, venue_key="emnlp",
                     target_year=2024, track="main", decision="accepted",
                     bullets=json.dumps(["Proposed a reward-guided prompt distillation framework."]))
    store.papers.add("Scaling Laws for Reward Models", Stage.UNDER_REVIEW, venue_key="acl")
    return store


async def shown(pilot) -> None:
    await pilot.pause()
    await pilot.app.screen.view_ready()
    await pilot.pause()


async def resume_built_ahead(pilot) -> ResumeScreen:
    """What the app does once start-up is done (its preloading, skipped in tests)."""
    app = pilot.app
    app.run_worker(build_mode_ahead(app, "resume"))
    await app_until(pilot, lambda: app.is_screen_installed(ahead_name("resume")), "Resume built ahead")
    screen = app.get_screen(ahead_name("resume"))
    await screen.view_ready()
    await app_until(pilot, screen.view_is_current, "its view read ahead")
    return screen


@pytest.fixture
def reads(monkeypatch):
    counted: list[object] = []
    original = ResumeScreen.load_view
    monkeypatch.setattr(ResumeScreen, "load_view",
                        staticmethod(lambda store, request: counted.append(request) or original(store, request)))
    return counted


async def test_6_shows_the_resume_built_ahead_without_reading_as_a_screen_built_then(papers, reads):
    app = PaperdeckApp(papers, watch=False)
    async with app.run_test(size=(120, 40)) as pilot:
        await shown(pilot)
        built = await resume_built_ahead(pilot)
        assert app.screen is not built and len(reads) == 1
        await pilot.press("6")
        await shown(pilot)
        assert app.screen is built and len(reads) == 1, "shown as it was read: not read again"
        ahead = screen_text(app)
        assert "On the resume (2)" in ahead and "Reward-Aware Prompt Optimization" in ahead
        await pilot.press("1")
        await shown(pilot)
        await pilot.press("6")  # the mode keeps that screen
        await shown(pilot)
        assert app.screen is built
    built_by_key = PaperdeckApp(papers, watch=False)
    async with built_by_key.run_test(size=(120, 40)) as pilot:
        await shown(pilot)
        await pilot.press("6")
        await shown(pilot)
        assert screen_text(built_by_key) == ahead


async def test_a_change_after_the_read_ahead_is_read_again_when_6_shows_it(papers, reads):
    app = PaperdeckApp(papers, watch=False)
    async with app.run_test(size=(120, 40)) as pilot:
        await shown(pilot)
        built = await resume_built_ahead(pilot)
        papers.papers.add("Added Since the Read", Stage.UNDER_REVIEW, venue_key="acl")
        await pilot.press("6")
        await shown(pilot)
        assert app.screen is built and len(reads) == 2
        assert "Added Since the Read" in screen_text(app) and "On the resume (3)" in screen_text(app)


async def test_nothing_is_built_ahead_once_resume_was_shown(papers, reads):
    app = PaperdeckApp(papers, watch=False)
    async with app.run_test(size=(120, 40)) as pilot:
        await shown(pilot)
        await pilot.press("6")
        await shown(pilot)
        shown_screen = app.screen
        await build_mode_ahead(app, "resume")
        assert not app.is_screen_installed(ahead_name("resume")) and app.screen is shown_screen
        assert len(reads) == 1
