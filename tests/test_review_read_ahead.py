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
