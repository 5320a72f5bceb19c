"""The one import dialog (BibTeX on Resume, deadlines on Venues, cards on Flashcards).

Type paths (quoted as in a shell; `~` and * ? patterns expand), then F3 previews the plan and
Enter imports. A BibTeX preview is a list to edit first (import an entry or not, a duplicate
anyway, on the resume or not); Enter then imports the plan as edited, unless the database
changed since the preview (then it previews again). Reading, parsing and applying run in a worker thread, so a slow or hostile file
never freezes the app; Esc cancels (nothing is written unless the import had already started
writing, in which case it finishes whole). After an import the dialog shows what happened and
`u` undoes it as one step.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import partial

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.widgets import Button, Input, Label, Static
from textual.worker import Worker

from ...models.imports import ImportPlan
from ..widgets.panel import literal
from ..widgets.plan_list import PlanList, legend
from ..widgets.safe_text import SafeInput
from .modal import PaperdeckModal

SHOWN_ITEMS = 12
SHOWN_PROBLEMS = 8


@dataclass(frozen=True, slots=True)
class ImportTexts:
    title: tuple[str, str]       # (zh, en)
    hint: tuple[str, str]
    placeholder: str


TEXTS = {
    "bib": ImportTexts(("导入 BibTeX", "Import BibTeX"),
                       ("BibTeX 文件路径（F3 预览：选择导入哪些、哪些上简历；重复条目会说明原因）：",
                        "Path of a .bib file (F3 previews: choose what to import and what goes on the resume; "
                        "duplicates say why):"),
                       "~/papers.bib"),
    "deadlines": ImportTexts(("导入截稿", "Import deadlines"),
                             ("ccfddl、Hugging Face 或 paperswithcode 的 YAML 文件（空格分隔，可用 * ? 通配）：",
                              "YAML files from ccfddl, Hugging Face or paperswithcode (separated by spaces; "
                              "* ? patterns work; quote paths with spaces):"),
                             "~/ccf-deadlines/conference/AI/*.yml"),
    "cards": ImportTexts(("导入卡片", "Import cards"),
                         ("CSV 或 TSV 文件，表头：deck, category, front, front_zh, back, suspended",
                          "A CSV or TSV file with a header: deck, category, front, front_zh, back, suspended"),
                         "~/cards.csv"),
}


class ImportDialog(PaperdeckModal[ImportPlan]):
    """Dismissed with the applied plan (None if nothing was imported or it was undone)."""

    DEFAULT_CSS = """
    ImportDialog > .dialog { width: 96; padding: 0 1; }
    ImportDialog Label { width: 100%; }
    ImportDialog .buttons { margin-bottom: 1; }
    ImportDialog #import-result-scroll { height: auto; max-height: 16; }
    ImportDialog #import-plan { height: auto; max-height: 12; display: none; border: round $primary 50%;
                                text-wrap: nowrap; text-overflow: ellipsis; }
    ImportDialog #import-plan:focus { border: round $accent; }
    ImportDialog.-editing > .dialog { height: 90%; }
    ImportDialog.-editing #import-plan { display: block; height: 1fr; max-height: 100%; min-height: 4; }
    ImportDialog.-editing #import-result-scroll { max-height: 6; }
    ImportDialog.-editing Label { display: none; }
    ImportDialog #import-result { width: 100%; height: auto; }
    """
    BINDINGS = [
        Binding("escape", "cancel", "Cancel", id="import.cancel", tooltip="Close; a running import is cancelled"),
        Binding("f3", "preview", "Preview", id="import.preview", priority=True,
                tooltip="Show what would be added, updated and skipped, changing nothing"),
        Binding("u", "undo", "Undo import", id="import.undo", tooltip="Undo the import just made"),
    ]

    def __init__(self, kind: str):
        super().__init__()
        self.kind = kind
        self.texts = TEXTS[kind]
        self.applied: ImportPlan | None = None
        self.running = False
        self.cancelled = False
        self.worker: Worker | None = None   # the running or last import (tests wait on it)
        self.preview: ImportPlan | None = None  # a BibTeX preview being edited
        self.prepared = None                    # what it was planned from
        self.previewed_names = ""               # the paths as typed when it was made

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog") as box:
            box.border_title = self.pick(*self.texts.title)
            yield Label(self.pick(*self.texts.hint))
            yield SafeInput(placeholder=self.texts.placeholder, id="import-path")
            with Horizontal(classes="buttons"):
                yield Button(self.pick("导入 (Enter)", "Import (Enter)"), id="import-go", variant="primary")
                yield Button(self.button_label("预览", "Preview", "preview"), id="import-preview")
                yield Button(self.button_label("撤销导入", "Undo import", "undo"), id="import-undo", disabled=True)
                yield Button(self.button_label("关闭", "Close", "cancel"), id="import-close")
            with VerticalScroll(id="import-result-scroll"):
                yield Static(id="import-result")
            yield PlanList(id="import-plan")

    def on_mount(self) -> None:
        self.query_one("#import-path", Input).focus()

    # -- starting -----------------------------------------------------------------------------

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self._import()

    def on_option_list_option_selected(self, event) -> None:
        event.stop()  # Enter in the preview list imports the plan as edited
        self._import()

    def on_plan_list_edited(self, event: PlanList.Edited) -> None:
        event.stop()
        if self.preview is not None:
            self.query_one("#import-result", Static).update(self._plan_text(self.preview))

    def _import(self) -> None:
        """Import: the edited preview when there is one for the paths typed, else afresh."""
        if self.preview is not None and self.query_one("#import-path", Input).value == self.previewed_names:
            self._apply_preview()
        else:
            self._start(dry_run=False)

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        actions = {"import-go": self._import, "import-preview": self.action_preview,
                   "import-undo": self.action_undo, "import-close": self.action_cancel}
        actions[event.button.id or "import-close"]()

    def action_preview(self) -> None:
        # F3 is a priority binding: it runs before the path field has taken the keys typed
        # just ahead of it (a fast typist, a paste). Start once the field's queue reached here.
        self.query_one("#import-path", Input).call_later(self._start, dry_run=True)

    def _start(self, *, dry_run: bool) -> None:
        from ...usecases.imports.files import expand_names

        if self.running or self.applied is not None:
            return
        try:
            names = expand_names(self.query_one("#import-path", Input).value)
        except ValueError as error:
            self._show(str(error), "red")
            return
        if not names:
            self._show(self.pick("请输入文件路径", "Give a file path"), "yellow")
            return
        self.running = True
        self._end_preview()
        self._show(self.pick("读取中…（Esc 取消）", "Reading… (Esc cancels)"), "")
        # The app's worker, not the dialog's: it must end on its own terms (written whole, or
        # cancelled before writing) even after Esc has closed the dialog.
        self.worker = self.app.run_worker(partial(self._run, self.app, names, dry_run), thread=True,
                                          group="import", exit_on_error=False)

    def _run(self, app, names: list[str], dry_run: bool) -> None:
        """In a thread: read, parse, plan and apply. `app` is passed in, since the dialog may
        be gone (cancelled) by the time this ends."""
        from ...usecases.core import StoreError
        from ...usecases.imports import ImportCancelled, ImportRefused, execute, prepare

        try:
            prepared = prepare(self.kind, names)
            plan = execute(app.store, prepared, dry_run=dry_run, cancelled=lambda: self.cancelled)
            if dry_run and self.kind == "bib":
                app.call_from_thread(self._keep_preview, plan, prepared)
        except ImportCancelled:
            return
        except (ImportRefused, StoreError, ValueError) as error:
            if not self.cancelled:
                shown = error.message(self.language) if isinstance(error, ImportRefused) else str(error)
                app.call_from_thread(self._failed, shown)
            return
        if self.cancelled:
            if plan.applied:  # writing had begun when Esc came: it finished whole; say so
                from ...usecases.imports.report import summary

                app.call_from_thread(app.notify, literal(summary(plan, language=self.language)).plain,
                                     title=self.pick(*self.texts.title), timeout=10)
            return
        app.call_from_thread(self._done, plan)

    # -- a BibTeX preview to edit ------------------------------------------------------------

    def _keep_preview(self, plan: ImportPlan, prepared) -> None:
        if not plan.items:
            return
        self.preview, self.prepared = plan, prepared
        self.previewed_names = self.query_one("#import-path", Input).value
        self.add_class("-editing")
        plan_list = self.query_one("#import-plan", PlanList)
        plan_list.show_plan(plan)
        plan_list.focus()

    def _end_preview(self) -> None:
        self.preview = self.prepared = None
        self.remove_class("-editing")

    def _apply_preview(self) -> None:
        if self.running or self.applied is not None or self.preview is None:
            return
        self.running = True
        plan, prepared = self.preview, self.prepared
        self._show(self.pick("导入中…", "Importing…"), "")
        self.worker = self.app.run_worker(partial(self._run_apply, self.app, prepared, plan), thread=True,
                                          group="import", exit_on_error=False)

    def _run_apply(self, app, prepared, plan: ImportPlan) -> None:
        from ...usecases.core import StoreError
        from ...usecases.imports import PlanOutdated, apply_plan

        try:
            applied = apply_plan(app.store, prepared, plan)
        except PlanOutdated as outdated:
            app.call_from_thread(self._outdated, str(outdated))
            return
        except (StoreError, ValueError) as error:
            app.call_from_thread(self._failed, str(error))
            return
        app.call_from_thread(self._after_apply, applied)

    def _outdated(self, message: str) -> None:
        self.running = False
        self.notify(literal(message).plain, severity="warning")
        self._start(dry_run=True)

    def _after_apply(self, plan: ImportPlan) -> None:
        self._end_preview()
        self._done(plan)

    # -- results ------------------------------------------------------------------------------

    def _failed(self, message: str) -> None:
        self.running = False
        self._show(message, "red")

    def _done(self, plan: ImportPlan) -> None:
        self.running = False
        if plan.applied:
            self.applied = plan
            self.query_one("#import-undo", Button).disabled = False
            self.query_one("#import-go", Button).disabled = True
            self.query_one("#import-preview", Button).disabled = True
            self.query_one("#import-close", Button).focus()
        self.query_one("#import-result", Static).update(self._plan_text(plan))

    def _plan_text(self, plan: ImportPlan) -> Text:
        from ...usecases.imports.report import encoding_notes, item_line, shown_items, summary

        zh = self.language == "zh"
        if plan.applied:
            head = "已导入：" if zh else "Imported: "
        elif plan.changes_anything:
            head = "预览（尚未改动）：" if zh else "Preview (nothing changed yet): "
        else:
            head = "没有可导入的内容：" if zh else "Nothing to import: "
        text = Text()
        text.append_text(literal(head + summary(plan, language=self.language), "bold"))
        for zh_note, en_note in [*encoding_notes(plan), *plan.notes]:
            text.append("\n")
            text.append_text(literal(zh_note if zh else en_note, "yellow"))
        if plan is self.preview:  # the items are in the list below, to edit
            text.append("\n" + legend(self.language), "dim")
            for problem in plan.problems[:SHOWN_PROBLEMS]:
                text.append("\n")
                text.append_text(literal(str(problem), "yellow"))
            return text
        items = shown_items(plan)
        for item in items[:SHOWN_ITEMS]:
            text.append("\n")
            text.append_text(literal(item_line(item, self.language, done=plan.applied)))
        if len(items) > SHOWN_ITEMS:
            text.append(f"\n… {len(items) - SHOWN_ITEMS} " + ("条未列出" if zh else "more"))
        for problem in plan.problems[:SHOWN_PROBLEMS]:
            text.append("\n")
            text.append_text(literal(str(problem), "yellow"))
        if len(plan.problems) > SHOWN_PROBLEMS:
            text.append(f"\n… {len(plan.problems) - SHOWN_PROBLEMS} " + ("个问题未列出" if zh else "more problems"), "yellow")
        if plan.applied:
            text.append("\n" + ("按 u 撤销这次导入。" if zh else "Press u to undo this import."), "dim")
        return text

    def _show(self, message: str, style: str) -> None:
        self.query_one("#import-result", Static).update(literal(message, style, single_line=False))

    # -- after ---------------------------------------------------------------------------------

    def action_undo(self) -> None:
        from ...usecases.core import StoreError
        from ...usecases.imports import undo_last_import

        if self.applied is None:
            return
        try:
            label = undo_last_import(self.app.store)  # type: ignore[attr-defined]
        except StoreError as error:
            self._show(str(error), "red")
            return
        self.applied = None
        self.app.notify(literal((("已撤销：" if self.language == "zh" else "Undone: ") + (label or ""))).plain)
        self.dismiss(None)

    def action_cancel(self) -> None:
        if self.running:
            self.cancelled = True
        self.dismiss(self.applied)
