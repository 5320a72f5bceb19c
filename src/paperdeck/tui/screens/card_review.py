"""A review session: the question, a running timer against the deck's target answer length,
Space for the talking points, then 1-4 to rate (each showing its next interval), u to undo.
As in Anki, a card is rated only once its answer is shown, and the answer timer stands still
while a dialog (the card editor, help) covers the screen.

Each card's four outcomes are computed once when it is shown; the one rated is saved as
shown. In interview (cram) mode every card of the decks is shown once, Again brings it back
later in the session, and the FSRS schedule is never touched.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from datetime import date
from collections.abc import Callable
from typing import TYPE_CHECKING, TypeVar

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.widgets import Footer, Header, Static

from ...models.cards import RATING_NAMES, RATINGS, Card, Deck, DueTally, Outcome
from ...models.common import utcnow
from ...usecases.core import StoreError
from ...usecases.review import ReviewRequest, ReviewView, record_cram_answer, rate_card, review_view, undo_rating
from ..widgets.panel import Panel
from .base import PaperdeckScreen
from .card_review_ahead import ReviewReadAhead
from .card_review_render import ReviewRendering

if TYPE_CHECKING:
    from ...usecases.core import Store

T = TypeVar("T")

@dataclass(slots=True)
class Rated:
    review_id: int
    card: Card
    requeued: bool = False


class ReviewScreen(ReviewReadAhead, ReviewRendering, PaperdeckScreen):
    # Not a CSS_PATH: a stylesheet file read at the first showing re-parses the app's CSS and
    # restyles every screen's widgets (as Flashcards).
    # The card centred, its timer above it, the ratings below it.
    DEFAULT_CSS = """
    #review-status { height: auto; padding: 0 1; background: $boost; }
    #review-body { height: 1fr; align: center middle; }
    #review-card { width: 100; max-width: 100%; height: auto; }
    #review-timer { height: 1; text-align: center; margin-bottom: 1; }
    #review-question { min-height: 5; }
    #review-answer { border: round $success 60%; }
    #review-ratings { height: auto; margin-top: 1; text-align: center; }
    """
    BINDINGS = [
        Binding("space", "reveal", "Reveal", id="review.reveal", tooltip="Show the talking points"),
        # The ratings show under the card with their next intervals, not in the footer.
        *(Binding(str(r), f"rate({r})", RATING_NAMES[r][1], id=f"review.rate{r}", show=False,
                  tooltip=f"Rate {RATING_NAMES[r][1]} ({r})") for r in RATINGS),
        Binding("u", "undo", "Undo", id="review.undo", tooltip="Undo the last rating: the card is restored exactly"),
        Binding("e", "edit", "Edit", id="review.edit", tooltip="Edit this card's question and talking points"),
        Binding("escape", "close", "End", id="review.close", tooltip="End the session"),
    ]

    def __init__(self, deck_ids: list[int] | None = None, *, cram_until: date | None = None):
        super().__init__()
        # The decks' names and target times, and the categories: read again only once the data
        # (or the language) changed since, not per rating, showing or session.
        self.decks: dict[int, Deck] = {}
        self.categories: tuple[tuple[str, str, str], ...] = ()
        self.decks_key: tuple | None = None  # the data stamp they were read under
        self._decks_asked: tuple | None = None
        self._new_session(deck_ids, cram_until)

    def begin(self, deck_ids: list[int] | None, *, cram_until: date | None = None) -> None:
        """A new session on this screen, built before (Flashcards keeps one: building it took
        most of `a`'s time): nothing of the last session is kept, or drawn before the first
        card of this one is shown."""
        self._new_session(deck_ids, cram_until)
        self._hidden_view = None  # shown next, it reads
        if self.is_mounted:
            self._clear_card()
        self.hold_paint_for_next_view()

    def _new_session(self, deck_ids: list[int] | None, cram_until: date | None) -> None:
        self.deck_ids = deck_ids
        self.cram_until = cram_until
        self.view: ReviewView | None = None  # today's study day, the card's outcomes
        self.card: Card | None = None
        self.outcomes: dict[int, Outcome] = {}
        self.revealed = False
        self.shown_at = time.monotonic()
        self.history: list[Rated] = []
        self.cram_queue: list[Card] = []
        self.reviewed = 0
        self.tally: DueTally | None = None  # the status line's counts, kept per rating
        # The card the next load shows again (a refresh, an undo); None: the next one due.
        self.wanted_card_id: int | None = None
        self.show_anew = True  # the next card shown starts its timer and hides its answer
        self.waiting = True  # a rating's next card is loading: the rating keys wait for it
        self.paused_at: float | None = None  # a dialog covers the screen: the timer stands still

    @property
    def cramming(self) -> bool:
        return self.cram_until is not None

    def compose(self) -> ComposeResult:
        # The card in the middle of the screen, its timer above it and the four ratings (with
        # their next intervals) below it; the footer is the one line of keys.
        yield Header()
        yield Static(id="review-status")
        with VerticalScroll(id="review-body"):
            with Vertical(id="review-card"):
                yield Static(id="review-timer")
                yield Panel(id="review-question")
                yield Panel(id="review-answer")
                yield Static(id="review-ratings")
        yield Footer()

    def on_mount(self) -> None:
        self.set_interval(1, self._tick_shown)

    def _tick_shown(self) -> None:
        if self.is_current:  # hidden (built ahead, or under another screen): nothing moves
            self._tick()

    def _clear_card(self) -> None:
        """Nothing of a card: the widgets of a re-used screen before its new session's first."""
        for selector in ("#review-status", "#review-timer", "#review-ratings"):
            self.query_one(selector, Static).update("")
        question = self.query_one("#review-question", Panel)
        question.border_title = ""
        question.update("")
        self.query_one("#review-answer", Panel).display = False
        self.query_one("#review-body", VerticalScroll).scroll_home(animate=False)

    # Textual calls these and then PaperdeckScreen's own (its handlers run for each class).
    def on_screen_suspend(self) -> None:
        if self.paused_at is None:
            self.paused_at = time.monotonic()

    def on_screen_resume(self) -> None:
        if self.paused_at is not None:
            self.shown_at += time.monotonic() - self.paused_at
            self.paused_at = None
            self._tick()

    def elapsed(self) -> float:
        """Seconds the card has been in view, dialogs not counted."""
        return (self.paused_at or time.monotonic()) - self.shown_at

    # -- the view ---------------------------------------------------------------------------

    def _decks_current(self) -> bool:
        try:
            key = self._view_key()
        except StoreError:  # a closed connection: the load reports it
            key = None
        current = key is not None and key == self.decks_key
        self._decks_asked = None if current else key
        return current

    def _own_write(self, write: Callable[[], T]) -> T:
        """One of this session's writes (a rating, its undo): it changes no deck or category, so
        decks read before it stay current. (Read again after every rating, they cost ~80 ms a
        card at 100,000 cards: rating a card took 133 ms instead of 14.)"""
        current = self._decks_current()
        result = write()
        if current:
            try:
                self.decks_key = self._view_key()
            except StoreError:
                self.decks_key = None
        return result

    def view_request(self) -> ReviewRequest:
        now = utcnow()
        return ReviewRequest(
            now=now,
            deck_ids=tuple(self.deck_ids) if self.deck_ids is not None else None,
            card_id=self.wanted_card_id,
            # Counting the due cards scans the cards table (~200 ms at 100,000 cards): count once
            # per session and day, then let each rating move its card (DueTally.rated).
            count=self.tally is None or now >= self.tally.day_end,
            decks=not self._decks_current(),
            cram_until=self.cram_until,
            cram_queue=self.cramming and self.view is None,
        )

    @staticmethod
    def load_view(store: "Store", request: ReviewRequest) -> ReviewView:
        return review_view(store, request)

    def show_view(self, view: ReviewView) -> None:
        first = self.view is None
        self.view = view
        if view.tally is not None:  # a copy: each rating moves its counts, and a view read ahead is kept
            self.tally = DueTally(view.tally.day_end, dict(view.tally.states), view.tally.new_left)
        if view.decks is not None and view.categories is not None:
            self.decks, self.categories, self.decks_key = dict(view.decks), view.categories, self._decks_asked
        if self.cramming:
            if view.cram_queue is not None:
                self.cram_queue = list(view.cram_queue)
            # The card shown, as stored now; gone (deleted) or not yet picked: the next in line.
            card = view.card if view.asked_card_id is not None and not first else None
            if card is None:
                card = self.cram_queue.pop(0) if self.cram_queue else None
                self.show_anew = True
        else:
            card = view.card
        if self.show_anew or card is None or self.card is None or card.id != self.card.id:
            self.revealed = False
            self.shown_at = time.monotonic()
        self.card, self.outcomes = card, dict(view.outcomes)
        self.wanted_card_id = card.id if card is not None else None
        self.show_anew = self.waiting = False
        self._render_card()

    def refresh_data(self) -> None:
        """Shown again, or cards changed elsewhere: the same card as stored now, counted again.
        A session's first card may have been read ahead (card_review_ahead.py)."""
        if self.view is None and self.card is None:
            ahead = self.take_read_ahead()
            if ahead is not None:
                self._decks_asked = ahead.key  # the decks, if they came with it, were read under that key
                self.show_read_view(ahead.view, ahead.key)
                return
            if self.adopt_read_ahead():  # being read: shown when it lands
                return
        self.tally = None
        self.wanted_card_id = self.card.id if self.card is not None else None
        self.reload_view()

    def _next(self) -> None:
        """After a rating: the next card (in cram, from the session's queue)."""
        if self.cramming:
            self._show(self.cram_queue.pop(0) if self.cram_queue else None)
            return
        self.wanted_card_id, self.show_anew, self.waiting = None, True, True
        self.reload_view()

    def _show(self, card: Card | None) -> None:
        """Cram: show `card` at once (no outcomes to compute)."""
        self.card = card
        self.wanted_card_id = card.id if card is not None else None
        self.revealed = False
        self.shown_at = time.monotonic()
        self._render_card()

    def target_seconds(self) -> int:
        deck = self.decks.get(self.card.deck_id) if self.card is not None else None
        return deck.target_seconds if deck is not None else 0

    # -- actions ----------------------------------------------------------------------------

    def action_reveal(self) -> None:
        if self.card is not None and not self.revealed and not self.waiting:
            self.revealed = True
            self._render_card()

    def action_rate(self, rating: int) -> None:
        card = self.card
        if card is None or self.waiting:
            return
        if not self.revealed:
            key = self.key_hint("reveal")
            self.notify(self.pick(f"先按 {key} 看要点，再评分", f"Press {key} to see the talking points first, then rate"),
                        markup=False)
            return
        duration_ms = int(self.elapsed() * 1000)
        try:
            if self.cramming:
                review_id = self._own_write(lambda: record_cram_answer(self.store, card, rating, reviewed_at=utcnow(),
                                                                       duration_ms=duration_ms))
            else:
                review_id = self._own_write(lambda: rate_card(self.store, card, self.outcomes[rating],
                                                              reviewed_at=utcnow(), duration_ms=duration_ms))
                if self.tally is not None:
                    self.tally.rated(card, self.outcomes[rating])
        except StoreError as error:  # changed or deleted elsewhere, or the disk refused: show it as stored
            self.notify(str(error), severity="error", markup=False)
            self.tally = None
            self.wanted_card_id, self.show_anew, self.waiting = card.id, True, True
            self.reload_view()
            return
        requeue = self.cramming and rating == 1
        if requeue:  # in cram, a forgotten card comes back a few cards later
            self.cram_queue.insert(min(3, len(self.cram_queue)), card)
        self.history.append(Rated(review_id, card, requeue))
        self.reviewed += 1
        self._next()

    def action_undo(self) -> None:
        if not self.history:
            self.notify(self.pick("没有可撤销的评分", "Nothing to undo"))
            return
        last = self.history.pop()
        try:
            restored = self._own_write(lambda: undo_rating(self.store, last.review_id))
        except StoreError as error:
            self.notify(str(error), severity="error", markup=False)
            return
        self.reviewed -= 1
        self.tally = None
        if self.cramming:
            if last.requeued and last.card in self.cram_queue:
                self.cram_queue.remove(last.card)
            if self.card is not None:
                self.cram_queue.insert(0, self.card)
            self._show(restored)
        else:  # the restored card, with its outcomes computed again
            self.wanted_card_id, self.show_anew, self.waiting = restored.id, True, True
            self.reload_view()
        self.notify(self.pick("已撤销上一次评分", "Last rating undone"))

    def action_edit(self) -> None:
        from .card_modals import EditCardModal

        if self.card is not None and self.view is not None and not self.waiting:
            # Closing it shows the screen again, which re-reads the card (refresh_data).
            self.app.push_screen(EditCardModal(list(self.decks.values()), list(self.categories), card=self.card))

    def action_close(self) -> None:
        self.app.pop_screen()
