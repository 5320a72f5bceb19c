"""What a review session draws: the card, its talking points, the rating bar with each
rating's next interval, the status line, the answer timer and the session's end. A mixin of
ReviewScreen (card_review.py), which holds the session's state and reads."""

from __future__ import annotations

from rich.text import Text
from textual.widgets import Static

from ...i18n import counted
from ...models.cards import RATING_NAMES, RATINGS, Card, DueSummary
from ...models.common import utcnow
from ...textsafe import one_line
from ..widgets.panel import Panel, literal

RATING_STYLES = {1: "bold red", 2: "bold yellow", 3: "bold green", 4: "bold blue"}


def format_clock(seconds: float) -> str:
    seconds = max(0, int(seconds))
    return f"{seconds // 60}:{seconds % 60:02d}"


class ReviewRendering:
    """ReviewScreen's drawing (its state: card, view, decks, revealed, outcomes, tally, ...)."""

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
        deck = self.decks.get(card.deck_id)
        question.border_title = deck.pick(self.language) if deck is not None else ""
        body = literal(card.pick(self.language), "bold", single_line=False)
        other = card.front if self.language == "zh" else card.front_zh
        if other and other != card.pick(self.language):
            body.append("\n\n")
            body.append_text(literal(other, "dim", single_line=False))
        question.update(body)
        answer.display = self.revealed
        answer.border_title = self.pick("要点", "Talking points")
        answer.update(self._answer(card))
        self._render_ratings()

    def _answer(self, card: Card) -> Text:
        """The talking points; for a Pitch or Resume card the user's own text first, then the
        card's (the guide's example)."""
        view = self.view
        own = view.own_answer if view is not None and view.card is not None and view.card.id == card.id else None
        if own is None:
            if card.back.strip():
                return literal(card.back, single_line=False)
            return Text(self.pick(f"（还没有要点：按 {self.key_hint('edit')} 添加）",
                                  f"(no talking points yet: press {self.key_hint('edit')} to add some)"), style="dim italic")
        text = Text(self.pick(own.zh, own.en) + "\n", "bold")
        text.append_text(literal(own.text, single_line=False))
        if card.back.strip():
            text.append(self.pick("\n\n指南示例\n", "\n\nThe guide's example\n"), "dim bold")
            text.append_text(literal(card.back, "dim", single_line=False))
        return text

    def _render_ratings(self) -> None:
        from ...domain.scheduling import format_interval

        bar = Text()
        if not self.revealed:  # no rating before the answer is shown
            key = self.key_hint("reveal")
            bar.append(f" {key} ", "reverse bold")
            bar.append(self.pick(" 显示要点，然后评分", " show the talking points, then rate"), "bold")
            self.query_one("#review-ratings", Static).update(bar)
            return
        for rating in RATINGS:
            bar.append(f" {self.key_hint(f'rate({rating})') or rating} ", "reverse " + RATING_STYLES[rating])
            bar.append(f" {self.pick(*RATING_NAMES[rating])} ", RATING_STYLES[rating])
            if self.cramming:
                hint = self.pick("稍后再来", "again later") if rating == 1 else ""
            else:
                hint = format_interval(self.outcomes[rating].interval)
            bar.append(f"{hint}   ", "dim" if self.cramming else "")
        self.query_one("#review-ratings", Static).update(bar)

    def _render_status(self) -> None:
        status = Text()
        if self.cramming:
            days = (self.cram_until - self.view.study_day).days if self.view is not None else 0
            status.append(self.pick("面试冲刺", "Interview cram"), "bold magenta")
            status.append(self.pick(f"  还剩 {len(self.cram_queue) + (self.card is not None)} 张",
                                    f"  {len(self.cram_queue) + (self.card is not None)} left"))
            status.append(self.pick(f" · 距面试 {days} 天 · 不影响复习计划",
                                    f" · interview in {counted(days, 'day')} · schedule untouched"), "dim")
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
        # Counted by a load (see view_request), then kept per rating.
        return self.tally.summary() if self.tally is not None else DueSummary(0, 0, 0)

    def _tick(self) -> None:
        timer = self.query_one("#review-timer", Static)
        if self.card is None:
            timer.update("", layout=False)
            return
        elapsed = self.elapsed()
        target = self.target_seconds()
        over = elapsed > target
        text = Text()
        text.append(format_clock(elapsed), "bold red" if over else "bold")
        text.append(f" / {format_clock(target)}", "dim")
        width = 24
        filled = min(width, int(width * elapsed / target)) if target else 0
        text.append("  " + "█" * filled + "░" * (width - filled), "red" if over else "green")
        if over:
            text.append(self.pick("  超时：收尾", "  over time: wrap up"), "red")
        timer.update(text, layout=False)  # one line, always: its size never changes

    def _missed_summary(self) -> str:
        """The cards forgotten (Again) in this cram session, once each, to look at again."""
        missed = list({rated.card.id: rated.card for rated in self.history if rated.requeued}.values())
        if not missed:
            return self.pick("\n\n没有答不上来的卡片。", "\n\nNo card was missed.")
        lines = "".join(f"\n  · {one_line(card.pick(self.language))}" for card in missed)
        return self.pick(f"\n\n答不上来的 {len(missed)} 张：", f"\n\nMissed ({len(missed)}):") + lines

    def _done_message(self) -> str:
        if self.cramming:
            done = self.pick(f"冲刺完成：本轮回答了 {self.reviewed} 张。按 {self.key_hint('close')} 返回。",
                             f"Cram done: {counted(self.reviewed, 'answer')} this session. "
                             f"{self.key_hint('close')} to go back.")
            return done + self._missed_summary()
        upcoming = self.view.next_learning_due if self.view is not None else None
        message = self.pick(f"今天的卡片都复习完了（本轮 {self.reviewed} 张）。",
                            f"All caught up for today ({self.reviewed} this session).")
        if upcoming is not None:
            from ...domain.scheduling import format_interval

            wait = format_interval(upcoming - utcnow())
            message += self.pick(f" 学习中的卡片 {wait} 后到期。", f" Learning cards come back in {wait}.")
        close, undo = self.key_hint("close"), self.key_hint("undo")
        return message + self.pick(f" 按 {close} 返回，{undo} 撤销。", f" {close} to go back, {undo} to undo.")
