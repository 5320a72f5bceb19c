"""Screen switches re-read only what changed, the footer rebuilds only on change, and full
garbage collections wait for a pause in the input (the key-latency fixes of issue #9)."""

from __future__ import annotations

import gc
from datetime import timedelta

from textual.widgets import Footer
from textual.widgets._footer import FooterKey

from paperdeck.tui.app import PaperdeckApp
from paperdeck.tui.idle_gc import NEVER, YOUNG_COLLECTIONS_PER_FULL, IdleCollector
from paperdeck.tui.widgets.footer import QuietFooter


def _count_refreshes(screen) -> list[int]:
    calls: list[int] = []
    original = screen.refresh_data

    def counting(*args, **kwargs):
        calls.append(1)
        return original(*args, **kwargs)

    screen.refresh_data = counting
    return calls


async def test_a_screen_shown_again_rereads_only_after_a_change(store, frozen_clock):
    app = PaperdeckApp(store, watch=False)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("3")
        await pilot.pause()
        venues = app.screen
        calls = _count_refreshes(venues)
        await pilot.press("1")
        await pilot.pause()
        await pilot.press("3")
        await pilot.pause()
        assert calls == []  # nothing changed: the screen shows what it showed

        await pilot.press("1")
        await pilot.pause()
        store.venues.add("Perf Venue Conference")  # a write while Venues is hidden
        await pilot.press("3")
        await pilot.pause()
        assert calls == [1]
        assert any(v.name == "Perf Venue Conference" for v in store.venues.all())

        await pilot.press("1")
        await pilot.pause()
        await pilot.press("f2")  # language: every screen re-renders its text
        await pilot.pause()
        await pilot.press("3")
        await pilot.pause()
        assert calls == [1, 1]

        await pilot.press("1")
        await pilot.pause()
        frozen_clock.shift(timedelta(minutes=5))  # time moved: due dates and countdowns did too
        await pilot.press("3")
        await pilot.pause()
        assert calls == [1, 1, 1]


async def test_every_screen_mounts_the_quiet_footer_with_its_keys(store):
    app = PaperdeckApp(store, watch=False)
    async with app.run_test(size=(120, 40)) as pilot:
        for key in "2345612":
            await pilot.press(key)
            await pilot.pause()
            footers = list(app.screen.query(Footer))
            assert len(footers) == 1 and isinstance(footers[0], QuietFooter)
            await pilot.pause()
            labels = [widget.description for widget in footers[0].query(FooterKey)]
            assert "Keys" in labels  # the app's ? key, with the screen's own keys
        footer = app.screen.query_one(QuietFooter)
        first_keys = list(footer.query(FooterKey))
        await pilot.press("1")
        await pilot.pause()
        await pilot.press("2")
        await pilot.pause()
        assert list(footer.query(FooterKey)) == first_keys  # same keys: not rebuilt


def test_idle_collector_defers_full_collections_to_a_pause():
    now = [100.0]
    collector = IdleCollector(clock=lambda: now[0])
    saved = gc.get_threshold()
    collector.start()
    try:
        assert gc.get_threshold()[2] == NEVER and gc.get_threshold()[:2] == saved[:2]
        assert not collector.tick()  # no young collections yet: nothing to do
        for _ in range(YOUNG_COLLECTIONS_PER_FULL):
            gc.collect(1)
        collector.input_seen()
        now[0] += 0.5
        assert not collector.tick()  # the user is typing
        now[0] += 2.0
        assert collector.tick() and collector.full_collections == 1
        assert not collector.tick()  # done until younger collections pile up again
        for _ in range(YOUNG_COLLECTIONS_PER_FULL):
            gc.collect(1)
        collector.input_seen()
        now[0] += 61  # typing without a pause for a minute: collect anyway
        collector.input_seen()
        assert collector.tick() and collector.full_collections == 2
    finally:
        collector.stop()
    assert gc.get_threshold() == saved


def test_due_tally_kept_per_rating_matches_a_recount(store, frozen_clock):
    from paperdeck.models.common import utcnow

    cards = store.cards
    deck = cards.add_deck("Tally deck")
    for number in range(30):
        cards.add(deck.id, f"Question {number}", back="points")
    tally = cards.due_tally(utcnow(), [deck.id])
    assert tally.summary() == cards.due_summary(utcnow(), [deck.id])
    for rating in [3, 1, 4, 2, 3, 3, 1, 1, 4, 3] * 3:
        card = cards.next_card(utcnow(), [deck.id])
        if card is None:
            break
        outcome = cards.preview(card, utcnow())[rating]
        cards.record_review(card, outcome, reviewed_at=utcnow(), duration_ms=1000)
        tally.rated(card, outcome)
        assert tally.summary() == cards.due_summary(utcnow(), [deck.id])
        frozen_clock.shift(timedelta(minutes=3))


async def test_the_kept_paper_form_leaves_no_widgets_behind_and_a_removed_one_is_collected(store, make_app):
    """The paper form is kept between openings (paper_form_openings.py): closing it frees
    nothing and leaves nothing, so the live widgets do not grow with openings and no full
    collection is asked for. A large dialog removed - the form built anew after a change of
    language - leaves ~10,000 objects in reference cycles: a full collection runs right after
    (idle_gc.py); a small dialog asks for none."""
    from paperdeck.models.papers import Stage
    from paperdeck.tui.screens.modal import LARGE_DIALOG
    from paperdeck.tui.screens.paper_form import PaperFormModal
    from textual.widget import Widget
    from waiting import app_until, settled

    def live_widgets() -> int:
        gc.collect()
        return sum(1 for thing in gc.get_objects() if isinstance(thing, Widget))

    async def open_and_close() -> None:
        await pilot.press("e")
        await app_until(pilot, lambda: isinstance(app.screen, PaperFormModal) and not app.screen.reading, "the form")
        await settled(pilot)
        await pilot.press("escape")
        await app_until(pilot, lambda: not isinstance(app.screen, PaperFormModal), "the form closed")
        await settled(pilot)

    store.papers.add("Collected after", Stage.IDEATION)
    app = make_app("pipeline")
    async with app.run_test(size=(120, 40)) as pilot:
        app.start_idle_collector()  # a real terminal's app starts it; a headless one does not
        requested: list[int] = []
        collect = app.idle_collector.collect
        app.idle_collector.collect = lambda: (requested.append(1), collect())
        app.idle_collector.young_at_last_full = 10**9  # its own ticks never due: only a request counts
        await settled(pilot)
        await pilot.press("n")  # quick capture: a small dialog
        await settled(pilot)
        assert sum(1 for _ in app.screen.walk_children()) < LARGE_DIALOG
        await pilot.press("escape")
        await settled(pilot)
        assert requested == []
        await open_and_close()
        after_one = live_widgets()
        for _ in range(3):
            await open_and_close()
        assert live_widgets() == after_one and requested == []
        await pilot.press("f2")  # another language: the next opening builds the form anew
        await settled(pilot)
        await open_and_close()
        await app_until(pilot, lambda: requested == [1], "a full collection after the old form was removed")
    assert gc.get_threshold()[2] != NEVER  # the app's unmount gave the collector back
