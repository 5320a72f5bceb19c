"""Resume: the papers that belong on a resume, in the guide's formats, copied with one key."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.widgets import Footer, Header, OptionList, Static
from textual.widgets.option_list import Option

from ...paths import package_resource
from ...domain.snippets import FORMATS, ResumeEntry, render, render_list
from ...i18n_words import FORMAT_NAMES, word
from ...usecases.core import StoreError
from ...usecases.resume import ResumeView, mark_selected, resume_view, set_bullets, set_resume_format, take_off_resume
from ..widgets.panel import Panel, literal
from .base import PaperdeckScreen

if TYPE_CHECKING:
    from ...usecases.core import Store

STATUS_STYLES = {"accepted": "green", "under_review": "yellow", "preprint": "cyan"}


class ResumeScreen(PaperdeckScreen):
    CSS_PATH = package_resource("styles") / "resume.tcss"
    BINDINGS = [
        Binding("y", "copy_one", "Copy", id="resume.copy", tooltip="Copy the selected paper's snippet"),
        Binding("Y", "copy_all", "Copy list", id="resume.copy-all", tooltip="Copy the whole list (Selected + Other)"),
        Binding("f", "cycle_format", "Format", id="resume.format", tooltip="Switch format: txt, md, tex, bib"),
        Binding("e,enter", "edit_bullets", "Bullets", id="resume.bullets", tooltip="Edit the selected paper's bullets"),
        Binding("s", "toggle_selected", "Selected", id="resume.selected",
                tooltip="Mark or unmark the paper as a Selected Publication"),
        Binding("x", "hide", "Hide", id="resume.hide", tooltip="Take the paper off the resume (u undoes)"),
        Binding("u", "undo", "Undo", id="resume.undo", show=False, tooltip="Undo the latest change to a paper (taking one off the resume, bullets)"),
        Binding("i", "import_bib", "Import .bib", id="resume.import", tooltip="Import papers from a BibTeX file"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.entries: list[ResumeEntry] = []
        self.fmt: str | None = None  # the stored format, once the first view lands; then `f` cycles it
        self.pending_item: str | None = None  # show_item before the first view landed
        self.versions: dict[int, int] = {}  # paper id -> version shown: bullets save against it

    def compose(self) -> ComposeResult:
        yield Header()
        with Horizontal(id="resume-body"):
            with Vertical(id="resume-left"):
                yield OptionList(id="resume-list")
            with Vertical(id="resume-right"):
                yield Static(id="resume-format")
                with VerticalScroll(id="resume-preview-scroll"):
                    yield Panel(id="resume-preview")
                    yield Panel(id="resume-whole")
        yield Footer()

    # Below this many columns the list and the preview are stacked, each the whole width: side
    # by side at 80 columns each would get ~38, titles cut and the snippet wrapped every few words.
    STACK_BELOW = 100

    def on_mount(self) -> None:
        self.set_class(self.app.size.width < self.STACK_BELOW, "-stacked")

    def on_resize(self) -> None:
        self.set_class(self.size.width < self.STACK_BELOW, "-stacked")

    # -- the view ---------------------------------------------------------------------------

    @staticmethod
    def load_view(store: "Store", _request: object) -> ResumeView:
        return resume_view(store)

    def show_view(self, view: ResumeView) -> None:
        listing = self.query_one("#resume-list", OptionList)
        previous, position = self.current, listing.highlighted or 0
        self.entries = list(view.entries)
        self.versions = dict(view.versions)
        if self.fmt is None:
            self.fmt = view.format
        listing.clear_options()
        listing.add_options([Option(self._row(entry), id=str(entry.paper_id)) for entry in self.entries])
        listing.border_title = self.pick(f"简历上的论文（{len(self.entries)}）", f"On the resume ({len(self.entries)})")
        if self.entries:
            # The same paper; when it left the list (hidden), the one now at its place.
            same = (i for i, e in enumerate(self.entries) if previous and e.paper_id == previous.paper_id)
            listing.highlighted = next(same, min(position, len(self.entries) - 1))
        if self.pending_item is not None:
            item, self.pending_item = self.pending_item, None
            self.show_item(item)
        self._render_preview()

    def _row(self, entry: ResumeEntry) -> Text:
        row = Text("★ " if entry.selected else "  ", style="yellow")
        row.append_text(literal(f"[{entry.label}]", STATUS_STYLES.get(entry.status, "")))
        row.append(" ")
        row.append_text(literal(entry.title))
        if entry.award:
            row.append_text(literal(f" ({entry.award})", "magenta"))
        return row

    @property
    def current(self) -> ResumeEntry | None:
        listing = self.query_one("#resume-list", OptionList)
        index = listing.highlighted
        return self.entries[index] if index is not None and 0 <= index < len(self.entries) else None

    def show_item(self, item: str) -> None:
        if self.fmt is None:  # the first view has not landed yet
            self.pending_item = item
            return
        for index, entry in enumerate(self.entries):
            if str(entry.paper_id) == item:
                self.query_one("#resume-list", OptionList).highlighted = index

    def on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        self._render_preview()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.action_edit_bullets()

    def _render_preview(self) -> None:
        if self.fmt is None:
            return
        bar = Text(self.pick("格式：", "Format: "), style="bold")
        for fmt in FORMATS:
            bar.append(f" {fmt} ", style="reverse bold" if fmt == self.fmt else "dim")
        bar.append(f"  {word(FORMAT_NAMES, self.fmt, self.language)}  ", style="italic")
        key = self.key_hint("cycle_format")
        bar.append(self.pick(f"({key} 切换)", f"({key} switches)"), style="dim")
        self.query_one("#resume-format", Static).update(bar)
        preview = self.query_one("#resume-preview", Panel)
        whole = self.query_one("#resume-whole", Panel)
        one, every = self.key_hint("copy_one"), self.key_hint("copy_all")
        preview.border_title = self.pick(f"所选论文（{one} 复制）", f"Selected paper ({one} copies)")
        whole.border_title = self.pick(f"完整列表（{every} 复制）", f"Whole list ({every} copies)")
        entry = self.current
        if entry is None:
            key = self.key_hint("import_bib")
            preview.update(Text(self.pick(
                f"还没有可上简历的论文：被接收、审稿中或已上 arXiv 的论文会出现在这里。按 {key} 导入 BibTeX。",
                f"No paper belongs on the resume yet: accepted, under review or on arXiv. Press {key} to import a BibTeX file.",
            )))
            whole.update("")
            return
        preview.update(literal(render(entry, self.fmt), single_line=False))
        whole.update(literal(render_list(self.entries, self.fmt), single_line=False))

    # -- actions ----------------------------------------------------------------------------

    def action_cycle_format(self) -> None:
        if self.fmt is None:
            return
        self.fmt = FORMATS[(FORMATS.index(self.fmt) + 1) % len(FORMATS)]
        try:
            set_resume_format(self.store, self.fmt)
        except StoreError as error:  # shown anyway; only the memory of the choice is lost
            self.notify(str(error), severity="warning", markup=False)
        self._render_preview()

    def action_copy_one(self) -> None:
        entry = self.current
        if entry is None or self.fmt is None:
            self.notify(self.pick("没有可复制的论文", "Nothing to copy"), severity="warning")
            return
        from ..clipboard import copy_text

        copy_text(self.app, render(entry, self.fmt))

    def action_copy_all(self) -> None:
        if not self.entries or self.fmt is None:
            self.notify(self.pick("没有可复制的论文", "Nothing to copy"), severity="warning")
            return
        from ..clipboard import copy_text

        copy_text(self.app, render_list(self.entries, self.fmt))

    def _write(self, write: Callable[[], object]) -> bool:
        """Run one write (a use case); on success the view reloads."""
        try:
            write()
        except StoreError as error:
            self.notify(str(error), severity="error", markup=False)
            return False
        self.reload_view()
        return True

    def action_toggle_selected(self) -> None:
        entry = self.current
        if entry is not None:
            self._write(lambda: mark_selected(self.store, entry.paper_id, not entry.selected))

    def action_hide(self) -> None:
        entry = self.current
        if entry is not None and self._write(lambda: take_off_resume(self.store, entry.paper_id)):
            key = self.key_hint("undo")
            self.notify(self.pick(f"已将「{entry.title}」从简历移除，按 {key} 撤销",
                                  f"Took “{entry.title}” off the resume. Press {key} to undo."), markup=False)

    def action_undo(self) -> None:
        from ...usecases.undo import PIPELINE
        from .undo_key import undo_on

        undo_on(self, PIPELINE, self.reload_view)

    def action_edit_bullets(self) -> None:
        entry = self.current
        if entry is None:
            return
        from .resume_dialogs import BulletsDialog

        def save(bullets: list[str] | None) -> None:
            if bullets is None:
                return
            from .conflict import guarded_save

            store, paper_id, version = self.store, entry.paper_id, self.versions.get(entry.paper_id)

            def theirs(conflict) -> list[str]:
                import json

                return list(json.loads(conflict.theirs.get("bullets") or "[]"))

            try:  # saved elsewhere since shown: keep mine / take theirs / keep both
                guarded_save(
                    self.app, lambda: set_bullets(store, paper_id, bullets, version),
                    overwrite=lambda: set_bullets(store, paper_id, bullets, None),
                    reload=self.reload_view,
                    what=self.pick(f"“{entry.title}”的要点", f"The bullets of “{entry.title}”"),
                    on_saved=lambda _stored: self.reload_view(),
                    differences=lambda conflict: [(self.pick("要点", "Bullets"), "\n".join(theirs(conflict)), "\n".join(bullets))],
                    both=lambda conflict: set_bullets(store, paper_id, [*theirs(conflict), *(b for b in bullets if b not in theirs(conflict))],
                                                      conflict.current_version),
                )
            except StoreError as error:  # deleted meanwhile, the disk refused
                self.notify(str(error), severity="error", markup=False)

        self.app.push_screen(BulletsDialog(entry.title, list(entry.bullets)), save)

    def action_import_bib(self) -> None:
        from .import_dialog import ImportDialog

        self.app.push_screen(ImportDialog("bib"), lambda _plan: self.refresh_data())
