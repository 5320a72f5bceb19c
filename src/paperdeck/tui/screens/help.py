"""`?`: every key of the screen in view, from its active bindings."""

from __future__ import annotations

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Static

from ..keys import binding_text
from ..registry import SCREENS
from .modal import PaperdeckModal


class HelpScreen(PaperdeckModal[None]):
    DEFAULT_CSS = """
    HelpScreen > .dialog { max-height: 80%; padding: 0 1; }
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
            if (key, label) in seen or not binding.description or not binding.id:
                continue  # a binding without an id is a widget's own (scrolling, copying): not the app's keys
            seen.add((key, label))
            # Active bindings carry the keys after the user's keymap: show them as they are.
            table.add_row(Text(self.app.get_key_display(binding)), Text(binding_text(self.app, binding)[1] or label))
        with VerticalScroll(classes="dialog") as scroll:
            scroll.border_title = self.pick("按键 — ", "Keys — ") + self._screen_name()
            yield Static(table)

    def _screen_name(self) -> str:
        name = type(self.target).__name__
        entry = next((entry for entry in SCREENS if entry.class_name == name), None)
        return entry.label(self.language) if entry is not None else name.removesuffix("Screen")

    def action_dismiss(self) -> None:
        self.dismiss(None)
