"""Pipeline: papers by stage."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.widgets import Footer, Header

from ...models.papers import STAGES
from ...paths import package_resource
from ..widgets.panel import Panel, literal
from .base import PaperdeckScreen


class PipelineScreen(PaperdeckScreen):
    CSS_PATH = package_resource("styles") / "pipeline.tcss"

    def compose(self) -> ComposeResult:
        yield Header()
        with Horizontal(id="board"):
            for stage in STAGES:
                yield Panel(id=f"col-{stage.value}", classes="column")
        yield Footer()

    def on_mount(self) -> None:
        self.refresh_data()

    def refresh_data(self) -> None:
        papers = self.store.papers.all()
        for stage in STAGES:
            column = [paper for paper in papers if paper.stage is stage]
            panel = self.query_one(f"#col-{stage.value}", Panel)
            panel.border_title = f"{stage.pick(self.language)} ({len(column)})"
            body = Text()
            for paper in column:
                body.append_text(literal(paper.title, "bold"))
                if paper.venue_key:
                    body.append(f"\n  {paper.venue_key.upper()} {paper.target_year or ''}", style="dim")
                body.append("\n")
            panel.update(body)
