"""A review session: the question, a running timer against the deck's target answer length,
Space for the talking points, 1-4 to rate (each showing its next interval), u to undo.

Each card's four outcomes are computed once when it is shown; the one rated is saved as
shown. In interview (cram) mode every card of the decks is shown once, Again brings it back
later in the session, and the FSRS schedule is never touched.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from datetime import date

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.widgets import Footer, Header, Static

from ...models.cards import RATING_NAMES, RATINGS, Card, DueSummary, DueTally, Outcome
from ...models.common import utcnow
from ...paths import package_resource
from ...store.errors import NotFound
from ..widgets.panel import Panel, literal
from .base import PaperdeckScreen

RATING_STYLES = {1: "bold red", 2: "bold yellow", 3: "bold green", 4: "bold blue"}


@dataclass(slots=True)
class Rated:
    review_id: int
    card: Card
    requeued: bool = False


def format_clock(seconds: float) -> str:
    seconds = max(0, int(seconds))
    return f"{seconds // 60}:{seconds % 60:02d}"


class ReviewScreen(PaperdeckScreen):
    CSS_PATH = package_resource("styles") / "flashcards.tcss"
    BINDINGS = [
        Binding("space", "reveal", "Reveal", id="review.reveal", tooltip="Show the talking points"),
        *(Binding(str(r), f"rate({r})", RATING_NAMES[r][1], id=f"review.rate{r}",
                  tooltip=f"Rate {RATING_NAMES[r][1]} ({r})") for r in RATINGS),
        Binding("u", "undo", "Undo", id="review.undo", tooltip="Undo the last rating: the card is restored exactly"),
        Binding("e", "edit", "Edit", id="review.edit", tooltip="Edit this card's question and talking points"),
        Binding("escape", "close", "End", id="review.close", tooltip="End the session"),
    ]

    def __init__(self, deck_ids: list[int] | None, *, cram_until: date | None = None):
        super().__init__()
        self.deck_ids = deck_ids
        self.cram_until = cram_until
        self.card: Card | None = None
        self.outcomes: dict[int, Outcome] = {}
        self.revealed = False
        self.shown_at = time.monotonic()
        self.history: list[Rated] = []
        self.cram_queue: list[Card] = []
        self.reviewed = 0
        self.tally: DueTally | None = None  # the status line's counts, kept per rating

    @property
    def cramming(self) -> bool:
        return self.cram_until is not None

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(id="review-status")
        yield Static(id="review-timer")
        with VerticalScroll(id="review-body"):
            yield Panel(id="review-question")
            yield Panel(id="review-answer")
        yield Static(id="review-ratings")
        yield Footer()

    def on_mount(self) -> None:
        if self.cramming:
            self.cram_queue = self.store.cards.cram_cards(self.deck_ids or [], self.cram_until, utcnow())
        self._next()
        self.set_interval(1, self._tick)

    # -- flow -------------------------------------------------------------------------------

    def _next(self) -> None:
        if self.cramming:
            self._show(self.cram_queue.pop(0) if self.cram_queue else None)
        else:
            self._show(self.store.cards.next_card(utcnow(), self.deck_ids))

    def _show(self, card: Card | None) -> None:
        self.card = card
        self.revealed = False
        self.shown_at = time.monotonic()
        self.outcomes = {} if card is None or self.cramming else self.store.cards.preview(card, utcnow())
        self._render_card()

    def refresh_data(self) -> None:
        self.tally = None  # cards changed elsewhere: count again
        if self.card is not None and self.is_mounted:
            try:
                self.card = self.store.cards.get(self.card.id)
            except NotFound:  # deleted meanwhile
                self._next()
                return
            self._render_card()

    def target_seconds(self) -> int:
        if self.card is None:
            return 0
        return self.store.cards.deck(self.card.deck_id).target_seconds

    # -- rendering --------------------------------------------------------------------------

    def _render_card(self) -> None:
        question = self.query_one("#review-question", Panel)
        answer = self.query_one("#review-answer", Panel)
        card = self.card
        self._render_status()
        self._tick()
        if card is None:
            question.border_title = self.pick("完成", "Done")
            question.update(Text(self._done_message()))
            answer.display = False
            self.query_one("#review-ratings", Static).update("")
            return
        deck = self.store.cards.deck(card.deck_id)
        question.border_title = deck.pick(self.language)
        body = literal(card.pick(self.language), "bold", single_line=False)
        other = card.front if self.language == "zh" else card.front_zh
        if other and other != card.pick(self.language):
            body.append("\n\n")
            body.append_text(literal(other, "dim", single_line=False))
        question.update(body)
        answer.display = self.revealed
        answer.border_title = self.pick("要点", "Talking points")
        answer.update(literal(card.back, single_line=False) if card.back.strip() else Text(
            self.pick(f"（还没有要点：按 {self.key_hint('edit')} 添加）",
                      f"(no talking points yet: press {self.key_hint('edit')} to add some)"), style="dim italic"))
        self._render_ratings()

    def _render_ratings(self) -> None:
        from ...domain.scheduling import format_interval

        bar = Text()
        for rating in RATINGS:
            bar.append(f" {self.key_hint(f'rate({rating})') or rating} ", "reverse " + RATING_STYLES[rating])
            bar.append(f" {self.pick(*RATING_NAMES[rating])} ", RATING_STYLES[rating])
            if self.cramming:
                hint = self.pick("稍后再来", "again later") if rating == 1 else ""
            else:
                hint = format_interval(self.outcomes[rating].interval)
            bar.append(f"{hint}   ", "dim" if self.cramming else "")
        if not self.revealed:
            key = self.key_hint("reveal")
            bar.append(self.pick(f"  {key} 显示要点", f"  {key} shows the talking points"), "dim")
        self.query_one("#review-ratings", Static).update(bar)

    def _render_status(self) -> None:
        status = Text()
        if self.cramming:
            days = (self.cram_until - self.store.cards.study_day(utcnow())).days
            status.append(self.pick("面试冲刺", "Interview cram"), "bold magenta")
            status.append(self.pick(f"  还剩 {len(self.cram_queue) + (self.card is not None)} 张",
                                    f"  {len(self.cram_queue) + (self.card is not None)} left"))
            status.append(self.pick(f" · 距面试 {days} 天 · 不影响复习计划",
                                    f" · interview in {days} d · schedule untouched"), "dim")
        else:
            counts = self._due_counts()
            status.append(f"{counts.new} ", "bold blue")
            status.append(self.pick("新 · ", "new · "))
            status.append(f"{counts.learning} ", "bold red")
            status.append(self.pick("学习中 · ", "learning · "))
            status.append(f"{counts.due} ", "bold green")
            status.append(self.pick("到期", "due"))
        status.append(self.pick(f"   已答 {self.reviewed}", f"   answered {self.reviewed}"), "dim")
        self.query_one("#review-status", Static).update(status)

    def _due_counts(self) -> DueSummary:
        # Counting the due cards scans the cards table (~200 ms at 100,000 cards): count once
        # per session and day, then let each rating move its card (DueTally.rated).
        now = utcnow()
        if self.tally is None or now >= self.tally.day_end:
            self.tally = self.store.cards.due_tally(now, self.deck_ids)
        return self.tally.summary()

    def _tick(self) -> None:
        timer = self.query_one("#review-timer", Static)
        if self.card is None:
            timer.update("")
            return
        elapsed = time.monotonic() - self.shown_at
        target = self.target_seconds()
        over = elapsed > target
        text = Text()
        text.append(format_clock(elapsed), "bold red" if over else "bold")
        text.append(f" / {format_clock(target)}", "dim")
        width = 30
        filled = min(width, int(width * elapsed / target)) if target else 0
        text.append("  " + "█" * filled + "░" * (width - filled), "red" if over else "green")
        if over:
            text.append(self.pick("  超时：收尾", "  over time: wrap up"), "red")
        timer.update(text)

    def _done_message(self) -> str:
        if self.cramming:
            return self.pick(f"冲刺完成：本轮回答了 {self.reviewed} 张。按 {self.key_hint('close')} 返回。",
                             f"Cram done: {self.reviewed} answers this session. {self.key_hint('close')} to go back.")
        upcoming = self.store.cards.next_learning_due(self.deck_ids)
        message = self.pick(f"今天的卡片都复习完了（本轮 {self.reviewed} 张）。",
                            f"All caught up for today ({self.reviewed} this session).")
        if upcoming is not None:
            from ...domain.scheduling import format_interval

            wait = format_interval(upcoming - utcnow())
            message += self.pick(f" 学习中的卡片 {wait} 后到期。", f" Learning cards come back in {wait}.")
        close, undo = self.key_hint("close"), self.key_hint("undo")
        return message + self.pick(f" 按 {close} 返回，{undo} 撤销。", f" {close} to go back, {undo} to undo.")

    # -- actions ----------------------------------------------------------------------------

    def action_reveal(self) -> None:
        if self.card is not None and not self.revealed:
            self.revealed = True
            self._render_card()

    def action_rate(self, rating: int) -> None:
        from ...store import StoreError

        card = self.card
        if card is None:
            return
        duration_ms = int((time.monotonic() - self.shown_at) * 1000)
        try:
            if self.cramming:
                review_id = self.store.cards.record_cram(card, rating, reviewed_at=utcnow(), duration_ms=duration_ms)
            else:
                review_id = self.store.cards.record_review(
                    card, self.outcomes[rating], reviewed_at=utcnow(), duration_ms=duration_ms)
                if self.tally is not None:
                    self.tally.rated(card, self.outcomes[rating])
        except StoreError as error:
            self.notify(str(error), severity="error")
            self.tally = None
            self._show(self.store.cards.get(card.id))
            return
        requeue = self.cramming and rating == 1
        if requeue:  # in cram, a forgotten card comes back a few cards later
            self.cram_queue.insert(min(3, len(self.cram_queue)), card)
        self.history.append(Rated(review_id, card, requeue))
        self.reviewed += 1
        self._next()

    def action_undo(self) -> None:
        from ...store import StoreError

        if not self.history:
            self.notify(self.pick("没有可撤销的评分", "Nothing to undo"))
            return
        last = self.history.pop()
        try:
            restored = self.store.cards.undo_review(last.review_id)
        except StoreError as error:
            self.notify(str(error), severity="error")
            return
        if self.cramming:
            if last.requeued and last.card in self.cram_queue:
                self.cram_queue.remove(last.card)
            if self.card is not None:
                self.cram_queue.insert(0, self.card)
        self.reviewed -= 1
        self.tally = None
        self._show(restored)
        self.notify(self.pick("已撤销上一次评分", "Last rating undone"))

    def action_edit(self) -> None:
        from .card_modals import EditCardModal

        if self.card is not None:
            self.app.push_screen(EditCardModal(card=self.card))

    def action_close(self) -> None:
        self.app.pop_screen()
