"""`?`: every key of the screen in view, from its active bindings, grouped: this screen's,
the screens', the app's. Widgets' own keys (scrolling, copying: bindings without an id) are left out."""

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
        groups: dict[str, dict[str, tuple[list[str], str]]] = {group: {} for group in self._group_names()}
        for _key, active in self.target.active_bindings.items():
            binding = active.binding
            if not binding.description or not binding.id:
                continue  # a binding without an id is a widget's own (scrolling, copying): not the app's keys
            # One row per binding, its keys together ("↑ k"); active bindings carry the keys
            # after the user's keymap: shown as they are.
            keys, _text = groups[self._group_of(binding.id)].setdefault(
                binding.id, ([], binding_text(self.app, binding)[1] or binding.description))
            shown = self.app.get_key_display(binding)
            if shown not in keys:
                keys.append(shown)
        table = Table.grid(padding=(0, 2))
        table.add_column(style="bold", no_wrap=True)
        table.add_column()
        for group, rows in groups.items():
            if not rows:
                continue
            if table.row_count:
                table.add_row("", "")
            table.add_row(Text(group, style="bold underline"), "")
            for keys, text in rows.values():
                table.add_row(Text(" ".join(keys)), Text(text))
        with VerticalScroll(classes="dialog") as scroll:
            scroll.border_title = self.pick("按键 — ", "Keys — ") + self._screen_name()
            yield Static(table)

    def _group_names(self) -> tuple[str, str, str]:
        return (self._screen_name(), self.pick("切换屏幕", "Screens"), self.pick("全局", "Everywhere"))

    def _group_of(self, binding_id: str) -> str:
        """This screen's keys (its widgets' included), the screen keys 1-6, then the app's."""
        here, screens, everywhere = self._group_names()
        if binding_id.startswith("screen."):
            return screens
        if binding_id.startswith("app.") or binding_id == "command_palette":
            return everywhere
        return here

    def _screen_name(self) -> str:
        name = type(self.target).__name__
        entry = next((entry for entry in SCREENS if entry.class_name == name), None)
        return entry.label(self.language) if entry is not None else name.removesuffix("Screen")

    def action_dismiss(self) -> None:
        self.dismiss(None)
