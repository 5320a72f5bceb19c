"""The paper form's rows: a label and its field, the error line under it (every tab uses them).

The Details and Links tabs lay their fields out as a two-column grid (class `fields`): a field
is two widgets, its label and itself, with no row container; its error line is made when it
first has an error (`error_line`). Most openings show no error: ~30 fewer widgets to build."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.widget import Widget
from textual.widgets import Input, Label

from ..widgets.panel import literal

# The grid of a tab holding fields (the tab's scrolling container has the class `fields`).
FIELDS_CSS = """
PaperFormModal .fields { layout: grid; grid-size: 2; grid-columns: 26 1fr; grid-rows: auto; }
PaperFormModal .fields > Label.field { width: 26; padding: 0 1 0 0; }
PaperFormModal .fields > .wide { column-span: 2; }
PaperFormModal .fields > .error-gap { display: none; height: 1; }
PaperFormModal .fields > .error-gap.-shown { display: block; }
"""


def row(label: str, widget: Widget) -> ComposeResult:
    with Horizontal(classes="row"):
        yield Label(label, classes="field")
        yield widget


def field(label: str, widget: Widget) -> ComposeResult:
    """A field in a `fields` grid: its label, then the field."""
    yield Label(label, classes="field")
    yield widget


class ErrorLine(Label):
    """A field's error line in a `fields` grid, under the field: the empty cell before it
    (`gap`, under the label) shows and hides with it. (Not one cell spanning both columns: the
    grid sizes an auto row by each column's width, so a long message would take the height it
    wraps to in the label's 26 columns.)"""

    def __init__(self, name: str, message: str):
        super().__init__(literal(message, single_line=False), id=f"err-{name}", classes="error -shown")
        self.gap = Label("", classes="error-gap -shown")


def fill(field: Input, text: str) -> None:
    """`text` in `field` as if it were new, the cursor at its end (Textual keeps the cursor
    where it was when a value is set again: the form is kept between openings)."""
    field.value = text
    field.cursor_position = len(field.value)


def show_error(label: Label, message: str) -> None:
    """An error under its field; an empty one takes no line."""
    if not message and not label.has_class("-shown"):
        return  # none shown, none to show: no repaint (a save clears ~20 of them)
    label.update(literal(message, single_line=False) if message else "")
    label.set_class(bool(message), "-shown")
    if isinstance(label, ErrorLine):
        label.gap.set_class(bool(message), "-shown")
