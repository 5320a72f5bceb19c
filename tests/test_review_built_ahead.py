"""Flashcards builds its review screen once, hidden, after its first frame; each `a` (Enter, a
cram) starts a new session on it. Nothing of an earlier session, language or data may show."""

from __future__ import annotations

import asyncio

from paperdeck.tui.app import PaperdeckApp
from paperdeck.tui.screens.card_review import ReviewScreen
from paperdeck.tui.screens.flashcards import REVIEW_SCREEN, STATS_SCREEN, FlashcardsScreen

from screen_text import screen_text
from waiting import app_until, hold_loads, workers_done


def rendered(widget) -> str:
    content = widget.render()
    return str(getattr(content, "renderable", content))


async def shown(pilot) -> None:
    await pilot.pause()
    await pilot.app.screen.view_ready()
    await pilot.pause()


async def built_ahead(pilot) -> ReviewScreen:
    """The Flashcards screen drawn, and its review screen built (hidden)."""
    await shown(pilot)
    decks = pilot.app.screen
    assert isinstance(decks, FlashcardsScreen)
    await app_until(pilot, lambda: decks.review_screen is not None, "the review screen built ahead")
    review = decks.review_screen
    assert pilot.app.is_screen_installed(REVIEW_SCREEN) and pilot.app.screen is decks
    return review


async def built_ahead_and_used(pilot) -> ReviewScreen:
    """The review screen built ahead, then one session started on it and left."""
    review = await built_ahead(pilot)
    await pilot.press("a")
    await shown(pilot)
    await pilot.press("escape")
    await shown(pilot)
    return review


async def test_each_session_starts_afresh_on_the_one_screen(store, frozen_clock):
    """A second `a` shows the same screen with nothing of the first session: no answers
    counted, the answer hidden, the next due card (the rated one is not due any more)."""
    app = PaperdeckApp(store, start_screen="flashcards")
    async with app.run_test(size=(120, 40)) as pilot:
        review = await built_ahead(pilot)
        await pilot.press("a")
        await shown(pilot)
        assert app.screen is review and review.card is not None
        first = review.card
        await pilot.press("space", "3")
        await shown(pilot)
        assert review.reviewed == 1 and "answered 1" in rendered(review.query_one("#review-status"))
        await pilot.press("space")  # the second card's answer shown, then the session ended
        await shown(pilot)
        await pilot.press("escape")
        await shown(pilot)
        assert isinstance(app.screen, FlashcardsScreen)

        await pilot.press("a")
        await shown(pilot)
        assert app.screen is review
        assert review.reviewed == 0 and review.history == []
        assert "answered 0" in rendered(review.query_one("#review-status"))
        assert review.card is not None and review.card.id != first.id
        assert not review.query_one("#review-answer").display and not review.revealed
        assert "show the talking points" in rendered(review.query_one("#review-ratings"))
        await pilot.press("u")  # nothing of the first session to undo
        await shown(pilot)
        assert store.scalar("SELECT count(*) FROM reviews") == 1


async def test_a_session_shows_cards_changed_elsewhere_since_the_screen_was_built(store, seeded_db, frozen_clock):
    """Another connection suspends every card but one and renames its deck after the review
    screen was built and used: the next session shows that card under the new name."""
    from paperdeck.store import open_store

    app = PaperdeckApp(store, start_screen="flashcards")
    async with app.run_test(size=(120, 40)) as pilot:
        review = await built_ahead_and_used(pilot)

        other = open_store(seeded_db)
        try:
            cards = other.cards.cards()
            kept = cards[-1]
            for card in cards[:-1]:
                other.cards.set_suspended(card.id, True)
            other.cards.rename_deck(kept.deck_id, "Renamed [b]elsewhere[/b]", "en")
        finally:
            other.close()

        await pilot.press("a")
        await shown(pilot)
        assert app.screen is review and review.card is not None and review.card.id == kept.id
        assert review.query_one("#review-question").border_title == "Renamed [b]elsewhere[/b]"
        assert "1 new" in rendered(review.query_one("#review-status"))


async def test_nothing_of_the_last_session_is_drawn_while_the_next_loads(store, frozen_clock, monkeypatch):
    """While a new session's first card is read, the screen holds no card, timer or count of
    the last one (whatever is drawn meanwhile, once FIRST_PAINT_WAIT has passed). (Its first card
    not read ahead: test_review_read_ahead.py has those.)"""
    monkeypatch.setattr(ReviewScreen, "read_first_ahead", lambda screen, deck_ids: None)
    hold, read, release = hold_loads(monkeypatch, ReviewScreen)
    app = PaperdeckApp(store, start_screen="flashcards")
    async with app.run_test(size=(120, 40)) as pilot:
        review = await built_ahead(pilot)
        await pilot.press("a")
        await shown(pilot)
        await pilot.press("space", "3", "escape")
        await shown(pilot)
        hold()
        await pilot.press("a")
        assert await asyncio.to_thread(read.wait, 10)
        await pilot.pause()
        try:
            assert app.screen is review and review.card is None
            for selector in ("#review-status", "#review-timer", "#review-question", "#review-ratings"):
                assert rendered(review.query_one(selector)) == "", selector
            assert not review.query_one("#review-answer").display
        finally:
            release.set()
        await shown(pilot)
        assert review.card is not None and "answered 0" in rendered(review.query_one("#review-status"))
        assert "answered 0" in screen_text(app)


async def test_the_language_switched_while_it_waits_hidden(store, frozen_clock):
    """F2 on the decks after the review screen was built: the session is in Chinese, its
    footer's keys too."""
    app = PaperdeckApp(store, start_screen="flashcards")
    async with app.run_test(size=(120, 40)) as pilot:
        review = await built_ahead(pilot)
        await pilot.press("f2")
        await shown(pilot)
        assert app.language == "zh"
        await pilot.press("a")
        await shown(pilot)
        assert app.screen is review
        text = screen_text(app)
        assert "已答 0" in rendered(review.query_one("#review-status")) and "已答 0" in text
        assert "显示要点" in text and "Reveal" not in text and "answered" not in text


async def test_a_cram_after_a_review_on_the_same_screen(store, frozen_clock):
    """Interview mode on the screen a normal session used: cram counts and queue, then a
    normal session again with FSRS outcomes."""
    app = PaperdeckApp(store, start_screen="flashcards")
    async with app.run_test(size=(120, 40)) as pilot:
        review = await built_ahead_and_used(pilot)
        await pilot.press("i")
        await shown(pilot)
        app.screen.query_one("#cram-date").value = "2026-12-10"
        await pilot.press("enter")
        await shown(pilot)
        assert app.screen is review and review.cramming
        assert "interview in 11 days" in rendered(review.query_one("#review-status"))
        await pilot.press("space", "3")
        await shown(pilot)
        await pilot.press("escape")
        await shown(pilot)
        await pilot.press("a")
        await shown(pilot)
        assert app.screen is review and not review.cramming and review.cram_queue == []
        await pilot.press("space")
        await shown(pilot)
        assert "Good 10m" in rendered(review.query_one("#review-ratings"))
    assert [row[0] for row in store.rows("SELECT mode FROM reviews")] == ["cram"]


# -- Stats, built and read ahead -------------------------------------------------------------

async def stats_built_ahead(pilot):
    await built_ahead(pilot)
    app = pilot.app
    await app_until(pilot, lambda: app.is_screen_installed(STATS_SCREEN), "the Stats screen built ahead")
    stats = app.get_screen(STATS_SCREEN)
    await stats.view_ready()
    await app_until(pilot, lambda: stats.view_is_current(), "its view read ahead")
    return stats


async def test_stats_read_ahead_shows_its_numbers_first_then_the_same_data_plotted(store, frozen_clock, monkeypatch):
    """`s` shows the Stats built and read while the decks were shown, without reading again;
    not drawn ahead yet (the user typed on), its numbers are drawn before its plots, and the
    plots then show the same stats."""
    from paperdeck.models.common import utcnow
    from paperdeck.tui.screens.card_stats import CardStatsScreen
    from paperdeck.usecases.cards import card_stats

    async def not_drawn(screen) -> None:
        pass

    monkeypatch.setattr(CardStatsScreen, "draw_ahead", not_drawn)
    card = store.cards.cards()[0]
    store.cards.record_cram(card, 3, reviewed_at=utcnow(), duration_ms=1000)
    app = PaperdeckApp(store, start_screen="flashcards")
    async with app.run_test(size=(120, 40)) as pilot:
        stats = await stats_built_ahead(pilot)
        reads, seen_before_plots = [], []
        original_load, original_plots = CardStatsScreen.load_view, CardStatsScreen._plots_after_frame
        monkeypatch.setattr(CardStatsScreen, "load_view",
                            staticmethod(lambda store, now: reads.append(now) or original_load(store, now)))

        def plots_after_frame(screen):
            seen_before_plots.append((rendered(screen.query_one("#stats-summary")),
                                      [plot.blank for plot in screen._plot_widgets()]))
            original_plots(screen)

        monkeypatch.setattr(CardStatsScreen, "_plots_after_frame", plots_after_frame)
        await pilot.press("s")
        await shown(pilot)
        assert app.screen is stats and reads == []
        ((summary, blank),) = seen_before_plots
        assert "Reviews in total  1" in summary and blank == [True, True, True]
        assert not any(plot.blank for plot in stats._plot_widgets())
        expected = card_stats(store, utcnow())
        text = screen_text(app)
        assert f"Reviews in total  {expected.total_reviews}" in text and f"Streak  {expected.streak} day" in text
        assert "Reviews per day" in text and "True retention per week" in text and "today" in text
        await pilot.press("escape")
        await shown(pilot)
        await pilot.press("s")  # shown again, nothing changed: nothing read, nothing redrawn
        await shown(pilot)
        assert reads == [] and len(seen_before_plots) == 1


async def test_stats_read_ahead_are_drawn_ahead_and_the_first_s_draws_nothing_anew(store, frozen_clock, monkeypatch):
    """Read ahead while the decks are shown and the user pauses, Stats are drawn too, hidden:
    the plots built and every widget's lines drawn. The first `s` then reads nothing, builds no
    plot and renders no widget of its body anew (medium: that frame's CPU ~65 -> ~15 ms)."""
    from textual.widget import Widget

    from paperdeck.models.common import utcnow
    from paperdeck.tui.screens.card_stats import CardStatsScreen
    from paperdeck.usecases.cards import card_stats

    card = store.cards.cards()[0]
    store.cards.record_cram(card, 3, reviewed_at=utcnow(), duration_ms=1000)
    app = PaperdeckApp(store, start_screen="flashcards")
    async with app.run_test(size=(120, 40)) as pilot:
        stats = await stats_built_ahead(pilot)
        await app_until(pilot, lambda: stats._plots_drawn, "Stats drawn ahead")
        await workers_done(pilot)  # its plots' lines drawn too (in steps: built_ahead.draw_hidden)
        assert not any(plot.blank for plot in stats._plot_widgets()) and app.screen is not stats
        body = stats.query_one("#stats-body")
        reads, rendered_anew = [], []
        original_load, original_render = CardStatsScreen.load_view, Widget._render
        monkeypatch.setattr(CardStatsScreen, "load_view",
                            staticmethod(lambda store, now: reads.append(now) or original_load(store, now)))

        def render(widget):
            if widget is body or body in widget.ancestors:
                rendered_anew.append(widget.id)
            return original_render(widget)

        monkeypatch.setattr(Widget, "_render", render)
        await pilot.press("s")
        await shown(pilot)
        assert app.screen is stats and reads == [] and rendered_anew == []
        expected = card_stats(store, utcnow())
        text = screen_text(app)
        assert f"Reviews in total  {expected.total_reviews}" in text and "Reviews per day" in text
        assert "True retention per week" in text and "today" in text


async def test_s_pressed_between_the_two_drawing_steps_shows_the_screen_and_then_its_plots(store, frozen_clock, monkeypatch):
    """Drawn ahead in two steps (widgets, then plots): an `s` read between them shows Stats at
    once; the hidden plot step is skipped, and the plots come after the first frame."""
    from paperdeck.tui.screens import built_ahead

    app = PaperdeckApp(store, start_screen="flashcards")
    async with app.run_test(size=(120, 40)) as pilot:
        decks = app.screen
        steps = []
        real_draw = built_ahead.draw_hidden

        async def draw_hidden(screen):
            steps.append([plot.blank for plot in screen._plot_widgets()])
            drawn = await real_draw(screen)
            if len(steps) == 1:
                app.call_later(decks.action_stats)  # `s`, read while draw_ahead waits between its steps
            return drawn

        monkeypatch.setattr(built_ahead, "draw_hidden", draw_hidden)
        stats = await stats_built_ahead(pilot)
        await app_until(pilot, lambda: app.screen is stats, "Stats shown by the s between the steps")
        await shown(pilot)
        await app_until(pilot, lambda: stats._plots_drawn, "its plots drawn after its first frame")
        assert steps == [[True, True, True]]  # the plots' hidden step never ran
        assert not any(plot.blank for plot in stats._plot_widgets())
        assert "Reviews per day" in screen_text(app)


async def test_stats_read_ahead_then_a_review_elsewhere_and_f2(store, seeded_db, frozen_clock):
    """Data changed by another connection and the language switched after Stats was read
    ahead: `s` reads again and shows the new count, in Chinese, plots included."""
    from paperdeck.models.common import utcnow
    from paperdeck.store import open_store

    app = PaperdeckApp(store, start_screen="flashcards")
    async with app.run_test(size=(120, 40)) as pilot:
        stats = await stats_built_ahead(pilot)
        assert "Reviews in total  0" in rendered(stats.query_one("#stats-summary"))
        other = open_store(seeded_db)
        try:
            card = other.cards.cards()[0]
            other.cards.record_cram(card, 3, reviewed_at=utcnow(), duration_ms=1000)
        finally:
            other.close()
        await pilot.press("f2")
        await shown(pilot)
        await pilot.press("s")
        await shown(pilot)
        assert app.screen is stats
        text = screen_text(app).replace("\u200b", "")  # plotext's labels pad wide characters
        assert "复习总数  1" in rendered(stats.query_one("#stats-summary")) and "复习总数  1" in text
        assert "每日复习次数" in text and "Reviews in total" not in text


async def test_ratings_do_not_read_the_decks_again(store, seeded_db, frozen_clock, monkeypatch):
    """A rating changes no deck: the next card's read skips the decks and categories (~80 ms at
    100,000 cards); a deck renamed elsewhere is still read again."""
    from paperdeck.store import open_store
    from paperdeck.tui.screens import card_review

    asked: list[bool] = []
    real_view = card_review.review_view

    def recording(store, request):
        asked.append(request.decks)
        return real_view(store, request)

    monkeypatch.setattr(card_review, "review_view", recording)
    app = PaperdeckApp(store, start_screen="flashcards")
    async with app.run_test(size=(120, 40)) as pilot:
        review = await built_ahead(pilot)
        await pilot.press("a")
        await shown(pilot)
        asked.clear()
        for _ in range(2):
            await pilot.press("space", "3")
            await shown(pilot)
        assert asked and not any(asked)
        await pilot.press("u")  # undo: no deck changed either
        await shown(pilot)
        assert not any(asked)
        other = open_store(seeded_db)
        try:
            deck_id = review.card.deck_id
            other.cards.rename_deck(deck_id, "Renamed elsewhere", "en")
        finally:
            other.close()
        asked.clear()
        await pilot.press("space", "3")
        await shown(pilot)
        assert True in asked  # read again (by the live refresh or the next card's read)
        assert review.decks[deck_id].name == "Renamed elsewhere"


async def test_stats_is_read_ahead_only_while_the_decks_are_shown(store, frozen_clock, monkeypatch):
    """`a` pressed as the decks are drawn: Stats' view is not read ahead under the review
    session, whose keys it would slow; it is read (and shown by `s` without a read) once the
    decks are shown again."""
    from paperdeck.tui.screens.card_stats import CardStatsScreen

    app = PaperdeckApp(store, start_screen="flashcards")
    shown_at_reads = []
    original = CardStatsScreen.reload_view

    def reload_view(screen):
        shown_at_reads.append(type(app.screen).__name__)
        original(screen)

    monkeypatch.setattr(CardStatsScreen, "reload_view", reload_view)
    async with app.run_test(size=(120, 40)) as pilot:
        await shown(pilot)
        decks = app.screen
        assert isinstance(decks, FlashcardsScreen) and not app.is_screen_installed(STATS_SCREEN)
        await pilot.press("a")
        await shown(pilot)
        review = app.screen
        assert isinstance(review, ReviewScreen)
        # The decks' worker gives up (or, as before, reads Stats under the session).
        await app_until(pilot, lambda: not decks._building_ahead or shown_at_reads, "the decks' building ahead done")
        await workers_done(pilot)
        assert app.screen is review and shown_at_reads == []
        await pilot.press("escape")
        await shown(pilot)
        assert app.screen is decks
        stats = await stats_built_ahead(pilot)
        assert shown_at_reads == ["FlashcardsScreen"]
        await pilot.press("s")
        await shown(pilot)
        assert app.screen is stats and shown_at_reads == ["FlashcardsScreen"]
        assert "Reviews in total  0" in screen_text(app)
