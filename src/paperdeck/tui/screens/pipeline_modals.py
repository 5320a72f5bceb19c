"""Small dialogs of the Pipeline screen: quick capture, filter (delete asks a ChoiceDialog)."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.widgets import Button, Input, Label, Select

from ...models.papers import STAGES, PaperFilter, Stage
from ...domain.validation import FieldError, clean_title
from ..widgets.panel import literal
from ..widgets.safe_text import SafeInput
from .modal import PaperdeckModal
from .typing_kept import KeepsTyping


class QuickCaptureModal(KeepsTyping, PaperdeckModal[str]):
    """`n`: a title and Enter. Returns the cleaned title, or None when cancelled."""

    BINDINGS = [Binding("escape", "cancel", "Cancel", id="capture.cancel", tooltip="Close without adding")]

    def __init__(self, stage: Stage, value: str = ""):
        super().__init__()
        self.stage = stage
        self.value = value  # a title to retry after a refused save

    def compose(self) -> ComposeResult:
        zh = self.language == "zh"
        with Vertical(classes="dialog") as box:
            box.border_title = ("新论文 → " if zh else "New paper → ") + self.stage.pick(self.language)
            yield SafeInput(self.value, placeholder="标题，回车保存" if zh else "Title, then Enter", id="capture-title")
            yield Label("", id="capture-error", classes="error")

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        try:
            title = clean_title(event.value)
        except FieldError as error:
            self.query_one("#capture-error", Label).update(literal(error.say(self.language)))
            return
        self.dismiss(title)


class FilterModal(PaperdeckModal[PaperFilter]):
    """`/`: filter the board by text, venue, topic or stage. Enter applies; empty clears."""

    BINDINGS = [Binding("escape", "cancel", "Cancel", id="filter.cancel", tooltip="Keep the current filter")]

    def __init__(self, current: PaperFilter, venues: list[tuple[str, str]], topics: list[tuple[str, str]]):
        super().__init__()
        self.current = current
        self.venues = venues
        self.topics = topics

    def compose(self) -> ComposeResult:
        zh = self.language == "zh"
        with Vertical(classes="dialog") as box:
            box.border_title = "筛选" if zh else "Filter"
            yield SafeInput(self.current.text, placeholder="标题、作者、备注中的文字" if zh else "Text in title, authors, notes", id="filter-text")
            yield Select([(name, key) for name, key in self.venues], value=self.current.venue_key or Select.NULL,
                         prompt="任意会议" if zh else "Any venue", id="filter-venue")
            yield Select([(label, key) for label, key in self.topics], value=self.current.topic_key or Select.NULL,
                         prompt="任意方向" if zh else "Any topic", id="filter-topic")
            yield Select([(stage.pick(self.language), stage.value) for stage in STAGES],
                         value=self.current.stage.value if self.current.stage else Select.NULL,
                         prompt="任意阶段" if zh else "Any stage", id="filter-stage")
            with Horizontal(classes="buttons"):
                yield Button("应用" if zh else "Apply", variant="primary", id="filter-apply")
                yield Button("清除" if zh else "Clear", id="filter-clear")

    def _value(self, selector: str) -> str | None:
        value = self.query_one(selector, Select).value
        return None if value is Select.NULL or value is None else str(value)

    def _apply(self) -> None:
        stage = self._value("#filter-stage")
        self.dismiss(PaperFilter(
            text=self.query_one("#filter-text", Input).value.strip(),
            venue_key=self._value("#filter-venue"),
            topic_key=self._value("#filter-topic"),
            stage=Stage(stage) if stage else None,
        ))

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self._apply()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "filter-clear":
            self.dismiss(PaperFilter())
        else:
            self._apply()
