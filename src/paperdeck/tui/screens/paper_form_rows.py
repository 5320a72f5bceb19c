"""The paper form's rows: a label and its field, the error line under it (every tab uses them)."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.widget import Widget
from textual.widgets import Label

from ..widgets.panel import literal


def row(label: str, widget: Widget) -> ComposeResult:
    with Horizontal(classes="row"):
        yield Label(label, classes="field")
        yield widget


def field(name: str, label: str, widget: Widget) -> ComposeResult:
    """A row, and its error line (`#err-<name>`, shown by `show_error`)."""
    yield from row(label, widget)
    yield Label("", id=f"err-{name}", classes="error")


def show_error(label: Label, message: str) -> None:
    """An error under its field; an empty one takes no line."""
    if not message and not label.has_class("-shown"):
        return  # none shown, none to show: no repaint (a save clears ~20 of them)
    label.update(literal(message, single_line=False) if message else "")
    label.set_class(bool(message), "-shown")
