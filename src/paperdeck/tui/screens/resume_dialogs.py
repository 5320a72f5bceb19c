"""The Resume screen's dialogs: edit a paper's bullets; the path of a BibTeX file to import."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.widgets import Button, Label, TextArea

from ...textsafe import one_line
from ..widgets.safe_text import SafeTextArea
from .modal import PaperdeckModal
from .typing_kept import KeepsTyping

DIALOG_CSS = """
{name} > .dialog {{ width: 90; padding: 0 1; }}
{name} Label {{ width: 100%; }}
"""


class BulletsDialog(KeepsTyping, PaperdeckModal[list[str]]):
    """One bullet per line. Save with the button or F10 (never Ctrl+S alone); Escape cancels."""

    DEFAULT_CSS = DIALOG_CSS.format(name="BulletsDialog") + "BulletsDialog TextArea { height: 10; }"
    BINDINGS = [
        Binding("escape", "cancel", "Cancel", id="bullets.cancel", tooltip="Close without saving"),
        Binding("f10,ctrl+s", "save", "Save", id="bullets.save", priority=True, tooltip="Save the bullets"),
    ]

    def __init__(self, title: str, bullets: list[str]):
        super().__init__()
        self.paper_title = title
        self.bullets = bullets

    def typing_about(self) -> str:
        return self.pick(f"“{one_line(self.paper_title)}”的要点", f"bullets of “{one_line(self.paper_title)}”")

    def compose(self) -> ComposeResult:
        zh = self.language == "zh"
        with Vertical(classes="dialog") as box:
            box.border_title = "编辑要点" if zh else "Edit bullets"
            yield Label(one_line(self.paper_title), markup=False)
            yield Label("每行一条要点（来自贡献与结果，可改）。" if zh
                        else "One bullet per line (from the contribution and result lines; yours to edit).")
            yield SafeTextArea("\n".join(self.bullets), id="bullets-text", soft_wrap=True)
            with Horizontal(classes="buttons"):
                yield Button(self.button_label("保存", "Save", "save"), id="bullets-save", variant="primary")
                yield Button("取消" if zh else "Cancel", id="bullets-cancel")

    def on_mount(self) -> None:
        self.query_one("#bullets-text", TextArea).focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.action_save() if event.button.id == "bullets-save" else self.action_cancel()

    def action_save(self) -> None:
        # F10 / Ctrl+S are priority bindings: they run before the editor has taken the keys
        # typed just ahead of them. Save once the editor's queue reached here, so none is lost.
        self.query_one("#bullets-text", TextArea).call_later(self._save)

    def _save(self) -> None:
        text = self.query_one("#bullets-text", TextArea).text
        self.dismiss([line.strip().lstrip("-•*").strip() for line in text.splitlines() if line.strip()])
