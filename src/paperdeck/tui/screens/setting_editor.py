"""The one-line editor of a setting: its label, help and what it accepts, the value, and the
refusal under it (in the content language, naming the setting by its label) until a value is
accepted. Enter saves; Escape leaves the setting as it was. Returns the saved row, or None."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.widgets import Input, Label, Static

from ...domain.setting_kinds import SettingError
from ...usecases.core import StoreError
from ...usecases.settings import SettingRow, save_typed_text
from ..widgets.panel import literal
from ..widgets.safe_text import SafeInput
from .modal import PaperdeckModal


class SettingEditor(PaperdeckModal[SettingRow]):
    DEFAULT_CSS = "SettingEditor #setting-error { width: 1fr; }"
    BINDINGS = [Binding("escape", "cancel", "Cancel", id="setting.cancel", tooltip="Keep the setting as it was")]

    def __init__(self, row: SettingRow):
        super().__init__(id="setting-editor")
        self.row = row

    def compose(self) -> ComposeResult:
        spec = self.row.spec
        with Vertical(classes="dialog") as box:
            box.border_title = spec.label(self.language)
            about = literal(spec.help(self.language), single_line=False)
            about.append("\n" + self.pick("可填：", "Accepts: "), style="dim")
            about.append_text(literal(spec.describe(self.language), "dim"))
            yield Static(about, id="setting-about")
            yield SafeInput(self.row.text, id="setting-value",
                            placeholder=self.pick("回车保存，Esc 取消", "Enter saves, Esc cancels"))
            yield Label("", id="setting-error", classes="error")

    def on_mount(self) -> None:
        self.query_one("#setting-value", Input).focus()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        error = self.query_one("#setting-error", Label)
        try:
            saved = save_typed_text(self.store, self.row.key, event.value)
        except SettingError as refused:
            error.update(Text(self.row.spec.refusal(refused, self.language)))
            return
        except StoreError as refused:
            error.update(Text(str(refused)))
            return
        self.dismiss(saved)
