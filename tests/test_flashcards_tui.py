"""The flashcards screens driven by keys (Pilot) on a real database."""

from __future__ import annotations

from paperdeck.models.cards import LEARNING
from paperdeck.tui.app import PaperdeckApp


def rendered(widget) -> str:
    content = widget.render()
    return str(getattr(content, "renderable", content))


async def view_shown(pilot) -> None:
    """Wait until the screen in view has rendered its newest view (the deck list loads in a
    worker), then for the frame. The first pause lets a posted event (a dismissed dialog, a
    changed input) start its load."""
    await pilot.pause()
    await pilot.app.screen.view_ready()
    await pilot.pause()


def raw_cards(store):
    return [dict(row) for row in store.rows("SELECT * FROM cards ORDER BY id")]


async def test_a_whole_session_by_keys(store, frozen_clock):
    from paperdeck.tui.screens.card_review import ReviewScreen
    from paperdeck.tui.screens.flashcards import FlashcardsScreen

    app = PaperdeckApp(store, start_screen="flashcards")
    async with app.run_test(size=(120, 40)) as pilot:
        await view_shown(pilot)
        assert app.screen.query_one("#decks").row_count == 3
        await pilot.press("enter")
        await view_shown(pilot)
        review = app.screen
        assert isinstance(review, ReviewScreen)
        first = review.card
        assert first.front in rendered(review.query_one("#review-question"))
        assert not review.query_one("#review-answer").display
        bar = rendered(review.query_one("#review-ratings"))
        assert "Again 1m" in bar and "Good 10m" in bar and "Easy" in bar

        await pilot.press("space")
        await view_shown(pilot)
        assert review.query_one("#review-answer").display

        before = raw_cards(store)
        shown = review.outcomes[3]
        await pilot.press("3")
        await view_shown(pilot)
        saved = store.cards.get(first.id)
        assert (saved.state, saved.due, saved.stability) == (LEARNING, shown.due, shown.stability)
        (log,) = store.rows("SELECT * FROM reviews")
        assert log["rating"] == 3 and log["mode"] == "fsrs" and log["duration_ms"] >= 0
        assert review.card.id != first.id

        await pilot.press("u")
        await view_shown(pilot)
        assert raw_cards(store) == before
        assert store.scalar("SELECT count(*) FROM reviews") == 0
        assert review.card.id == first.id

        for _ in range(11):  # Easy on every card graduates the whole deck
            await pilot.press("4")
            await view_shown(pilot)
        assert review.card is None
        assert "All caught up" in rendered(review.query_one("#review-question"))
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, FlashcardsScreen)
    from paperdeck.models.common import utcnow

    assert store.cards.due_summary(utcnow(), [first.deck_id]).learning == 0
    assert store.scalar("SELECT count(*) FROM reviews WHERE mode = 'fsrs'") == 11


async def test_interview_cram_never_touches_the_schedule(store, frozen_clock):
    from paperdeck.tui.screens.card_review import ReviewScreen

    before = raw_cards(store)
    app = PaperdeckApp(store, start_screen="flashcards")
    async with app.run_test(size=(120, 40)) as pilot:
        await view_shown(pilot)
        await pilot.press("i")
        await view_shown(pilot)
        date_input = app.screen.query_one("#cram-date")
        date_input.value = "not a date"
        await pilot.press("enter")
        await view_shown(pilot)
        assert "YYYY-MM-DD" in rendered(app.screen.query_one("#cram-error"))
        date_input.value = "2026-12-10"
        await pilot.press("enter")
        await view_shown(pilot)
        review = app.screen
        assert isinstance(review, ReviewScreen) and review.cramming
        status = rendered(review.query_one("#review-status"))
        assert "interview in 11 d" in status and "11 left" in status
        first = review.card
        await pilot.press("1")  # forgotten: it comes back later in the session
        await pilot.pause()
        assert first in review.cram_queue
        await pilot.press("3", "3")
        await view_shown(pilot)
        await pilot.press("u")
        await view_shown(pilot)
    assert raw_cards(store) == before
    modes = [row[0] for row in store.rows("SELECT mode FROM reviews")]
    assert modes == ["cram", "cram"]
    assert store.settings.load().interview_date.isoformat() == "2026-12-10"


async def test_browser_add_refuses_empty_and_keeps_markup_literal(store, frozen_clock):
    from paperdeck.tui.screens.card_browser import CardBrowserScreen
    from paperdeck.tui.screens.card_modals import EditCardModal

    app = PaperdeckApp(store, start_screen="flashcards")
    async with app.run_test(size=(120, 40)) as pilot:
        await view_shown(pilot)
        await pilot.press("b")
        await view_shown(pilot)
        assert isinstance(app.screen, CardBrowserScreen)
        await pilot.press("a")
        await view_shown(pilot)
        assert isinstance(app.screen, EditCardModal)
        await pilot.press("ctrl+s")
        await view_shown(pilot)
        assert isinstance(app.screen, EditCardModal)
        assert "question is empty" in rendered(app.screen.query_one("#edit-error"))
        app.screen.query_one("#edit-front").value = "[red]Why[/] does it [bold]work?"
        await pilot.click("#edit-save")
        await view_shown(pilot)
        browser = app.screen
        assert isinstance(browser, CardBrowserScreen)
        (card,) = store.cards.search("[red]Why")
        assert card.front == "[red]Why[/] does it [bold]work?"

        browser.query_one("#browser-search").value = "[red]"
        await view_shown(pilot)
        table = browser.query_one("#browser-table")
        assert table.row_count == 1
        assert "[red]Why[/] does it [bold]work?" in rendered(browser.query_one("#browser-detail"))

        table.focus()
        await pilot.press("s")
        await view_shown(pilot)
        assert store.cards.get(card.id).suspended
        await pilot.press("d")
        await view_shown(pilot)
        assert store.cards.search("[red]Why")  # one press only asks
        await pilot.press("d")
        await view_shown(pilot)
        assert store.cards.search("[red]Why") == []
        assert table.row_count == 0


async def test_edit_from_the_browser_keeps_the_schedule(store, frozen_clock):
    from paperdeck.models.common import utcnow

    card = store.cards.cards()[0]
    outcome = store.cards.preview(card, utcnow())[4]
    store.cards.record_review(card, outcome, reviewed_at=utcnow(), duration_ms=1)
    app = PaperdeckApp(store, start_screen="flashcards")
    async with app.run_test(size=(120, 40)) as pilot:
        await view_shown(pilot)
        await pilot.press("b")
        await view_shown(pilot)
        await pilot.press("e")
        await view_shown(pilot)
        app.screen.query_one("#edit-back").text = "Gaussian sampling argument 🙂"
        await pilot.press("ctrl+s")
        await view_shown(pilot)
    after = store.cards.get(card.id)
    assert after.back == "Gaussian sampling argument 🙂"
    assert (after.due, after.stability, after.state) == (outcome.due, outcome.stability, outcome.state)


async def test_target_time_is_validated(store, frozen_clock):
    app = PaperdeckApp(store, start_screen="flashcards")
    async with app.run_test(size=(120, 40)) as pilot:
        await view_shown(pilot)
        await pilot.press("t")
        await pilot.pause()
        prompt = app.screen.query_one("#prompt-input")
        prompt.value = "abc"
        await pilot.press("enter")
        await view_shown(pilot)
        assert "whole number" in rendered(app.screen.query_one("#prompt-error"))
        prompt.value = "120"
        await pilot.press("enter")
        await view_shown(pilot)
        await pilot.press("r")
        await pilot.pause()
        app.screen.query_one("#prompt-input").value = "85%"
        await pilot.press("enter")
        await view_shown(pilot)
        assert "target 85%" in rendered(app.screen.query_one("#cards-summary"))
    assert store.cards.decks()[0].target_seconds == 120
    assert store.settings.load().desired_retention == 0.85


async def test_stats_and_paper_decks_from_the_screen(store, frozen_clock):
    from paperdeck.tui.screens.card_stats import CardStatsScreen

    store.papers.add("RAPO", method="reward-aware sampling", baseline="PPO")
    app = PaperdeckApp(store, start_screen="flashcards")
    async with app.run_test(size=(120, 40)) as pilot:
        await view_shown(pilot)
        await pilot.press("g")
        await view_shown(pilot)
        assert any(d.name == "Paper: RAPO" for d in store.cards.decks())
        assert app.screen.query_one("#decks").row_count == 4
        await pilot.press("s")
        await view_shown(pilot)
        assert isinstance(app.screen, CardStatsScreen)
        assert "Due in the next 14 days" in app.screen.query_one("#stats-forecast").border_title


def test_flashcards_screen_snapshot(snap_compare, frozen_clock, store):
    app = PaperdeckApp(store, start_screen="flashcards")
    assert snap_compare(app, terminal_size=(120, 40), run_before=view_shown)


async def test_rating_writes_once_and_the_next_card_loads_off_the_ui_thread(store, frozen_clock):
    """The UI thread's connection runs the rating's one write transaction and nothing else:
    the next card, its outcomes and the counts come from a load; the timer reads nothing."""
    from paperdeck.tui.screens.card_review import ReviewScreen

    app = PaperdeckApp(store, start_screen="flashcards")
    async with app.run_test(size=(120, 40)) as pilot:
        await view_shown(pilot)
        await pilot.press("enter")
        await view_shown(pilot)
        review = app.screen
        assert isinstance(review, ReviewScreen)
        first = review.card
        statements: list[str] = []
        store.conn.set_trace_callback(statements.append)
        try:
            await pilot.press("space", "3")
            await view_shown(pilot)
            review._tick()  # what the one-second timer runs
        finally:
            store.conn.set_trace_callback(None)
        assert review.card is not None and review.card.id != first.id
        # (`PRAGMA data_version`: the change stamp a load is tagged with, no table read.)
        statements = [s for s in statements if not s.startswith("PRAGMA data_version")]
        assert statements[0].startswith("BEGIN") and statements[-1] == "COMMIT", statements
        assert sum(s.startswith("BEGIN") for s in statements) == 1
        assert not any("suspended = 0" in s for s in statements)  # no queue query on the UI thread


async def test_a_second_rating_key_waits_for_the_next_card(store, frozen_clock, monkeypatch):
    """Pressing 3 twice fast rates one card: the second press comes while the next card loads
    and is not applied to a card the user has not seen."""
    import asyncio
    import threading

    from paperdeck.tui.screens.card_review import ReviewScreen

    read, release = threading.Event(), threading.Event()
    original = ReviewScreen.load_view

    def held(store, request):
        view = original(store, request)
        read.set()
        assert release.wait(10), "the test never released the load"
        return view

    app = PaperdeckApp(store, start_screen="flashcards")
    async with app.run_test(size=(120, 40)) as pilot:
        await view_shown(pilot)
        await pilot.press("enter")
        await view_shown(pilot)
        review = app.screen
        monkeypatch.setattr(ReviewScreen, "load_view", staticmethod(held))
        await pilot.press("3")
        assert await asyncio.to_thread(read.wait, 10)
        await pilot.press("3")
        release.set()
        await view_shown(pilot)
        assert review.reviewed == 1 and review.card is not None
        assert not [n.message for n in app._notifications if n.severity == "error"]
    assert store.scalar("SELECT count(*) FROM reviews") == 1


async def test_an_edit_in_the_review_shows_at_once_and_keeps_the_timer(store, frozen_clock):
    from paperdeck.tui.screens.card_review import ReviewScreen

    app = PaperdeckApp(store, start_screen="flashcards")
    async with app.run_test(size=(120, 40)) as pilot:
        await view_shown(pilot)
        await pilot.press("enter")
        await view_shown(pilot)
        review = app.screen
        assert isinstance(review, ReviewScreen)
        card, shown_at = review.card, review.shown_at
        await pilot.press("space", "e")
        await view_shown(pilot)
        app.screen.query_one("#edit-back").text = "[bold]Edited[/] talking points 🙂"
        await pilot.press("ctrl+s")
        await view_shown(pilot)
        assert app.screen is review and review.card.id == card.id
        assert review.revealed and review.shown_at == shown_at
        assert "[bold]Edited[/] talking points 🙂" in rendered(review.query_one("#review-answer"))
