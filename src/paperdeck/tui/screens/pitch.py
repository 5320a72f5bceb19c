"""Pitch: the guide's five-part, 5-8 minute paper pitch."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.widgets import Footer, Header

from ...paths import package_resource
from ..widgets.panel import Panel, literal
from .base import PaperdeckScreen


class PitchScreen(PaperdeckScreen):
    CSS_PATH = package_resource("styles") / "pitch.tcss"

    def compose(self) -> ComposeResult:
        yield Header()
        with VerticalScroll():
            yield Panel(id="pitch-parts")
        yield Footer()

    def on_mount(self) -> None:
        self.refresh_data()

    def refresh_data(self) -> None:
        body = Text()
        for number, part in enumerate(self.store.guide.items("pitch_part"), start=1):
            body.append(f"{number}. ", style="bold")
            body.append_text(literal(f"{part.zh} ({part.en})", "bold"))
            example = self.pick(part.data.get("example_zh", ""), part.data.get("example_en", ""))
            body.append("\n   ")
            body.append_text(literal(example, "italic"))
            body.append("\n")
        panel = self.query_one("#pitch-parts", Panel)
        panel.border_title = self.pick("推荐结构（5~8 分钟）", "Pitch structure (5-8 minutes)")
        panel.update(body)
