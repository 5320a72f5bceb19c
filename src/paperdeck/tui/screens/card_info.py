"""Card info, as in Anki: the card's schedule, its counts and its review history, newest first.
Loaded off the UI thread (usecases/cards.py: card_info)."""

from __future__ import annotations

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.widgets import Static

from ...domain.scheduling import format_interval
from ...models.cards import RATING_NAMES, STATE_NAMES
from ...usecases.cards import CardInfo, card_info
from ..widgets.panel import literal
from .modal import PaperdeckModal

RATING_STYLES = {1: "red", 2: "yellow", 3: "green", 4: "blue"}
STATE_ZH = {"new": "新卡", "learning": "学习中", "review": "复习", "relearning": "重学", "suspended": "已暂停"}


class CardInfoModal(PaperdeckModal[None]):
    DEFAULT_CSS = """
    CardInfoModal > .dialog { width: 100; max-width: 98%; }
    CardInfoModal #info-body { height: auto; }
    """

    def __init__(self, card_id: int):
        super().__init__()
        self.card_id = card_id

    def compose(self) -> ComposeResult:
        with VerticalScroll(classes="dialog") as box:
            box.border_title = self.pick("卡片信息", "Card info")
            box.border_subtitle = self.pick(f"{self.key_hint('cancel')} 关闭", f"{self.key_hint('cancel')} closes")
            yield Static(Text(self.pick("读取中…", "Reading…"), "dim"), id="info-body")

    def on_mount(self) -> None:
        card_id = self.card_id
        self.load_then(lambda store: card_info(store, card_id), self._show, name="card info", failed=self._gone)

    def _gone(self, error) -> None:
        self.query_one("#info-body", Static).update(literal(str(error)))

    def _show(self, info: CardInfo) -> None:
        self.query_one("#info-body", Static).update(self.render_info(info))

    def render_info(self, info: CardInfo) -> Table:
        card, pick = info.card, self.pick

        def when(moment) -> str:  # in the user's zone
            return moment.astimezone(info.zone).strftime("%Y-%m-%d %H:%M")

        facts = Table.grid(padding=(0, 2))
        facts.add_column(style="bold", no_wrap=True)
        facts.add_column()
        state = "suspended" if card.suspended else STATE_NAMES.get(card.state, "?")
        rows = [
            (pick("问题", "Question"), literal(card.pick(self.language), single_line=False)),
            (pick("卡组", "Deck"), literal(info.deck.pick(self.language))),
            (pick("分类", "Category"), Text(pick(*info.category) if info.category else "—")),
            (pick("状态", "State"), Text(pick(STATE_ZH.get(state, state), state))),
            (pick("添加于", "Added"), Text(when(card.created_at) if card.created_at else "—")),
            (pick("到期", "Due"), Text("—" if card.is_new else when(card.due))),
            (pick("间隔", "Interval"), Text(format_interval(card.interval) if card.interval is not None else "—")),
            (pick("稳定度", "Stability"), Text("—" if card.stability is None else
                                              pick(f"{card.stability:.1f} 天", f"{card.stability:.1f} days"))),
            (pick("难度", "Difficulty"), Text("—" if card.difficulty is None else f"{card.difficulty:.1f} / 10")),
            (pick("复习次数", "Reviews"), Text(str(info.reviews))),
            (pick("遗忘次数", "Lapses"), Text(str(info.lapses))),
            (pick("回答总时长", "Total answer time"), Text(f"{info.answer_ms / 1000:.0f}s")),
        ]
        if info.reviews:
            rows.append((pick("平均回答时长", "Average answer time"), Text(f"{info.answer_ms / 1000 / info.reviews:.0f}s")))
        for label, value in rows:
            facts.add_row(label, value)
        outer = Table.grid()
        outer.add_row(facts)
        outer.add_row(Text(""))
        if not info.history:
            outer.add_row(Text(pick("还没有复习记录", "No reviews yet"), "dim"))
            return outer
        history = Table(title=pick("复习记录（最新在前）", "Review history (newest first)"), title_justify="left",
                        expand=False, show_edge=False, pad_edge=False)
        for zh, en, justify in (("时间", "When", "left"), ("评分", "Rating", "left"), ("间隔", "Interval", "right"),
                                ("用时", "Time", "right"), ("方式", "Mode", "left")):
            history.add_column(pick(zh, en), justify=justify, no_wrap=True)
        for line in info.history:
            review = line.review
            rating = Text(pick(*RATING_NAMES.get(review.rating, ("?", "?"))), RATING_STYLES.get(review.rating, ""))
            if line.lapse:
                rating.append(pick(" 遗忘", " lapse"), "bold red")
            mode = pick("面试冲刺", "cram") if review.mode == "cram" else "FSRS"
            history.add_row(when(review.reviewed_at), rating,
                            format_interval(line.interval) if line.interval is not None else "—",
                            f"{review.duration_ms / 1000:.0f}s", mode)
        outer.add_row(history)
        return outer
