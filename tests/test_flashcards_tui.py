"""The flashcards screens driven by keys (Pilot) on a real database."""

from __future__ import annotations

import pytest

from hostile import HOSTILE
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
        assert "show the talking points, then rate" in bar and "Again" not in bar
        await pilot.press("3")  # no rating before the answer is shown
        await view_shown(pilot)
        assert store.scalar("SELECT count(*) FROM reviews") == 0 and review.card.id == first.id
        assert any("talking points first" in n.message for n in app._notifications)

        await pilot.press("space")
        await view_shown(pilot)
        assert review.query_one("#review-answer").display
        bar = rendered(review.query_one("#review-ratings"))
        assert "Again 1m" in bar and "Good 10m" in bar and "Easy" in bar

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
            await pilot.press("space", "4")
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
        assert "interview in 11 days" in status and "11 left" in status
        first = review.card
        await pilot.press("space", "1")  # forgotten: it comes back later in the session
        await pilot.pause()
        assert first in review.cram_queue
        await pilot.press("space", "3", "space", "3")
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
        await pilot.press("u")  # undo: the card is back, as it was
        await view_shown(pilot)
        assert [c.id for c in store.cards.search("[red]Why")] == [card.id]
        assert store.cards.get(card.id).suspended


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


async def test_the_deck_list_moves_scrolls_and_opens_by_keys_and_clicks(store, frozen_clock):
    """The deck list draws only the rows in view: the cursor keys, paging and clicks still
    reach every deck, the header stays put, and Enter or a click on the highlighted deck
    studies that deck."""
    from paperdeck.tui.screens.card_review import ReviewScreen

    decks = [store.cards.add_deck(f"Deck {n:02d} [b]literal[/b]") for n in range(40)]
    for deck in decks:
        store.cards.add(deck.id, f"Question of {deck.name}")
    app = PaperdeckApp(store, start_screen="flashcards")
    async with app.run_test(size=(100, 20)) as pilot:
        await view_shown(pilot)
        table = app.screen.query_one("#decks")
        assert table.row_count == 43
        await pilot.press("end")
        await pilot.pause()
        assert table.cursor_row == 42 and table.scroll_y > 0
        lines = [table.render_line(y).text for y in range(table.scrollable_content_region.height)]
        assert "Suspended" in lines[0] and "Deck 39 [b]literal[/b]" in lines[-1]  # the header stays in view
        await pilot.press("home", "pagedown")
        await pilot.pause()
        assert table.cursor_row > 5
        await pilot.press("up")
        await pilot.pause()
        row = table.cursor_row
        assert app.screen.selected_deck_id() == int(table.rows[row])
        y = row - int(table.scroll_y) + 1  # the header is the table's first line
        await pilot.click("#decks", offset=(3, y - 1))  # the row above: the cursor moves there
        await pilot.pause()
        assert table.cursor_row == row - 1
        await pilot.click("#decks", offset=(3, y - 1))  # the highlighted row: study its deck
        await view_shown(pilot)
        assert isinstance(app.screen, ReviewScreen)
        assert app.screen.card.deck_id == int(table.rows[row - 1])


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

    from paperdeck.tui.screens.card_review import ReviewScreen
    from waiting import hold_loads

    hold, read, release = hold_loads(monkeypatch, ReviewScreen)
    app = PaperdeckApp(store, start_screen="flashcards")
    async with app.run_test(size=(120, 40)) as pilot:
        await view_shown(pilot)
        await pilot.press("enter")
        await view_shown(pilot)
        review = app.screen
        await pilot.press("space")
        hold()
        await pilot.press("3")
        assert await asyncio.to_thread(read.wait, 10)
        await pilot.press("3")
        release.set()
        await view_shown(pilot)
        assert review.reviewed == 1 and review.card is not None
        assert not [n.message for n in app._notifications if n.severity == "error"]
    assert store.scalar("SELECT count(*) FROM reviews") == 1


async def test_an_edit_in_the_review_shows_at_once_and_the_timer_pauses_meanwhile(store, frozen_clock, monkeypatch):
    from types import SimpleNamespace

    from paperdeck.tui.screens import card_review
    from paperdeck.tui.screens.card_review import ReviewScreen

    clock = [1000.0]  # the review's monotonic clock, moved by hand
    monkeypatch.setattr(card_review, "time", SimpleNamespace(monotonic=lambda: clock[0]))
    app = PaperdeckApp(store, start_screen="flashcards")
    async with app.run_test(size=(120, 40)) as pilot:
        await view_shown(pilot)
        await pilot.press("enter")
        await view_shown(pilot)
        review = app.screen
        assert isinstance(review, ReviewScreen)
        card = review.card
        clock[0] += 20  # 20 s thinking
        await pilot.press("space", "e")
        await view_shown(pilot)
        clock[0] += 300  # five minutes in the editor
        review._tick()
        assert review.elapsed() == 20 and "0:20" in rendered(review.query_one("#review-timer"))
        app.screen.query_one("#edit-back").text = "[bold]Edited[/] talking points 🙂"
        await pilot.press("ctrl+s")
        await view_shown(pilot)
        assert app.screen is review and review.card.id == card.id
        assert review.revealed and review.elapsed() == 20
        assert "0:20" in rendered(review.query_one("#review-timer"))
        assert "[bold]Edited[/] talking points 🙂" in rendered(review.query_one("#review-answer"))
        clock[0] += 5
        await pilot.press("3")
        await view_shown(pilot)
    (duration,) = [row[0] for row in store.rows("SELECT duration_ms FROM reviews")]
    assert duration == 25_000  # the answer's time, not the editor's


async def test_interview_mode_never_offers_a_past_date(store, frozen_clock):
    from datetime import date

    store.settings.update(interview_date=date(2026, 11, 1))  # an interview already over
    app = PaperdeckApp(store, start_screen="flashcards")
    async with app.run_test(size=(120, 40)) as pilot:
        await view_shown(pilot)
        await pilot.press("i")
        await view_shown(pilot)
        field = app.screen.query_one("#cram-date")
        assert field.value == "" and field.placeholder == "2026-12-13"
    store.settings.update(interview_date=date(2026, 12, 20))
    app = PaperdeckApp(store, start_screen="flashcards")
    async with app.run_test(size=(120, 40)) as pilot:
        await view_shown(pilot)
        await pilot.press("i")
        await view_shown(pilot)
        assert app.screen.query_one("#cram-date").value == "2026-12-20"


async def test_decks_are_renamed_deleted_and_the_delete_undone(store, frozen_clock):
    from paperdeck.models.cards import EASY
    from paperdeck.models.common import utcnow

    deck = store.cards.add_deck("Mine")
    kept = store.cards.add(deck.id, "Reviewed")
    store.cards.add(deck.id, "Suspended one")
    store.cards.set_suspended(store.cards.cards(deck.id)[1].id, True)
    outcome = store.cards.preview(kept, utcnow())[EASY]
    store.cards.record_review(kept, outcome, reviewed_at=utcnow(), duration_ms=1000)
    app = PaperdeckApp(store, start_screen="flashcards")
    async with app.run_test(size=(120, 40)) as pilot:
        await view_shown(pilot)
        table = app.screen.query_one("#decks")
        row = table.get_row(str(deck.id))
        columns = [str(column.label) for column in table.columns.values()]
        assert columns[4:6] == ["Cards", "Suspended"]
        assert (str(row[4]), str(row[5])) == ("2", "1")  # the suspended card counted in Cards too
        table.move_cursor(row=table.get_row_index(str(deck.id)))

        await pilot.press("e")
        await pilot.pause()
        prompt = app.screen.query_one("#prompt-input")
        prompt.value = "Interview follow-ups"  # another deck's name
        await pilot.press("enter")
        await view_shown(pilot)
        assert "exists already" in rendered(app.screen.query_one("#prompt-error"))
        prompt.value = "[red]Mine, renamed[/]"
        await pilot.press("enter")
        await view_shown(pilot)
        assert store.cards.deck(deck.id).pick("zh") == "[red]Mine, renamed[/]"

        await pilot.press("d")
        await view_shown(pilot)
        assert "with its 2 cards" in rendered(app.screen.query_one("#choice-message"))
        await pilot.press("y")
        await view_shown(pilot)
        assert [d.id for d in store.cards.decks() if d.id == deck.id] == []
        assert store.scalar("SELECT count(*) FROM reviews") == 0
        assert table.row_count == 3

        await pilot.press("u")
        await view_shown(pilot)
        assert table.row_count == 4
        assert any(n.message == "Undone: delete deck '[red]Mine, renamed[/]'" for n in app._notifications)
        await pilot.press("u")  # the rename before it, from the same journal
        await view_shown(pilot)
        assert store.cards.deck(deck.id).name == "Mine"
    restored = store.cards.get(kept.id)
    assert (restored.due, restored.stability, restored.deck_id) == (outcome.due, outcome.stability, deck.id)
    assert store.scalar("SELECT count(*) FROM reviews") == 1
    from paperdeck.usecases.decks import _label_zh

    assert _label_zh("rename deck 'Mine' to '[red]Mine, renamed[/]'") == "卡组“Mine”改名为“[red]Mine, renamed[/]”"


async def test_paper_decks_skip_papers_without_their_facts_and_say_so(store, frozen_clock):
    store.papers.add("RAPO", method="reward-aware sampling", baseline="PPO")
    store.papers.add("Imported, no facts")
    app = PaperdeckApp(store, start_screen="flashcards")
    async with app.run_test(size=(120, 40)) as pilot:
        await view_shown(pilot)
        await pilot.press("g")
        await view_shown(pilot)
        messages = [n.message for n in app._notifications]
        assert ("1 paper deck: 6 cards added, 0 updated; 1 paper without a problem, method, baselines, data, result or limitations got no deck "
                "(fill them in the paper form)") in messages
        assert [d.name for d in store.cards.decks() if d.paper_id] == ["Paper: RAPO"]


def test_undoing_a_deck_delete_never_overwrites_a_card_that_took_its_id(store):
    from paperdeck.store import ConflictError

    deck = store.cards.add_deck("Last")
    card = store.cards.add(deck.id, "the newest card")
    store.cards.delete_deck(deck.id)
    other = store.cards.decks()[0]
    newcomer = store.cards.add(other.id, "takes the freed id")
    assert newcomer.id == card.id  # SQLite reuses the largest freed id
    try:
        store.undo("cards")
    except ConflictError as error:
        assert "changed since" in str(error)
    else:
        raise AssertionError("the undo overwrote a newer card")
    assert store.cards.get(newcomer.id).front == "takes the freed id"


async def test_the_browser_sorts_by_its_columns_and_shows_card_info(store, frozen_clock):
    from datetime import timedelta

    from paperdeck.models.cards import AGAIN, EASY, GOOD
    from paperdeck.models.common import utcnow
    from paperdeck.tui.screens.card_browser import CardBrowserScreen
    from paperdeck.tui.screens.card_info import CardInfoModal

    deck = store.cards.add_deck("Sorted")
    once, thrice = store.cards.add(deck.id, "Reviewed once"), store.cards.add(deck.id, "Reviewed three times")
    store.cards.add(deck.id, "Never reviewed")
    now = utcnow()

    def rate(card, rating, at):
        card = store.cards.get(card.id)
        store.cards.record_review(card, store.cards.preview(card, at)[rating], reviewed_at=at, duration_ms=7000)

    rate(once, GOOD, now - timedelta(days=30))
    rate(thrice, EASY, now - timedelta(days=30))
    rate(thrice, AGAIN, store.cards.get(thrice.id).due)  # a lapse
    rate(thrice, GOOD, store.cards.get(thrice.id).due)
    app = PaperdeckApp(store, start_screen="flashcards")
    async with app.run_test(size=(160, 40)) as pilot:
        await view_shown(pilot)
        decks = app.screen.query_one("#decks")
        decks.move_cursor(row=decks.get_row_index(str(deck.id)))
        await pilot.press("b")
        await view_shown(pilot)
        browser = app.screen
        assert isinstance(browser, CardBrowserScreen)
        browser.query_one("#browser-search").value = "review"
        await view_shown(pilot)
        table = browser.query_one("#browser-table")
        labels = [str(column.label) for column in table.columns.values()]
        assert labels == ["Deck ▲", "Category", "Question", "State", "Due", "Interval", "Stability", "Difficulty",
                          "Lapses", "Reviews"]
        for _ in range(9):  # o moves the sort to the next column: Reviews is the last
            await pilot.press("o")
        await view_shown(pilot)
        assert str(list(table.columns.values())[-1].label) == "Reviews ▲"
        fronts = [store.cards.get(int(key.value)).front for key in table.rows]
        assert fronts == ["Never reviewed", "Reviewed once", "Reviewed three times"]
        await pilot.press("O")
        await view_shown(pilot)
        rows = [table.get_row(key) for key in table.rows]
        assert [(str(r[8]), str(r[9])) for r in rows] == [("1", "3"), ("0", "1"), ("0", "0")]
        assert str(rows[2][5]) == "" and str(rows[0][5]).endswith("d")  # new cards have no interval

        table.move_cursor(row=0)
        await pilot.press("i")
        await view_shown(pilot)
        info = app.screen
        assert isinstance(info, CardInfoModal)
        shown = rendered_info(info)
        assert "Reviewed three times" in shown and "Lapses" in shown
        assert shown.index("Good") < shown.index("Again lapse") < shown.index("Easy")  # newest first
        assert shown.count("│   7s │") == 3 and "Average answer time  7s" in shown
        await pilot.press("escape")
        await view_shown(pilot)
        assert app.screen is browser


def rendered_info(modal) -> str:
    from io import StringIO

    from rich.console import Console

    console = Console(file=StringIO(), width=120, color_system=None)
    console.print(modal.query_one("#info-body").content)
    return console.file.getvalue()


async def test_pitch_and_resume_cards_show_the_users_own_text_before_the_guides_example(store, frozen_clock):
    from paperdeck.models.cards import PITCH_DECK, RESUME_DECK
    from paperdeck.models.papers import Stage
    from paperdeck.usecases.own_answers import own_answer

    mine = store.papers.add("Contrastive Reward Shaping", Stage.UNDER_REVIEW, venue_key="acl")
    store.pitches.save_section(mine.id, "pitch.background", "[red]Reward models[/] drift under shift.")
    pitch = store.cards.deck_by_key(PITCH_DECK)
    app = PaperdeckApp(store, start_screen="flashcards")
    async with app.run_test(size=(120, 40)) as pilot:
        await view_shown(pilot)
        decks = app.screen.query_one("#decks")
        decks.move_cursor(row=decks.get_row_index(str(pitch.id)))
        await pilot.press("enter")
        await view_shown(pilot)
        review = app.screen
        assert review.card.key == "pitch.background"
        await pilot.press("space")
        await view_shown(pilot)
        answer = rendered(review.query_one("#review-answer"))
        assert "Your pitch (“Contrastive Reward Shaping”)" in answer
        assert answer.index("[red]Reward models[/] drift under shift.") < answer.index("The guide's example")
        assert "reward drift" in answer  # the guide's example follows
    resume = {card.key: card for card in store.cards.cards(store.cards.deck_by_key(RESUME_DECK).id)}
    single = own_answer(store, resume["resume.single"])
    assert single.en == "Your resume entry" and "Contrastive Reward Shaping" in single.text
    assert "Reward-Aware Prompt Optimization" not in own_answer(store, resume["resume.selected"]).text  # the example


def _review_history(store, days: int = 60) -> None:
    """Mature reviews over the last `days` days: Good on most, Again on every fifth."""
    import json
    from datetime import datetime, timedelta

    from paperdeck.models.common import to_iso

    now = datetime.fromisoformat("2026-11-29T09:00:00+00:00")
    card_ids = [card.id for card in store.cards.cards()][:6]
    with store.transaction() as conn:
        for day in range(days):
            for n, card_id in enumerate(card_ids[: 1 + day % 6]):
                rating = 1 if (day + n) % 5 == 0 else 3
                conn.execute(
                    "INSERT INTO reviews(card_id, rating, reviewed_at, duration_ms, mode, card_before) "
                    "VALUES (?, ?, ?, 9000, 'fsrs', ?)",
                    (card_id, rating, to_iso(now - timedelta(days=day, hours=n)), json.dumps({"state": 2})))


def test_retention_per_week_counts_mature_reviews(store, frozen_clock):
    from paperdeck.models.common import utcnow

    _review_history(store)
    weeks = store.cards.stats(utcnow()).retention_weeks
    assert len(weeks) == 12 and weeks[0][1] is None and weeks[0][2] == 0  # 12 weeks back: none yet
    total = sum(n for _week, _share, n in weeks)
    assert total == store.scalar("SELECT count(*) FROM reviews")
    recalled = store.scalar("SELECT count(*) FROM reviews WHERE rating > 1")
    assert sum(round(share * n) for _w, share, n in weeks if share is not None) == recalled


async def test_stats_are_kept_and_read_again_only_when_the_reviews_changed(store, frozen_clock):
    """Stats open a second time show the same screen without a read; after a review they read
    and show the new total; in Chinese they read again too."""
    from paperdeck.models.cards import GOOD
    from paperdeck.models.common import utcnow
    from paperdeck.tui.screens.card_stats import CardStatsScreen

    app = PaperdeckApp(store, start_screen="flashcards", watch=False)
    async with app.run_test(size=(120, 40)) as pilot:
        await view_shown(pilot)
        await pilot.press("s")
        await view_shown(pilot)
        stats = app.screen
        assert isinstance(stats, CardStatsScreen)
        loads = stats._view_generation
        assert "Reviews in total  0" in rendered(stats.query_one("#stats-summary"))
        await pilot.press("escape", "s")
        await view_shown(pilot)
        assert app.screen is stats and stats._view_generation == loads  # nothing changed: no read
        await pilot.press("escape")
        card = store.cards.cards()[0]
        store.cards.record_review(card, store.cards.preview(card, utcnow())[GOOD], reviewed_at=utcnow(), duration_ms=900)
        await pilot.press("s")
        await view_shown(pilot)
        assert app.screen is stats and stats._view_generation == loads + 1
        assert "Reviews in total  1" in rendered(stats.query_one("#stats-summary"))
        await pilot.press("f2")
        await view_shown(pilot)
        assert "复习总数  1" in rendered(stats.query_one("#stats-summary"))


def test_stats_plots_snapshot_at_80x24(snap_compare, frozen_clock, store):
    import pytest

    pytest.importorskip("textual_plotext")  # a dependency; an older .venv shows sparklines instead
    _review_history(store)
    app = PaperdeckApp(store, start_screen="flashcards")

    async def open_stats(pilot):
        await view_shown(pilot)
        await pilot.press("s")
        await view_shown(pilot)

    assert snap_compare(app, terminal_size=(80, 24), run_before=open_stats)


async def test_chinese_plot_labels_keep_the_plot_on_its_own_rows(frozen_clock, store):
    """plotext gives each character one cell: a Chinese label pushed the retention plot's
    right edge onto the next row at 80x24 (`90├────还没有成熟卡片的复习────` then `───┤`)."""
    import pytest

    pytest.importorskip("textual_plotext")
    from screen_text import screen_lines

    store.settings.update(language="zh")
    app = PaperdeckApp(store, start_screen="flashcards")
    async with app.run_test(size=(80, 24)) as pilot:
        await view_shown(pilot)
        await pilot.press("s")
        await view_shown(pilot)
        await pilot.pause()
        lines = [line.replace("\u200b", "") for line in screen_lines(app)]
        label = next(line for line in lines if "还没有成熟卡片的复习" in line)
        assert label.rstrip().endswith("┤"), label
        title = next(line for line in lines if "每周真实记忆率" in line)
        assert title.rstrip().endswith("90%）"), title


async def test_an_interview_cram_ends_with_the_cards_missed(store, frozen_clock):
    from paperdeck.tui.screens.card_review import ReviewScreen

    deck = store.cards.add_deck("Two")
    store.cards.add(deck.id, "[bold]Forgotten[/] one")
    store.cards.add(deck.id, "Known one")
    app = PaperdeckApp(store, start_screen="flashcards")
    async with app.run_test(size=(120, 40)) as pilot:
        await view_shown(pilot)
        decks = app.screen.query_one("#decks")
        decks.move_cursor(row=decks.get_row_index(str(deck.id)))
        await pilot.press("i")
        await view_shown(pilot)
        app.screen.query_one("#cram-date").value = "2026-12-10"
        await pilot.press("enter")
        await view_shown(pilot)
        review = app.screen
        assert isinstance(review, ReviewScreen)
        await pilot.press("space", "1", "space", "3", "space", "3")  # missed, known, then the missed one again
        await view_shown(pilot)
        done = rendered(review.query_one("#review-question"))
        assert "Cram done: 3 answers this session" in done
        assert "Missed (1):\n  · [bold]Forgotten[/] one" in done and "Known one" not in done


async def test_the_new_card_limit_is_one_for_all_decks_as_labelled(store, frozen_clock):
    from paperdeck.models.common import utcnow

    store.settings.update(new_cards_per_day=5)
    app = PaperdeckApp(store, start_screen="flashcards")
    async with app.run_test(size=(120, 40)) as pilot:
        await view_shown(pilot)
        summary = rendered(app.screen.query_one("#cards-summary"))
        assert summary.startswith("Today  5 new (of 5/day, all decks)")  # 11 + 5 + 2 new cards, 5 a day
        table = app.screen.query_one("#decks")
        assert [str(table.get_row(key)[1]) for key in table.rows] == ["5", "5", "2"]  # each deck: what it alone gives
        await pilot.press("a")  # study every deck: five new cards, then none
        await view_shown(pilot)
        for _ in range(5):
            await pilot.press("space", "4")
            await view_shown(pilot)
        assert app.screen.card is None
    assert store.cards.due_summary(utcnow()).new == 0


async def test_the_deck_list_makes_only_the_rows_drawn_and_sizes_its_columns_from_all(store, frozen_clock, monkeypatch):
    """A first showing over many decks makes the cells of the rows drawn only (10,000 decks at
    large made them all: ~60 ms); the columns are as wide as the widest deck name and number,
    however far down it is, as the cells drawn show them (control characters made visible,
    wide characters two cells)."""
    from rich.cells import cell_len

    import paperdeck.tui.screens.flashcards as flashcards
    from paperdeck.tui.widgets.panel import literal

    for n in range(150):
        store.cards.add_deck(f"Deck {n:03d}")
    store.cards.add_deck("Last \x1b[31m 很长的卡组名字 tab\there", target_seconds=3600)  # widest, at the end
    made = []

    def counted(text, *args, **kwargs):
        made.append(text)
        return literal(text, *args, **kwargs)

    monkeypatch.setattr(flashcards, "literal", counted)
    app = PaperdeckApp(store, start_screen="flashcards")
    async with app.run_test(size=(120, 30)) as pilot:
        await view_shown(pilot)
        table = app.screen.query_one("#decks")
        assert table.row_count == 154
        drawn = table.scrollable_content_region.height
        assert 0 < len(set(made)) <= drawn  # not the 154 rows
        view = app.screen.decks_view
        names = [cell_len(literal(entry.deck.pick("en")).plain) for entry in view.decks]
        assert table.columns["deck"].width == min(60, max(8, *names)) == names[-1]
        texts = [app.screen._count_cells(entry) for entry in view.decks]
        for index, (key, _zh, en) in enumerate(flashcards.FlashcardsScreen.COUNT_COLUMNS):
            widest = max(len(cells[index][0]) for cells in texts)
            assert app.screen._count_width(key, view.decks) == widest  # "3600s" for the target
            assert table.columns[key].width == max(cell_len(en), widest)


@pytest.mark.parametrize("name", list(HOSTILE))
def test_a_names_width_is_the_cells_its_literal_text_takes(name):
    """literal_width, which sizes the deck column without making each name's Text, says what
    literal() draws: markup as text, controls made visible, wide characters two cells."""
    from paperdeck.tui.widgets.panel import literal, literal_width

    assert literal_width(HOSTILE[name]) == literal(HOSTILE[name]).cell_len
