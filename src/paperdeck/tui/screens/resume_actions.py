"""The Resume screen's actions (ResumeScreen's part): the format and the grouping, copying one
paper, its line or the whole list, marks, Selected, hiding and showing the hidden, undo, bullets
and the .bib import. Writes go through usecases/resume.py."""

from __future__ import annotations

from collections.abc import Callable

from textual.widgets import OptionList

from ...domain.snippets import FORMATS, ResumeEntry, one_line, render, render_list
from ...models.papers import RESUME_GROUPS
from ...usecases.core import StoreError
from ...usecases.resume import mark_selected, put_on_resume, set_bullets, set_resume_format, set_resume_group
from .resume_text import row_text


class ResumeActions:
    """Mixed into ResumeScreen: what its keys do."""

    def action_cycle_format(self) -> None:
        if self.fmt is None:
            return
        self.fmt = FORMATS[(FORMATS.index(self.fmt) + 1) % len(FORMATS)]
        self._remember(lambda: set_resume_format(self.store, self.fmt or "txt"))
        self._render_preview()

    def action_cycle_group(self) -> None:
        if self.view is None:
            return
        self.group = RESUME_GROUPS[(RESUME_GROUPS.index(self.group) + 1) % len(RESUME_GROUPS)]
        self._remember(lambda: set_resume_group(self.store, self.group))
        self._fill_list()

    def _remember(self, write: Callable[[], object]) -> None:
        try:
            write()
        except StoreError as error:  # shown anyway; only the memory of the choice is lost
            self.notify(str(error), severity="warning", markup=False)

    def _copy(self, text: str | None) -> None:
        if not text:
            self.notify(self.pick("没有可复制的论文", "Nothing to copy"), severity="warning")
            return
        from ..clipboard import copy_text

        copy_text(self.app, text)

    def action_copy_one(self) -> None:
        entry, fmt = self.current, self.fmt
        if entry is None or not fmt:
            self._copy(None)
            return
        paper_id = entry.paper_id

        def copy() -> None:  # the paper as the view now shows it (BibTeX: read again with the keys)
            shown = next((e for e in self._every_entry() if e.paper_id == paper_id), None)
            self._copy(render(shown, fmt) if shown is not None else None)

        self._with_cite_keys(fmt, copy)

    def action_copy_line(self) -> None:
        entry = self.current
        self._copy(one_line(entry) if entry is not None else None)

    def action_copy_all(self) -> None:
        fmt, group = self.fmt, self.group

        def copy() -> None:
            entries = list(self.view.entries) if self.view else []
            self._copy(render_list(entries, fmt, group) if entries and fmt else None)

        self._with_cite_keys(fmt, copy)

    def _every_entry(self) -> tuple[ResumeEntry, ...]:
        view = self.view
        return (*view.entries, *view.hidden) if view is not None else ()

    def _targets(self) -> list[int]:
        """The marked papers in view, else the one under the cursor."""
        in_view = [e.paper_id for e in self.entries if e.paper_id in self.marked]
        if in_view:
            return in_view
        entry = self.current
        return [entry.paper_id] if entry is not None else []

    def action_toggle_mark(self) -> None:
        entry = self.current
        if entry is None:
            return
        self.marked ^= {entry.paper_id}
        listing = self.query_one("#resume-list", OptionList)
        listing.replace_option_prompt(str(entry.paper_id), row_text(entry, entry.paper_id in self.marked))
        listing.border_title = self._list_title()
        if listing.highlighted is not None and listing.highlighted + 1 < listing.option_count:
            listing.action_cursor_down()

    def action_toggle_all(self) -> None:
        ids = {e.paper_id for e in self.entries}
        self.marked = set() if self.marked & ids else ids
        self._fill_list()

    def _write(self, write: Callable[[], int], done: tuple[str, str]) -> None:
        """Run one write (a use case); on success the marks clear and the view reloads."""
        try:
            count = write()
        except StoreError as error:
            self.notify(str(error), severity="error", markup=False)
            return
        self.marked.clear()
        undo = self.key_hint("undo")
        self.notify(self.pick(done[0].format(n=count, undo=undo), done[1].format(n=count, undo=undo)))
        self.reload_view()

    def action_toggle_selected(self) -> None:
        targets = self._targets()
        if not targets:
            return
        wanted = not all(e.selected for e in self.entries if e.paper_id in targets)
        self._write(lambda: mark_selected(self.store, targets, wanted),
                    ("{n} 篇标为精选（{undo} 撤销）", "{n} marked Selected ({undo} undoes)") if wanted else
                    ("{n} 篇取消精选（{undo} 撤销）", "{n} no longer Selected ({undo} undoes)"))

    def action_hide(self) -> None:
        targets = self._targets()
        if not targets:
            return
        back = self.showing_hidden
        self._write(lambda: put_on_resume(self.store, targets, back),
                    ("{n} 篇放回简历（{undo} 撤销）", "{n} put back on the resume ({undo} undoes)") if back else
                    ("{n} 篇移出简历（{undo} 撤销；h 查看）", "{n} taken off the resume ({undo} undoes; h shows them)"))

    def action_toggle_hidden(self) -> None:
        if self.view is None:
            return
        self.showing_hidden = not self.showing_hidden
        self.marked.clear()
        self._fill_list()

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

        self.app.push_screen(ImportDialog("bib"), lambda _plan: self.reload_view())
