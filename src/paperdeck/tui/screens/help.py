"""`?`: every key of the screen in view, from its active bindings."""

from __future__ import annotations

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen, Screen
from textual.widgets import Static


class HelpScreen(ModalScreen[None]):
    DEFAULT_CSS = """
    HelpScreen { align: center middle; }
    HelpScreen > VerticalScroll {
        width: 72; max-height: 80%; height: auto;
        border: thick $accent; background: $surface; padding: 0 1;
    }
    """
    BINDINGS = [
        Binding("escape,question_mark,q", "dismiss", "Close", id="help.close"),
    ]

    def __init__(self, screen: Screen):
        super().__init__()
        self.target = screen

    def compose(self) -> ComposeResult:
        table = Table.grid(padding=(0, 2))
        table.add_column(style="bold", no_wrap=True)
        table.add_column()
        seen: set[str] = set()
        for key, active in self.target.active_bindings.items():
            binding = active.binding
            label = binding.description or binding.action
            if (key, label) in seen or not binding.description:
                continue
            seen.add((key, label))
            display = self.app.get_key_display(binding)
            table.add_row(Text(display), Text(binding.tooltip or label))
        with VerticalScroll() as scroll:
            scroll.border_title = f"Keys — {self.target.__class__.__name__.removesuffix('Screen')}"
            yield Static(table)

    def action_dismiss(self) -> None:
        self.dismiss()
