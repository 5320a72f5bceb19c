"""Flashcards: the guide's interview follow-up questions by category."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.widgets import Footer, Header

from ...paths import package_resource
from ..widgets.panel import Panel, literal
from .base import PaperdeckScreen


class FlashcardsScreen(PaperdeckScreen):
    CSS_PATH = package_resource("styles") / "flashcards.tcss"

    def compose(self) -> ComposeResult:
        yield Header()
        with VerticalScroll():
            yield Panel(id="questions")
        yield Footer()

    def on_mount(self) -> None:
        self.refresh_data()

    def refresh_data(self) -> None:
        body = Text()
        for category in self.store.guide.items("question_category"):
            body.append_text(literal(category.pick(self.language), "bold"))
            body.append("\n")
            for question in self.store.guide.items("question", parent_key=category.key):
                body.append_text(literal("  • " + question.pick(self.language)))
                body.append("\n")
        panel = self.query_one("#questions", Panel)
        panel.border_title = self.pick("面试常见追问", "Interview follow-up questions")
        panel.update(body)
