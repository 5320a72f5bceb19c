"""The pitch's version history: pick one to restore (the current text is kept as a version)."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Label, OptionList
from textual.widgets.option_list import Option

from ...models.pitch import PitchVersion
from ...textsafe import one_line


class PitchHistory(ModalScreen[int | None]):
    DEFAULT_CSS = """
    PitchHistory { align: center middle; }
    PitchHistory > Vertical { width: 96; height: auto; max-height: 80%; border: thick $accent;
        background: $surface; padding: 0 1; }
    PitchHistory OptionList { height: auto; max-height: 24; }
    """
    BINDINGS = [Binding("escape", "cancel", "Close", id="pitch-history.close", tooltip="Close without restoring")]

    def __init__(self, versions: list[PitchVersion], language: str = "en"):
        super().__init__()
        self.versions = versions
        self.language = language

    def compose(self) -> ComposeResult:
        zh = self.language == "zh"
        with Vertical() as box:
            box.border_title = "版本历史" if zh else "Version history"
            if not self.versions:
                yield Label("还没有版本。" if zh else "No versions yet: one is kept each time you leave the editor.")
            else:
                yield Label("Enter 恢复所选版本（当前文本会先存为一个版本）" if zh
                            else "Enter restores the version (the current text is kept as a version first)")
            options = []
            for version in self.versions:
                when = version.created_at.astimezone().strftime("%Y-%m-%d %H:%M") if version.created_at else "?"
                chars = sum(len(body) for body in version.sections.values())
                first = next((body for body in version.sections.values() if body.strip()), "")
                label = Text(f"{when}  {chars:>6} chars  ", style="bold")
                label.append(one_line(first)[:60])
                options.append(Option(label, id=str(version.id)))
            yield OptionList(*options, id="pitch-history-list")

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.dismiss(int(event.option.id) if event.option.id else None)

    def action_cancel(self) -> None:
        self.dismiss(None)
