"""The paper form's Checklist tab: this stage's checklist (a tick saves at once) and the days
spent in each stage."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.widgets import Label, SelectionList, Static

from ...models.common import utcnow
from ...models.papers import stage_spans
from ...usecases.core import StoreError
from ...usecases.paper_form import tick_checklist_item
from ..widgets.panel import literal


class ChecklistTab:
    """Mixed into PaperFormModal: the checklist and the stage history, from `self.view`."""

    def _checklist_tab(self) -> ComposeResult:
        yield Label(self.pick("本阶段清单：空格勾选，立即保存", "This stage's checklist: Space ticks, saved at once"),
                    classes="note")
        yield SelectionList[int](id="form-checklist")
        yield Label(self.pick("各阶段天数", "Days in each stage"), classes="section")
        yield Static(id="form-history")

    def _load_checklist(self) -> None:
        view = self.view
        assert view is not None
        guide = view.guide
        options = []
        for item in view.checklist:
            text = item.text
            seeded = guide.get(item.seed_key or "")
            if seeded is not None and self.language == "zh":
                text = ("工具：" if seeded.kind == "tool" else "") + seeded.zh
            options.append((literal(text), item.id, item.done))
        checklist = self.query_one("#form-checklist", SelectionList)
        highlighted = checklist.highlighted
        checklist.clear_options()
        checklist.add_options(options)
        if options:  # a highlighted item from the start: the first Space ticks it
            checklist.highlighted = min(highlighted or 0, len(options) - 1)

    def _load_stage_days(self) -> None:
        view = self.view
        assert view is not None
        spans = stage_spans(list(view.history), utcnow())
        text = Text()
        for span in spans:
            text.append(f"{span.stage.pick(self.language)}: {span.days:.1f} {self.pick('天', 'days')}")
            if span.visits > 1:
                text.append(f" ({span.visits}×)", style="dim")
            text.append("\n")
        self.query_one("#form-history", Static).update(text)

    def on_selection_list_selection_toggled(self, event: SelectionList.SelectionToggled) -> None:
        item_id = event.selection.value
        done = item_id in event.selection_list.selected
        try:
            tick_checklist_item(self.store, item_id, done)
        except StoreError as error:
            self.notify(str(error), severity="error", markup=False)
            return
        self.wrote = True
