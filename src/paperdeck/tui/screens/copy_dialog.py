"""Shown when no clipboard can be reached: the text, selectable, to copy by hand."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.widgets import Button, Label, TextArea

from ...textsafe import one_line, printable
from ..clipboard import problem_text
from .modal import PaperdeckModal


class CopyDialog(PaperdeckModal[None]):
    DEFAULT_CSS = """
    CopyDialog > .dialog { width: 90%; max-width: 110; padding: 0 1; }
    CopyDialog TextArea { height: 16; }
    CopyDialog Label { width: 100%; margin: 0 0 1 0; }
    CopyDialog Button { margin-top: 1; }
    """
    BINDINGS = [Binding("escape", "close", "Close", id="copy.close", tooltip="Close this dialog")]

    def __init__(self, text: str, problem: str = ""):
        super().__init__(classes="-warning")
        self.text = text
        self.problem = problem

    def compose(self) -> ComposeResult:
        zh = self.language == "zh"
        with Vertical(classes="dialog") as box:
            box.border_title = "手动复制" if zh else "Copy by hand"
            why = f" ({one_line(problem_text(self.problem, self.language))})" if self.problem else ""
            message = ("无法访问剪贴板" + why + "。请选中下面的文本并用终端复制。") if zh else (
                "No clipboard could be reached" + why + ". Select the text below and copy it with your terminal.")
            yield Label(message, markup=False)
            yield TextArea(printable(self.text), read_only=True, id="copy-text", soft_wrap=True)
            yield Button("关闭" if zh else "Close", id="copy-close")

    def on_mount(self) -> None:
        area = self.query_one("#copy-text", TextArea)
        area.focus()
        area.select_all()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.dismiss()

    def action_close(self) -> None:
        self.dismiss(None)
