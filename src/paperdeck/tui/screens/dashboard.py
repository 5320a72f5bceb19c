"""Dashboard: the first screen of the day."""

from __future__ import annotations

from datetime import date

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Grid
from textual.widgets import Footer, Header

from ...models.papers import STAGES
from ...paths import package_resource
from ..widgets.panel import Panel, literal
from .base import PaperdeckScreen


class DashboardScreen(PaperdeckScreen):
    CSS_PATH = package_resource("styles") / "dashboard.tcss"

    def compose(self) -> ComposeResult:
        yield Header()
        with Grid(id="dashboard-grid"):
            yield Panel(id="dash-papers")
            yield Panel(id="dash-rhythm")
            yield Panel(id="dash-cards")
            yield Panel(id="dash-line")
        yield Footer()

    def on_mount(self) -> None:
        self.refresh_data()

    def refresh_data(self) -> None:
        store = self.store
        papers = store.papers.all()
        by_stage = Table.grid(padding=(0, 2))
        by_stage.add_column()
        by_stage.add_column(justify="right")
        for stage in STAGES:
            count = sum(1 for paper in papers if paper.stage is stage)
            by_stage.add_row(Text(stage.pick(self.language)), Text(str(count)))
        panel = self.query_one("#dash-papers", Panel)
        panel.border_title = self.pick("论文", "Papers")
        panel.update(by_stage)

        rhythm = Text()
        for item in store.guide.items("rhythm"):
            rhythm.append_text(literal("• " + item.pick(self.language)))
            rhythm.append("\n")
        panel = self.query_one("#dash-rhythm", Panel)
        panel.border_title = self.pick("投稿节奏（指南）", "Submission rhythm (guide)")
        panel.update(rhythm)

        decks = store.cards.decks()
        cards = Text(self.pick(f"{len(decks)} 个卡组，", f"{len(decks)} decks, "))
        questions = store.guide.items("question")
        cards.append(self.pick(f"指南追问 {len(questions)} 题", f"{len(questions)} follow-up questions in the guide"))
        panel = self.query_one("#dash-cards", Panel)
        panel.border_title = self.pick("闪卡", "Flashcards")
        panel.update(cards)

        lines = store.guide.items("reason") + store.guide.items("platform")
        panel = self.query_one("#dash-line", Panel)
        panel.border_title = self.pick("今日一句", "Line of the day")
        if lines:
            item = lines[date.today().toordinal() % len(lines)]
            title = item.data.get("title_zh" if self.language == "zh" else "title_en") or item.data.get("name", "")
            text = Text()
            if title:
                text.append_text(literal(title, "bold"))
                text.append(" — ")
            text.append_text(literal(item.pick(self.language)))
            panel.update(text)
