"""The review session at 80x24, 120x40 and 200x60: the card in the middle with its timer, the
ratings under it, and one footer line of keys (regions, not snapshots)."""

from __future__ import annotations

import pytest
from textual.widgets import Footer

from paperdeck.tui.screens.card_review import ReviewScreen

SIZES = [(80, 24), (120, 40), (200, 60)]


async def shown(pilot) -> None:
    await pilot.pause()
    await pilot.app.screen.view_ready()
    await pilot.pause()
    await pilot.pause()


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
async def test_the_card_is_centred_with_its_timer(store, make_app, frozen_clock, size):
    width, height = size
    app = make_app("flashcards")
    async with app.run_test(size=size) as pilot:
        await shown(pilot)
        await pilot.press("enter")
        await shown(pilot)
        review = app.screen
        assert isinstance(review, ReviewScreen) and review.card is not None
        body = review.query_one("#review-body").region
        card = review.query_one("#review-card").region
        timer = review.query_one("#review-timer").region
        question = review.query_one("#review-question").region
        ratings = review.query_one("#review-ratings").region
        # Centred both ways in the room between the status line and the footer.
        assert abs((card.x + card.right) - (body.x + body.right)) <= 1, (card, body)
        assert abs((card.y + card.bottom) - (body.y + body.bottom)) <= 1, (card, body)
        assert card.width >= min(width, 100) - 1
        # The timer just above the question, the ratings just below it, all inside the card.
        assert timer.bottom <= question.y <= timer.bottom + 1 and card.contains_region(timer)
        assert question.bottom <= ratings.y and card.contains_region(ratings)
        # One footer, the screen's keys: the ratings are not repeated in it.
        footers = list(review.query(Footer))
        assert len(footers) == 1 and footers[0].region.bottom == height
        shown_keys = {key for key, active in review.active_bindings.items() if active.binding.show}
        assert not shown_keys & {"1", "2", "3", "4"}
        assert {"space", "u", "escape"} <= shown_keys
