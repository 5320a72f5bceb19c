"""Small forms for the Venues screen: add/edit a venue or a deadline, import files.

A form calls `save(values)`; a store ValidationError (or ValueError) is shown in the form and
the form stays open, so no input is lost. Enter saves, Escape cancels (no Ctrl-only keys).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.widgets import Button, Input, Label, Static

from ...textsafe import one_line
from ..widgets.safe_text import SafeInput
from .modal import PaperdeckModal
from .typing_kept import KeepsTyping


class FormModal(KeepsTyping, PaperdeckModal[Any]):
    DEFAULT_CSS = """
    FormModal > .dialog { width: 76; padding: 0 1; }
    FormModal Label { margin-top: 1; }
    """
    BINDINGS = [Binding("escape", "cancel", "Cancel", id="form.cancel", tooltip="Close without saving")]

    def __init__(self, title: str, fields: list[tuple[str, str, str]], save: Callable[[dict[str, str]], Any]):
        super().__init__()
        self.form_title = title
        self.fields = fields
        self.save = save

    def compose(self) -> ComposeResult:
        with VerticalScroll(classes="dialog") as scroll:
            scroll.border_title = self.form_title
            for name, label, value in self.fields:
                yield Label(Text(label))
                yield SafeInput(value=value, id=f"field-{name}", select_on_focus=False)
            yield Static("", id="form-error", classes="error")
            with Horizontal(classes="buttons"):
                yield Button(self.pick("保存", "Save"), variant="primary", id="form-save")
                yield Button(self.pick("取消", "Cancel"), id="form-cancel")

    def on_mount(self) -> None:
        self.query(Input).first().focus()

    def values(self) -> dict[str, str]:
        return {name: self.query_one(f"#field-{name}", Input).value for name, _, _ in self.fields}

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.submit()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        if event.button.id == "form-save":
            self.submit()
        else:
            self.dismiss(None)

    def submit(self) -> None:
        from ...usecases.core import StoreError

        try:
            result = self.save(self.values())
        except (StoreError, ValueError) as error:
            self.query_one("#form-error", Static).update(Text(one_line(str(error))))
            return
        self.dismiss(result if result is not None else True)
