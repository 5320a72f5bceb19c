"""Resume: the guide's formats for presenting papers."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.widgets import Footer, Header

from ...paths import package_resource
from ..widgets.panel import Panel, literal
from .base import PaperdeckScreen


class ResumeScreen(PaperdeckScreen):
    CSS_PATH = package_resource("styles") / "resume.tcss"

    def compose(self) -> ComposeResult:
        yield Header()
        with VerticalScroll():
            yield Panel(id="resume-formats")
        yield Footer()

    def on_mount(self) -> None:
        self.refresh_data()

    def refresh_data(self) -> None:
        body = Text()
        for fmt in self.store.guide.items("resume_format"):
            body.append_text(literal(fmt.pick(self.language), "bold"))
            body.append("\n")
            body.append_text(literal(str(fmt.data.get("example", "")), single_line=False))
            body.append("\n\n")
        panel = self.query_one("#resume-formats", Panel)
        panel.border_title = self.pick("简历中如何呈现顶会论文", "Papers on a resume")
        panel.update(body)
