"""A BibTeX import's preview as a list to edit before importing: each entry imported or not
(a duplicate may be imported anyway), and whether it goes on the resume.

Rows: `[x] ★ ◉ [ICLR 2026] key: Title (why)` — imported, mine, on the resume, the venue as
the resume will name it. The items are the plan's own (`PlanItem`), changed in place through
the bib use case's edit functions, so what the list shows is what `apply_plan` writes.
"""

from __future__ import annotations

from rich.text import Text
from textual.binding import Binding
from textual.message import Message
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from ...models.imports import Action, ImportPlan, PlanItem
from ...usecases.imports import bib as bib_import
from .panel import literal


def legend(language: str) -> str:
    if language == "zh":
        return "[x] 导入  ★ 我的  ◉ 上简历 · 空格 导入与否  r 上简历与否  m 只放我的  R 全部上简历  Enter 导入"
    return "[x] import  ★ mine  ◉ on the resume · space import or not  r resume or not  m mine only  R all on  Enter imports"


class PlanList(OptionList):
    """The editable items of a BibTeX preview."""

    BINDINGS = [
        Binding("space", "toggle_include", "Import or not", id="plan.include",
                tooltip="Import this entry or not (a duplicate can be imported anyway)"),
        Binding("r", "toggle_resume", "Resume or not", id="plan.resume", tooltip="Put this paper on the resume or not"),
        Binding("m", "mine_only", "Mine only", id="plan.mine", tooltip="On the resume: only the papers with my name"),
        Binding("R", "all_on_resume", "All on resume", id="plan.all", tooltip="Put every imported paper on the resume"),
    ]

    class Edited(Message):
        """The user changed the plan (the dialog shows the new counts)."""

    def __init__(self, *, id: str | None = None):
        super().__init__(id=id)
        self.plan: ImportPlan | None = None
        self.items: list[PlanItem] = []

    def show_plan(self, plan: ImportPlan) -> None:
        self.plan = plan
        self.items = [item for item in plan.items if item.kind == "paper" and item.values]
        self.clear_options()
        self.add_options([Option(self._row(item), id=str(index)) for index, item in enumerate(self.items)])
        if self.items:
            self.highlighted = 0

    @staticmethod
    def _row(item: PlanItem) -> Text:
        added = item.action is Action.ADD
        mine = bib_import.is_mine(item.values)
        shown = bib_import.on_resume(item)
        row = Text("[x] " if added else "[ ] ", style="bold green" if added else "dim")
        row.append("★ " if mine else "  ", style="yellow")
        row.append("◉ " if shown and added else "  ", style="cyan")
        label = bib_import.resume_label(item)
        if label:
            row.append_text(literal(f"[{label}] ", "bold" if added else "dim"))
        row.append_text(literal(item.subject, "" if added else "dim"))
        if item.why:
            row.append_text(literal(f" ({item.why})", "yellow" if not added else "dim"))
        return row

    def _refresh_rows(self, indices: range | list[int]) -> None:
        for index in indices:
            self.replace_option_prompt_at_index(index, self._row(self.items[index]))
        self.post_message(self.Edited())

    def _current(self) -> int | None:
        index = self.highlighted
        return index if index is not None and 0 <= index < len(self.items) else None

    def action_toggle_include(self) -> None:
        index = self._current()
        if index is None:
            return
        item = self.items[index]
        bib_import.include(item, item.action is not Action.ADD)
        self._refresh_rows([index])
        if index + 1 < len(self.items):
            self.action_cursor_down()

    def action_toggle_resume(self) -> None:
        index = self._current()
        if index is None:
            return
        item = self.items[index]
        bib_import.set_on_resume(item, not bib_import.on_resume(item))
        self._refresh_rows([index])
        if index + 1 < len(self.items):
            self.action_cursor_down()

    def action_mine_only(self) -> None:
        if self.plan is not None:
            bib_import.only_mine(self.plan)
            self._refresh_rows(range(len(self.items)))

    def action_all_on_resume(self) -> None:
        for item in self.items:
            bib_import.set_on_resume(item, True)
        self._refresh_rows(range(len(self.items)))
