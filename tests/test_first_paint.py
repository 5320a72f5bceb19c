"""A screen shown for the first time is first drawn with its data, not as an empty shell first
(tui/screens/first_paint.py); a read slower than FIRST_PAINT_WAIT still shows the shell."""

from __future__ import annotations

import threading

import pytest

from paperdeck.tui.app import PaperdeckApp
from paperdeck.tui.screens import first_paint
from paperdeck.tui.screens.venues import VenuesScreen
from waiting import app_until, settled


def venues_frames(app: PaperdeckApp) -> list[bool]:
    """For each frame the app sends to the terminal for the Venues screen: whether its view
    was shown by then."""
    frames: list[bool] = []
    send = app._display

    def display(screen, renderable) -> None:
        if isinstance(screen, VenuesScreen) and renderable is not None:
            frames.append(screen.venues_view is not None)
        send(screen, renderable)

    app._display = display  # type: ignore[method-assign]
    return frames


async def test_a_screen_is_first_drawn_with_its_data(store):
    app = PaperdeckApp(store, watch=False)
    async with app.run_test(size=(120, 40)) as pilot:
        await settled(pilot)
        frames = venues_frames(app)
        await pilot.press("3")
        await settled(pilot)
        assert isinstance(app.screen, VenuesScreen)
        assert frames and all(frames), frames
        assert "days" in "\n".join(strip.text for strip in app.screen._compositor.render_strips())


async def test_a_slow_read_shows_the_screen_without_its_data_then_with_it(store, monkeypatch):
    gate = threading.Event()
    read = VenuesScreen.load_view

    def slow_read(snapshot, request):
        gate.wait(30)
        return read(snapshot, request)

    monkeypatch.setattr(VenuesScreen, "load_view", staticmethod(slow_read))
    monkeypatch.setattr(first_paint, "FIRST_PAINT_WAIT", 0.05)
    app = PaperdeckApp(store, watch=False)
    async with app.run_test(size=(120, 40)) as pilot:
        await settled(pilot)
        frames = venues_frames(app)
        await pilot.press("3")
        try:
            await app_until(pilot, lambda: frames, "the Venues shell drawn while its read waits")
            assert not any(frames)  # drawn without its data (the read is held)
        finally:
            gate.set()
        await settled(pilot)
        assert frames[-1] is True


async def test_the_footer_is_built_in_the_frame_after_the_data(store):
    """The first frame shows the data; the footer's keys (built once the view says which) come
    in the next one, and view_ready() waits for them."""
    from textual.widgets._footer import FooterKey

    app = PaperdeckApp(store, watch=False)
    async with app.run_test(size=(120, 40)) as pilot:
        await settled(pilot)
        frames: list[tuple[bool, int]] = []
        send = app._display

        def display(screen, renderable) -> None:
            if isinstance(screen, VenuesScreen) and renderable is not None:
                frames.append((screen.venues_view is not None, len(screen.query(FooterKey))))
            send(screen, renderable)

        app._display = display  # type: ignore[method-assign]
        await pilot.press("3")
        await app.screen.view_ready()
        keys = [key.description for key in app.screen.query(FooterKey)]
        assert "Search" in keys and "Month" in keys, keys  # built by the time view_ready returns
        await settled(pilot)
        assert frames[0] == (True, 0), frames  # the data first, the keys not built yet
        assert frames[-1][1] == len(keys), frames  # then drawn with them


@pytest.mark.parametrize("key", ["2", "3", "5", "6"])
async def test_every_screens_first_frame_has_its_data_and_then_its_keys(store, key):
    """Pipeline, Venues, Pitch (whose editor takes the focus with the view: a bindings change
    that would rebuild the footer at once) and Resume: the keys come after the data's frame."""
    from textual.widgets._footer import FooterKey

    app = PaperdeckApp(store, watch=False)
    async with app.run_test(size=(120, 40)) as pilot:
        await settled(pilot)
        dashboard = app.screen
        frames: list[tuple[bool, int]] = []
        send = app._display

        def display(screen, renderable) -> None:
            if screen is not dashboard and renderable is not None:
                frames.append((screen._first_view_shown, len(screen.query(FooterKey))))
            send(screen, renderable)

        app._display = display  # type: ignore[method-assign]
        await pilot.press(key)
        await settled(pilot)
        assert frames[0] == (True, 0), frames
        assert frames[-1][1] > 3, frames


def dashboard_frames(app: PaperdeckApp) -> list[bool]:
    """For each frame sent to the terminal for the Dashboard: whether its view was shown by then."""
    from paperdeck.tui.screens.dashboard import DashboardScreen

    frames: list[bool] = []
    send = app._display

    def display(screen, renderable) -> None:
        if isinstance(screen, DashboardScreen) and renderable is not None:
            frames.append(screen.dashboard is not None)
        send(screen, renderable)

    app._display = display  # type: ignore[method-assign]
    return frames


async def test_the_apps_first_frame_shows_the_first_screens_data(store, monkeypatch):
    """The start screen waits for its data like any other: no empty shell drawn first. (The
    wait is made long: a loaded machine's read must not reach it and draw the shell.)"""
    monkeypatch.setattr(first_paint, "FIRST_PAINT_WAIT", 30)
    app = PaperdeckApp(store, watch=False)
    frames = dashboard_frames(app)
    async with app.run_test(size=(120, 40)) as pilot:
        await app.screen.view_ready()
        await settled(pilot)
        assert frames and all(frames), frames


async def test_a_slow_first_read_shows_the_start_screen_without_its_data_then_with_it(store, monkeypatch):
    from paperdeck.tui.screens.dashboard import DashboardScreen

    gate = threading.Event()
    read = DashboardScreen.load_view

    def slow_read(snapshot, request):
        gate.wait(30)
        return read(snapshot, request)

    monkeypatch.setattr(DashboardScreen, "load_view", staticmethod(slow_read))
    monkeypatch.setattr(first_paint, "FIRST_PAINT_WAIT", 0.05)
    app = PaperdeckApp(store, watch=False)
    frames = dashboard_frames(app)
    async with app.run_test(size=(120, 40)) as pilot:
        try:
            await app_until(pilot, lambda: frames, "the Dashboard's shell drawn while its read waits")
            assert not any(frames)  # drawn without its data (the read is held)
        finally:
            gate.set()
        await app.screen.view_ready()
        await settled(pilot)
        assert frames[-1] is True
