"""Pitch's and Pipeline's first showing: the view's read starts as the screen composes, before
its widgets exist, not at the ScreenResume after its compose and mount; it is the only read."""

from __future__ import annotations

import pytest

from paperdeck.models.papers import Stage


@pytest.mark.parametrize("key, module, name", [("5", "pitch", "PitchScreen"), ("2", "pipeline", "PipelineScreen")])
async def test_the_first_showing_reads_once_as_the_screen_composes(store, make_app, monkeypatch, key, module, name):
    from importlib import import_module

    store.papers.add("Reward-Aware Prompt Optimization", Stage.WRITING)
    screen_class = getattr(import_module(f"paperdeck.tui.screens.{module}"), name)
    asked: list[tuple[int, bool]] = []  # per view request: the screen's widgets then, shown yet
    view_request = screen_class.view_request

    def recording(self):
        asked.append((len(self.query("*")), self._in_view))
        return view_request(self)

    monkeypatch.setattr(screen_class, "view_request", recording)
    app = make_app("dashboard")
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await app.screen.view_ready()
        await pilot.press(key)
        await pilot.pause()
        assert type(app.screen) is screen_class
        await app.screen.view_ready()
        await pilot.pause()
        assert asked == [(0, False)]  # before compose, before the resume; not read again at it
