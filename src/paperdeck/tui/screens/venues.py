"""Venues: the guide's conference table and submission rhythm."""

from __future__ import annotations

from rich.table import Table
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.widgets import Footer, Header

from ...paths import package_resource
from ..widgets.panel import Panel, literal
from .base import PaperdeckScreen


class VenuesScreen(PaperdeckScreen):
    CSS_PATH = package_resource("styles") / "venues.tcss"

    def compose(self) -> ComposeResult:
        yield Header()
        with VerticalScroll():
            yield Panel(id="venue-table")
        yield Footer()

    def on_mount(self) -> None:
        self.refresh_data()

    def refresh_data(self) -> None:
        table = Table(expand=True, box=None, header_style="bold")
        table.add_column(self.pick("会议", "Venue"), no_wrap=True)
        table.add_column(self.pick("领域", "Field"))
        table.add_column(self.pick("代表论文类型", "Typical papers"))
        table.add_column(self.pick("指南投稿节奏", "Guide's rhythm"))
        for venue in self.store.venues.all():
            table.add_row(
                literal(venue.name, "bold"),
                literal(self.pick(venue.field_zh, venue.field_en)),
                literal(self.pick(venue.paper_types_zh, venue.paper_types_en)),
                literal(self.pick(venue.guide_note_zh, venue.guide_note_en), "dim"),
            )
        panel = self.query_one("#venue-table", Panel)
        panel.border_title = self.pick("常见 LLM 相关会议", "LLM-related venues")
        panel.update(table)
