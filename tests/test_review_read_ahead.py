"""`a`'s first card is read while the decks are shown (card_review_ahead.py): a session shows
it without reading, unless the data, the language or the clock moved since it was read."""

from __future__ import annotations

import asyncio
from datetime import timedelta

from paperdeck.models.common import utcnow
from paperdeck.tui.app import PaperdeckApp
from paperdeck.tui.screens.card_review import ReviewScreen
from paperdeck.tui.screens.card_review_ahead import READ_AHEAD_AGE
from paperdeck.usecases.review import ReviewRequest, review_view

from test_review_built_ahead import built_ahead, rendered, shown
from waiting import app_until, hold_loads


async def read_ahead(pilot) -> ReviewScreen:
    review = await built_ahead(pilot)
    await app_until(pilot, lambda: review._ahead is not None, "the first card read ahead")
    return review


def first_due(store):
    return review_view(store, ReviewRequest(now=utcnow(), deck_ids=None, count=True)).card


async def test_a_session_shows_its_first_card_read_ahead_without_reading(store, frozen_clock, monkeypatch):
    app = PaperdeckApp(store, start_screen="flashcards", watch=False)
    async with app.run_test(size=(120, 40)) as pilot:
        review = await read_ahead(pilot)
        hold, read, _release = hold_loads(monkeypatch, ReviewScreen)
        hold()  # a read now would never land
        await pilot.press("a")
        await shown(pilot)
        assert app.screen is review and not read.is_set()
        assert review.card is not None and review.card.id == first_due(store).id
        assert "answered 0" in rendered(review.query_one("#review-status"))
        await pilot.press("space", "3")  # rated as shown: the next card is read
        await app_until(pilot, read.is_set, "the next card's read")
        _release.set()
        await shown(pilot)
        assert store.scalar("SELECT count(*) FROM reviews") == 1


async def test_a_change_after_the_read_ahead_is_read_again(store, frozen_clock, monkeypatch):
    """The card read ahead is suspended (this process's write: the change stamp moves): the
    session reads, and shows another card."""
    app = PaperdeckApp(store, start_screen="flashcards", watch=False)
    async with app.run_test(size=(120, 40)) as pilot:
        review = await read_ahead(pilot)
        suspended = review._ahead.view.card
        store.cards.set_suspended(suspended.id, True)
        hold, read, release = hold_loads(monkeypatch, ReviewScreen)
        hold()
        await pilot.press("a")
        assert await asyncio.to_thread(read.wait, 10)
        release.set()
        await shown(pilot)
        assert review.card is not None and review.card.id != suspended.id


async def test_a_read_ahead_too_old_or_in_another_language_is_read_again(store, frozen_clock, monkeypatch):
    app = PaperdeckApp(store, start_screen="flashcards", watch=False)
    async with app.run_test(size=(120, 40)) as pilot:
        review = await read_ahead(pilot)
        reads: list[object] = []
        original = ReviewScreen.load_view
        monkeypatch.setattr(ReviewScreen, "load_view", staticmethod(lambda s, r: reads.append(r) or original(s, r)))
        frozen_clock.shift(READ_AHEAD_AGE + timedelta(seconds=1))
        await pilot.press("a")
        await shown(pilot)
        assert len(reads) == 1 and review.card is not None  # too old: read
        await pilot.press("escape")
        await shown(pilot)
        await app_until(pilot, lambda: review._ahead is not None, "read ahead again once the decks are shown")
        monkeypatch.setattr(ReviewScreen, "read_first_ahead", lambda screen, deck_ids: None)  # not again in zh
        await pilot.press("f2")  # the language the read ahead was under changed
        await shown(pilot)
        reads.clear()
        await pilot.press("a")
        await shown(pilot)
        assert reads and review.card is not None
        assert "已答 0" in rendered(review.query_one("#review-status"))


def ahead_reads(monkeypatch, *, held: bool = False):
    """Count (and record) the reads ahead; `held`: each waits for `release` once it has read.
    Returns (requests, release)."""
    import threading

    from paperdeck.tui.screens import card_review_ahead

    requests: list[ReviewRequest] = []
    release = threading.Event()
    if not held:
        release.set()

    def counted(store, request):
        requests.append(request)
        view = review_view(store, request)
        assert release.wait(10), "the test never released the read ahead"
        return view

    monkeypatch.setattr(card_review_ahead, "review_view", counted)
    return requests, release


async def test_a_session_ended_without_a_change_begins_again_on_the_same_read(store, frozen_clock, monkeypatch):
    """`a`, Escape, `a`: the data did not change, so the second session shows the first card
    read ahead again; neither it nor the decks shown again read (at 100,000 cards each read
    took ~300 ms, and a second `a` within it waited behind it)."""
    requests, _release = ahead_reads(monkeypatch)
    app = PaperdeckApp(store, start_screen="flashcards", watch=False)
    async with app.run_test(size=(120, 40)) as pilot:
        review = await read_ahead(pilot)
        hold, read, release = hold_loads(monkeypatch, ReviewScreen)
        hold()  # a session's own read would never land
        try:
            for _ in range(2):
                await pilot.press("a")
                await shown(pilot)
                assert app.screen is review and review.card is not None and review.card.id == first_due(store).id
                assert "answered 0" in rendered(review.query_one("#review-status"))
                await pilot.press("escape")
                await shown(pilot)
                await pilot.pause()
            assert not read.is_set() and len(requests) == 1
        finally:
            release.set()


async def test_a_session_begun_while_its_card_is_read_ahead_waits_for_that_read(store, frozen_clock, monkeypatch):
    """`a` pressed while the read ahead is under way: the session shows that read when it
    lands, and reads nothing itself."""
    requests, release_ahead = ahead_reads(monkeypatch, held=True)
    app = PaperdeckApp(store, start_screen="flashcards", watch=False)
    async with app.run_test(size=(120, 40)) as pilot:
        review = await built_ahead(pilot)
        await app_until(pilot, lambda: requests, "the read ahead under way")
        reads: list[object] = []
        original = ReviewScreen.load_view
        monkeypatch.setattr(ReviewScreen, "load_view", staticmethod(lambda s, r: reads.append(r) or original(s, r)))
        await pilot.press("a")
        await pilot.pause()
        assert app.screen is review and review.card is None and review.view_pending
        release_ahead.set()
        await shown(pilot)
        assert review.card is not None and review.card.id == first_due(store).id
        assert "answered 0" in rendered(review.query_one("#review-status"))
        assert reads == [] and len(requests) == 1


async def test_a_session_waiting_for_a_read_ahead_the_data_overtook_reads_again(store, frozen_clock, monkeypatch):
    """The card read ahead is suspended while the session waits for that read: the session
    reads, and shows another card."""
    requests, release_ahead = ahead_reads(monkeypatch, held=True)
    app = PaperdeckApp(store, start_screen="flashcards", watch=False)
    async with app.run_test(size=(120, 40)) as pilot:
        review = await built_ahead(pilot)
        await app_until(pilot, lambda: requests, "the read ahead under way")
        await pilot.press("a")
        await pilot.pause()
        suspended = first_due(store)
        store.cards.set_suspended(suspended.id, True)
        release_ahead.set()
        await shown(pilot)
        assert app.screen is review and review.card is not None and review.card.id != suspended.id
        assert "answered 0" in rendered(review.query_one("#review-status"))


async def test_the_decks_are_read_ahead_only_when_the_screen_holds_none_as_current(store, frozen_clock, monkeypatch):
    """After a session rated a card (its own write keeps its decks current), the next read
    ahead leaves out the decks and categories; the next session still names the card's deck."""
    requests, _release = ahead_reads(monkeypatch)
    app = PaperdeckApp(store, start_screen="flashcards", watch=False)
    async with app.run_test(size=(120, 40)) as pilot:
        review = await read_ahead(pilot)
        assert [request.decks for request in requests] == [True]
        await pilot.press("a")
        await shown(pilot)
        await pilot.press("space", "3")
        await shown(pilot)
        await pilot.press("escape")
        await shown(pilot)
        await app_until(pilot, lambda: len(requests) == 2 and review._ahead is not None, "read ahead again")
        assert requests[1].decks is False
        await pilot.press("a")
        await shown(pilot)
        deck = store.cards.deck(review.card.deck_id)
        assert review.query_one("#review-question").border_title == deck.name
        assert review.categories and review.decks


async def test_a_rating_never_waits_behind_a_hidden_screens_read(store, frozen_clock, monkeypatch):
    """Stats, built hidden, is reading ahead (held here: ~1 s at 1,000,000 reviews) when a
    card is rated: the next card's read runs on the other connection and shows at once."""
    from paperdeck.tui.screens.card_stats import CardStatsScreen

    hold, read, release = hold_loads(monkeypatch, CardStatsScreen)
    hold()
    app = PaperdeckApp(store, start_screen="flashcards", watch=False)
    async with app.run_test(size=(120, 40)) as pilot:
        review = await read_ahead(pilot)
        try:
            assert await asyncio.to_thread(read.wait, 10)  # Stats reads ahead, held
            await pilot.press("a")
            await app_until(pilot, lambda: review.card is not None and not review.waiting, "the first card", timeout=5)
            first = review.card
            await pilot.press("space", "3")
            await app_until(pilot, lambda: review.card is not None and review.card.id != first.id and not review.waiting,
                            "the next card, while Stats reads ahead", timeout=5)
        finally:
            release.set()
        await shown(pilot)
        assert store.scalar("SELECT count(*) FROM reviews") == 1
