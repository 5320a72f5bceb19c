"""A view that lands while the app quits is dropped, not drawn into a screen whose widgets are
being removed (seen in make test: the Stats screen's view, read ahead, landed as the app ended,
and its plots' query raised NoMatches)."""

from __future__ import annotations

from paperdeck.models.common import utcnow
from paperdeck.tui.app import PaperdeckApp
from paperdeck.tui.screens.card_stats import CardStatsScreen
from paperdeck.tui.screens.flashcards import STATS_SCREEN
from paperdeck.usecases.cards import card_stats
from waiting import app_until


async def test_a_view_landing_as_the_app_quits_is_dropped(store):
    app = PaperdeckApp(store, start_screen="flashcards", watch=False)
    async with app.run_test(size=(120, 40)) as pilot:
        await app_until(pilot, lambda: app.is_screen_installed(STATS_SCREEN), "the Stats screen built ahead")
        stats = app.get_screen(STATS_SCREEN)
        await stats.view_ready()
        app.exit()  # quitting: Textual now removes every screen's widgets
        await stats.query_one("#stats-body").remove()  # (as far as the landing view is concerned)
        landed = CardStatsScreen.ViewLoaded(stats._view_generation, card_stats(store, utcnow()))
        await stats.on_paperdeck_screen_view_loaded(landed)  # before the fix: NoMatches
