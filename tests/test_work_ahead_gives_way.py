"""Work done ahead (screens built, read and drawn hidden: screens/built_ahead.py) gives way to a
key: the drawing ahead stops at the next step for a key pressed meanwhile and goes on after it,
and a key wanting a screen being built ahead shows that screen instead of building another."""

from __future__ import annotations

from textual.widget import Widget

from paperdeck.tui.app import PaperdeckApp
from paperdeck.tui.screens import built_ahead
from paperdeck.tui.screens.built_ahead import ahead_name, build_mode_ahead
from paperdeck.tui.screens.card_stats import CardStatsScreen
from paperdeck.tui.screens.flashcards import STATS_SCREEN
from paperdeck.tui.screens.resume import ResumeScreen
from screen_text import screen_text
from waiting import app_until


async def shown(pilot) -> None:
    await pilot.pause()
    await pilot.app.screen.view_ready()
    await pilot.pause()


async def test_a_key_pressed_while_resume_is_drawn_ahead_is_handled_before_the_drawing_goes_on(store, monkeypatch):
    """The Resume screen drawn hidden: `2` pressed at its first line drawn switches screens
    before the rest is drawn (at once, Resume's drawing was one 50-70 ms step at large), and the
    drawing goes on once the Pipeline is shown."""
    monkeypatch.setattr(built_ahead, "STEP_SECONDS", 0.0, raising=False)  # a step per few lines
    app = PaperdeckApp(store, watch=False)
    async with app.run_test(size=(120, 40)) as pilot:
        await shown(pilot)
        drawn_under: list[str] = []
        original = Widget.render_lines

        def render_lines(widget, crop):
            if isinstance(widget.screen, ResumeScreen) and not widget.screen.is_current:
                if not drawn_under:
                    app.simulate_key("2")  # the user's key, while the first lines are drawn
                drawn_under.append(type(app.screen).__name__)
            return original(widget, crop)

        monkeypatch.setattr(Widget, "render_lines", render_lines)
        worker = app.run_worker(build_mode_ahead(app, "resume"))
        await app.workers.wait_for_complete([worker])
        await shown(pilot)
        assert type(app.screen).__name__ == "PipelineScreen"
        assert drawn_under and drawn_under[0] == "DashboardScreen", "the drawing began under the dashboard"
        assert "PipelineScreen" in drawn_under, "it gave way to the key, then went on"
        await pilot.press("6")
        await shown(pilot)
        assert app.screen is app.get_screen(ahead_name("resume")) and "On the resume (" in screen_text(app)


async def test_s_pressed_while_stats_is_built_ahead_shows_that_screen(store, monkeypatch):
    """`s` pressed while the decks' Stats screen is being mounted ahead waits for that mount and
    shows it: one Stats screen built, not a second beside it."""
    built: list[CardStatsScreen] = []
    original_init = CardStatsScreen.__init__

    def init(screen, *args, **kwargs):
        original_init(screen, *args, **kwargs)
        built.append(screen)
        if len(built) == 1:
            screen.app.simulate_key("s")  # pressed as the build ahead begins its mount

    monkeypatch.setattr(CardStatsScreen, "__init__", init)
    app = PaperdeckApp(store, start_screen="flashcards", watch=False)
    async with app.run_test(size=(120, 40)) as pilot:
        await shown(pilot)
        await app_until(pilot, lambda: isinstance(app.screen, CardStatsScreen), "Stats shown by the s")
        await shown(pilot)
        assert built == [app.screen] and app.get_screen(STATS_SCREEN) is app.screen
        assert "Reviews in total" in screen_text(app)
