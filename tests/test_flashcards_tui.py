"""The flashcards screens driven by keys (Pilot) on a real database."""

from __future__ import annotations

from paperdeck.models.cards import LEARNING
from paperdeck.tui.app import PaperdeckApp


def rendered(widget) -> str:
    content = widget.render()
    return str(getattr(content, "renderable", content))


async def view_shown(pilot) -> None:
    """Wait until the screen in view has rendered its newest view (the deck list loads in a
    worker), then for the frame."""
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
        await pilot.pause()
        review = app.screen
        assert isinstance(review, ReviewScreen)
        first = review.card
        assert first.front in rendered(review.query_one("#review-question"))
        assert not review.query_one("#review-answer").display
        bar = rendered(review.query_one("#review-ratings"))
        assert "Again 1m" in bar and "Good 10m" in bar and "Easy" in bar

        await pilot.press("space")
        await pilot.pause()
        assert review.query_one("#review-answer").display

        before = raw_cards(store)
        shown = review.outcomes[3]
        await pilot.press("3")
        await pilot.pause()
        saved = store.cards.get(first.id)
        assert (saved.state, saved.due, saved.stability) == (LEARNING, shown.due, shown.stability)
        (log,) = store.rows("SELECT * FROM reviews")
        assert log["rating"] == 3 and log["mode"] == "fsrs" and log["duration_ms"] >= 0
        assert review.card.id != first.id

        await pilot.press("u")
        await pilot.pause()
        assert raw_cards(store) == before
        assert store.scalar("SELECT count(*) FROM reviews") == 0
        assert review.card.id == first.id

        for _ in range(11):  # Easy on every card graduates the whole deck
            await pilot.press("4")
            await pilot.pause()
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
        await pilot.pause()
        date_input = app.screen.query_one("#cram-date")
        date_input.value = "not a date"
        await pilot.press("enter")
        await pilot.pause()
        assert "YYYY-MM-DD" in rendered(app.screen.query_one("#cram-error"))
        date_input.value = "2026-12-10"
        await pilot.press("enter")
        await pilot.pause()
        review = app.screen
        assert isinstance(review, ReviewScreen) and review.cramming
        status = rendered(review.query_one("#review-status"))
        assert "interview in 11 d" in status and "11 left" in status
        first = review.card
        await pilot.press("1")  # forgotten: it comes back later in the session
        await pilot.pause()
        assert first in review.cram_queue
        await pilot.press("3", "3")
        await pilot.pause()
        await pilot.press("u")
        await pilot.pause()
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
        await pilot.pause()
        assert isinstance(app.screen, CardBrowserScreen)
        await pilot.press("a")
        await pilot.pause()
        assert isinstance(app.screen, EditCardModal)
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, EditCardModal)
        assert "question is empty" in rendered(app.screen.query_one("#edit-error"))
        app.screen.query_one("#edit-front").value = "[red]Why[/] does it [bold]work?"
        await pilot.click("#edit-save")
        await pilot.pause()
        browser = app.screen
        assert isinstance(browser, CardBrowserScreen)
        (card,) = store.cards.search("[red]Why")
        assert card.front == "[red]Why[/] does it [bold]work?"

        browser.query_one("#browser-search").value = "[red]"
        await pilot.pause()
        table = browser.query_one("#browser-table")
        assert table.row_count == 1
        assert "[red]Why[/] does it [bold]work?" in rendered(browser.query_one("#browser-detail"))

        table.focus()
        await pilot.press("s")
        await pilot.pause()
        assert store.cards.get(card.id).suspended
        await pilot.press("d")
        await pilot.pause()
        assert store.cards.search("[red]Why")  # one press only asks
        await pilot.press("d")
        await pilot.pause()
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
        await pilot.pause()
        await pilot.press("e")
        await pilot.pause()
        app.screen.query_one("#edit-back").text = "Gaussian sampling argument 🙂"
        await pilot.press("ctrl+s")
        await pilot.pause()
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
        await pilot.pause()
        assert "whole number" in rendered(app.screen.query_one("#prompt-error"))
        prompt.value = "120"
        await pilot.press("enter")
        await pilot.pause()
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
        await pilot.pause()
        assert isinstance(app.screen, CardStatsScreen)
        assert "Due in the next 14 days" in app.screen.query_one("#stats-forecast").border_title


def test_flashcards_screen_snapshot(snap_compare, frozen_clock, store):
    app = PaperdeckApp(store, start_screen="flashcards")
    assert snap_compare(app, terminal_size=(120, 40), run_before=view_shown)
