"""Asks where to write a file (the default shown, editable) and writes it through the one safe
writer (usecases/output_files.py): an existing file is replaced only after a second Enter; the
database, its backups, links, folders and devices are refused with the reason shown."""

from __future__ import annotations

from pathlib import Path

from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.widgets import Button, Input, Label

from ...usecases.output_files import OutputRefused, shown, write_output
from ..widgets.safe_text import SafeInput
from .modal import PaperdeckModal


class SaveFileDialog(PaperdeckModal[Path]):
    """Dismisses with the path written, or None (cancelled)."""

    DEFAULT_CSS = """
    SaveFileDialog Input { margin: 1 0 0 0; }
    SaveFileDialog #save-error { width: 100%; margin-top: 1; }
    """

    def __init__(self, title: tuple[str, str], default: Path, data: str, db_path: Path):
        super().__init__(id="save-file")
        self.title_pair = title
        self.default = default
        self.data = data
        self.db_path = db_path
        self._replace: str | None = None  # the name the user was asked to confirm replacing

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog") as box:
            box.border_title = self.pick(*self.title_pair)
            yield Label(self.pick("写入文件（可修改路径）：", "Write to this file (edit the path if you like):"), markup=False)
            yield SafeInput(str(self.default), id="save-path")
            yield Label("", id="save-error", classes="error", markup=False)
            with Horizontal(classes="buttons"):
                yield Button(self.pick("保存 (Enter)", "Save (Enter)"), id="save-ok", variant="primary")
                yield Button(self.button_label("取消", "Cancel", "cancel"), id="save-cancel")

    def on_mount(self) -> None:
        self._say("")
        self.query_one("#save-path", Input).focus()

    def on_input_changed(self, event: Input.Changed) -> None:
        if event.value != self._replace:
            self._replace = None
            self._say("")
            self.remove_class("-warning")

    def _say(self, text: str) -> None:
        error = self.query_one("#save-error", Label)
        error.update(text)
        error.display = bool(text)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.save()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        if event.button.id == "save-ok":
            self.save()
        else:
            self.dismiss(None)

    def save(self) -> None:
        name = self.query_one("#save-path", Input).value.strip()
        try:
            written = write_output(name, self.data, db_path=self.db_path, force=self._replace == name)
        except OutputRefused as refusal:
            if refusal.exists:
                self._replace = name
                self.add_class("-warning")
                self._say(self.pick(f"{shown(name)} 已存在。再按 Enter 覆盖它，或修改路径。",
                                    f"{shown(name)} exists. Press Enter again to replace it, or change the path."))
            else:
                self._say(str(refusal))
            return
        self.dismiss(written)
