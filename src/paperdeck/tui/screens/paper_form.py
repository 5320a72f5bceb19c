"""The paper form: every field validated with a clear message; checklist, history and plan.

Four tabs (Details · Checklist · Submissions · Links) over one line that stays in view: the
errors, Save and Close. The fields save with Save (or Enter in a field); a checklist tick, a
submission and a decision save at once, as their tabs say.

Its data is one `PaperFormView` (usecases/paper_form.py), loaded off the UI thread when the
form opens and again after a submission, a decision or "Reload theirs".

Built once and shown again for each paper (`paper_form_for`; paper_form_openings.py)."""

from __future__ import annotations

import asyncio
from dataclasses import replace

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.widget import Widget
from textual.widgets import Button, Input, Label, Select, Static, TabbedContent, TabPane, TextArea

from ...domain.validation import clean_paper_form_changes
from ...usecases.core import NotFound, StoreError
from ...usecases.drafts import keep_draft
from ...usecases.paper_form import PaperFormView, save_paper
from ..widgets.panel import literal
from .modal import PaperdeckModal
from .typing_kept import KeepsTyping
from .paper_form_checklist import ChecklistTab
from .paper_form_conflict import both_kept, differences
from .paper_form_details import DetailsTab
from .paper_form_links import LinksTab
from .paper_form_openings import FORM_SCREEN, Opening, Openings
from .paper_form_rows import FIELDS_CSS, ErrorLine, show_error
from .paper_form_submissions import SubmissionsTab
from .paper_form_tabs import LATER_TABS, LaterTabs


def paper_form_for(app, paper_id: int, ahead: "PaperFormView | None" = None) -> "PaperFormModal":
    """The form to push for `paper_id`: the one kept from an earlier opening, emptied of it and
    loading this paper (or showing `ahead`, its view read ahead), or a new one (the first
    opening; the language changed since). A form never drawn yet (nor drawn hidden, built
    ahead) reads its paper: filled at once, before its first layout, its first frame was not the
    one it settles on."""
    if app.is_screen_installed(FORM_SCREEN):
        form = app.get_screen(FORM_SCREEN)
        if form.can_reopen():
            form.reopen(paper_id, ahead if form.drawn_before or form.drawn_hidden else None)
            return form
        app.uninstall_screen(FORM_SCREEN)
        if form.is_running and all(form not in stack for stack in app._screen_stacks.values()):
            form.remove()
    form = PaperFormModal(paper_id)
    app.install_screen(form, FORM_SCREEN)
    return form


async def build_paper_form_ahead(app) -> None:
    """The form built hidden before its first opening (the Pipeline asks once its board is drawn
    and the user paused: built_ahead.py), then drawn off the terminal at the next pause: the
    first `e` then only fills it and draws what its paper changed, as later ones do (drawn at
    that `e`, its ~60 widgets' first lines were ~40 ms of it at medium). Nothing when a form is
    kept already."""
    from .built_ahead import TICK_SECONDS, build_hidden, draw_hidden

    if not app.is_screen_installed(FORM_SCREEN):
        form = await build_hidden(app, FORM_SCREEN, PaperFormModal(None))
        if form.fields_ready and not form.is_current and form.focused is not form.fields["title"]:
            # Where every opening puts the focus (_show_form): moved there at the first `e`, it
            # restyled the tabs it left (~9 ms at medium). Its Focus and Blur restyle now.
            form.set_focus(form.fields["title"], scroll_visible=False)
            await asyncio.sleep(TICK_SECONDS)
        if not form.is_current and form.focused is form.fields["title"] and await draw_hidden(form):
            form.drawn_hidden = form.focused is form.fields["title"]


class PaperFormModal(KeepsTyping, Openings, DetailsTab, ChecklistTab, SubmissionsTab, LinksTab, LaterTabs, PaperdeckModal[bool]):
    """Edit one paper. Enter in a field or the Save button saves only what was changed;
    Escape closes, asking first when there are unsaved edits."""

    DEFAULT_CSS = """
    PaperFormModal > .dialog { width: 100; max-width: 98%; height: 90%; padding: 0 1; }
    PaperFormModal TabbedContent { height: 1fr; }
    PaperFormModal TabPane { padding: 0; height: 1fr; }
    PaperFormModal TabPane > VerticalScroll { height: 1fr; padding: 0 1 0 0; }
    PaperFormModal .row { height: auto; }
    PaperFormModal .row > Label.field { width: 26; color: $text-muted; padding: 0 1 0 0; }
    PaperFormModal .row > Input, PaperFormModal .row > Select { width: 1fr; }
    PaperFormModal .error { display: none; }
    PaperFormModal .error.-shown { display: block; }
    PaperFormModal Label.field { color: $text-muted; }
    PaperFormModal TextArea { height: 5; }
    PaperFormModal SelectionList { height: auto; max-height: 12; }
    PaperFormModal .buttons { height: auto; margin: 1 0 0 0; }
    PaperFormModal .buttons Button { margin-right: 2; }
    PaperFormModal .section { margin-top: 1; text-style: bold; }
    PaperFormModal .note { color: $text-muted; }
    PaperFormModal #form-actions { height: auto; border-top: solid $primary 40%; }
    PaperFormModal #form-actions Button { margin-left: 2; }
    PaperFormModal #form-errors { color: $error; width: 1fr; height: auto; }
    PaperFormModal #form-loading { display: none; }
    """ + FIELDS_CSS
    BINDINGS = [
        Binding("escape", "close", "Close", id="form.close", tooltip="Close (asks first when there are unsaved edits)"),
        Binding("ctrl+s", "save", "Save", id="form.save", tooltip="Save (also: Enter in a field, or the Save button)"),
        Binding("alt+right,ctrl+pagedown", "next_tab(1)", "Next tab", id="form.next_tab",
                tooltip="The next tab: Details, Checklist, Submissions, Links"),
        Binding("alt+left,ctrl+pageup", "next_tab(-1)", "Previous tab", id="form.previous_tab",
                tooltip="The previous tab"),
    ]

    def __init__(self, paper_id: int | None):
        """`paper_id` None: a form built ahead of its first opening (`build_paper_form_ahead`)."""
        super().__init__()
        self.opening = Opening(paper_id, closed=paper_id is None)
        self.fields_ready = False  # composed, its fields registered
        self.drawn_before = False  # an opening's paper was shown in it (a reopening may take a view read ahead)
        # Built ahead, laid out and drawn off the terminal (build_paper_form_ahead): settled as
        # an opened form is, its first opening may take a view read ahead too (read at that `e`
        # at large, the paper shared the CPU with the Resume screen's read ahead: 200-300 ms).
        self.drawn_hidden = False
        self.view: PaperFormView | None = None  # this opening's, once loaded
        self.reading = True  # the fields do not hold this opening's paper (yet)
        self.built_language = ""  # the language its labels are in
        self._shown = asyncio.Event()  # this opening's paper is on screen
        self._loading_shown = False  # "Loading…" instead of the fields (a slow read)
        self._paint_whole = False  # the next paint draws all of the form
        self._hidden_style_state: tuple | None = None
        self.fields: dict[str, Widget] = {}  # `f-<name>` widgets by name, as built
        self.field_labels: dict[str, str] = {}  # what each field's label says, by name
        self.error_labels: dict[str, Label] = {}  # `err-<name>` lines by name, as made (at a first error)
        self.loaded: dict[str, str] = {}  # the fields' text as filled from the stored paper
        self._reset_tabs()

    def compose(self) -> ComposeResult:
        self.built_language = self.language
        with Vertical(classes="dialog") as box:
            box.border_title = self._title()
            yield Label(self.pick("载入中…", "Loading…"), id="form-loading")
            with TabbedContent(id="form-tabs"):
                with TabPane(self.pick("详情", "Details"), id="tab-details"), VerticalScroll(classes="fields"):
                    yield from self._details()
                # Built when first shown (paper_form_tabs.py): most openings never show them.
                yield TabPane(self.pick("清单", "Checklist"), id="tab-checklist")
                yield TabPane(self.pick("投稿", "Submissions"), id="tab-submissions")
                yield TabPane(self.pick("链接", "Links"), id="tab-links")
            with Horizontal(id="form-actions"):  # always in view, whichever tab is shown
                yield Static(id="form-errors")
                yield Button(self.pick("保存", "Save"), variant="primary", id="form-save", compact=True)
                yield Button(self.pick("关闭", "Close"), id="form-close", compact=True)

    def on_mount(self) -> None:
        self._register(self)
        self._follow_tabs()
        self.fields_ready = True
        if not self.opening.closed:
            self._start_opening()
        else:  # built ahead (or closed at once): its widgets were styled as they mounted
            self._hidden_style_state = self._style_state()

    async def _show_form(self, view: PaperFormView) -> None:
        """Every field from `view` (an opening, or the version saved elsewhere), no error shown,
        the Details tab in view with the title focused."""
        self.view, self.paper = view, view.paper
        # No Changed message per field filled (~25, each bubbling up ~6 containers): nothing
        # listens to a fill, and the submission's editions are filled with its venue.
        with self.prevent(Input.Changed, Select.Changed, TextArea.Changed):
            self._fill_details(view, view.paper)
            for name in LATER_TABS:
                self._fill_fields(name)
        for label in self.error_labels.values():
            show_error(label, "")
        summary = self.query_one("#form-errors", Static)
        if summary.content != "":  # an update lays the form out again (~4 ms), and draws it only after that
            summary.update("")
        self.loaded = self._raw()
        self.tab_to_enter = ""
        self.query_one(TabbedContent).active = "tab-details"
        for scroll in self.query(VerticalScroll):
            scroll.scroll_home(animate=False, immediate=True)
        self.reading = False
        self._show_loading(False)
        self._paint_whole = self._fill_unsettled = True
        self.refresh()
        self.fields["title"].focus()
        self._shown.set()
        self.drawn_before = True

    def _register(self, root) -> None:
        """The fields (`f-<name>`) and error lines (`err-<name>`) under `root`, by name: a save
        reads them without querying the whole form twice. (A walk, not a CSS query: matching
        a selector against each widget cost more than the walk.)"""
        label = ""
        for widget in root.walk_children():
            name = widget.id or ""
            if name.startswith("f-"):
                self.fields[name[2:]] = widget
                self.field_labels[name[2:]], label = label, ""  # a field's label comes right before it
            elif isinstance(widget, Label) and widget.has_class("field"):
                label = str(widget.render())
            elif name.startswith("err-") and isinstance(widget, Label):
                self.error_labels[name[4:]] = widget

    def _show_parts(self, view: PaperFormView) -> None:
        """After a submission or a decision: the checklist, history and submissions; the
        fields keep what is typed."""
        if self.view is not None and self.view.editions is not None:
            view = replace(view, editions=self.view.editions)  # as read when the tab was shown
        self.view, self.paper = view, view.paper
        for name in self.tabs_built:
            self._fill_lists(name)

    def _gone(self, error: StoreError) -> None:  # deleted meanwhile
        self.wrote = True  # not by us, but the board shows a paper that is gone: it re-reads
        kept = self._keep_as_draft()
        self.notify(str(error) + kept, severity="error", markup=False)
        self.dismiss(False)

    def _edited(self) -> dict[str, str]:
        """The fields' text that differs from what the form was filled with."""
        if self.reading or not self.loaded:
            return {}
        return {name: text for name, text in self._raw().items() if self.loaded.get(name) != text}

    # -- typed text kept while the form is open (typing_kept.py): the edits, not every field --

    def typed_by_user(self, field) -> bool:
        return not self.reading and not self.opening.closed  # fills send no Changed (_show_form)

    def note_typed(self, field) -> None:
        pass  # typed_text reads the fields (kept by reference: readable when the app quits)

    def typed_text(self) -> str:
        edited = self._edited()
        return "\n\n".join(f"## {label}\n{text}" for label, text in zip(self._labels(edited), edited.values()))

    def typing_about(self) -> str:
        return f"paper “{self.paper.title if self.paper is not None else f'#{self.paper_id}'}”"

    def _labels(self, names) -> list[str]:
        """The fields' labels as the form shows them (the name where a field has none)."""
        return [self.field_labels.get(name) or name for name in names]

    def _keep_as_draft(self) -> str:
        """The paper is gone: unsaved edits become a draft. Says where (or "")."""
        body = self.typed_text()
        if not body:
            return ""
        try:
            draft = keep_draft(self.store, "paper", self.typing_about(), body)
        except StoreError as error:
            return self.pick(f"（草稿未保存：{error}）", f" (the draft was not saved: {error})")
        return self.pick(f" 未保存的修改已存为草稿 #{draft.id}（paperdeck drafts --show {draft.id}）。",
                         f" Your unsaved edits are kept as draft #{draft.id} (paperdeck drafts --show {draft.id}).")

    async def view_ready(self) -> None:
        """Wait until the form shows its paper, the tabs being built are, and later loads
        landed: for tests."""
        await self._shown.wait()
        await self._tabs_idle().wait()
        await super().view_ready()

    def _raw(self) -> dict[str, str]:
        """The fields' text, by name (the tabs built so far)."""
        raw = {}
        for name, widget in self.fields.items():
            if isinstance(widget, Select):
                raw[name] = "" if widget.value is Select.NULL or widget.value is None else str(widget.value)
            elif isinstance(widget, TextArea):
                raw[name] = widget.text
            else:
                raw[name] = widget.value
        return raw

    def action_save(self) -> None:
        paper = self.paper
        if paper is None or self.reading:
            return  # still loading (or reloading: Reload theirs)
        fields, errors = clean_paper_form_changes(self._raw(), self.loaded, self.language)
        for name in {*self.error_labels, *errors}:
            self._show_field_error(name, errors.get(name, ""))
        summary = self.query_one("#form-errors", Static)
        if errors:
            summary.update(literal(self.pick("请修正标红的字段：", "Fix the fields in red: ") + "; ".join(errors.values()), single_line=False))
            self._show_tab_of(next(iter(errors)))
            return
        summary.update("")
        if not fields:  # saved unchanged: nothing is written
            self.dismiss(False)
            return
        from .conflict import guarded_save

        store = self.store
        try:
            # Saved elsewhere since this form opened: ask keep mine / take theirs / keep both.
            # Only the changed fields are saved, so "keep mine" keeps their other changes.
            guarded_save(
                self.app,
                lambda: save_paper(store, self.paper_id, paper.version, fields),
                overwrite=lambda: save_paper(store, self.paper_id, None, fields),
                reload=self._reload_theirs,
                what=self.pick("论文", "Paper") + f" #{self.paper_id} “{paper.title}”",
                on_saved=self._saved,
                differences=lambda conflict: differences(conflict, fields),
                both=lambda conflict: save_paper(store, self.paper_id, conflict.current_version, both_kept(conflict, fields)),
            )
        except NotFound as error:
            summary.update(literal(str(error) + self._keep_as_draft(), single_line=False))
        except StoreError as error:
            summary.update(literal(str(error)))

    TABS = ("tab-details", "tab-checklist", "tab-submissions", "tab-links")

    def action_next_tab(self, step: int) -> None:
        tabs = self.query(TabbedContent)
        if tabs and not self.reading:
            index = self.TABS.index(tabs.first().active) if tabs.first().active in self.TABS else 0
            self.tab_to_enter = self.TABS[(index + step) % len(self.TABS)]
            tabs.first().active = self.tab_to_enter
            if self.tab_to_enter in self.tabs_built or self.tab_to_enter not in LATER_TABS:
                self.call_after_refresh(self._enter_tab, self.tab_to_enter)

    def _show_field_error(self, name: str, message: str) -> None:
        """`message` under field `name` (none: its error line, if any, is hidden)."""
        label = self.error_labels.get(name)
        if label is not None:
            show_error(label, message)
        elif message and name in self.fields:  # its first error: the line is made now
            widget = self.fields[name]
            line = self.error_labels[name] = ErrorLine(name, message)
            widget.parent.mount(line.gap, line, after=widget)

    def _show_tab_of(self, field: str) -> None:
        """Bring the tab holding `field` into view (Save is seen from every tab)."""
        widget = self.fields.get(field)
        pane = next((node for node in widget.ancestors if isinstance(node, TabPane)), None) if widget else None
        if pane is not None and pane.id:
            self.query_one(TabbedContent).active = pane.id

    def _saved(self, paper) -> None:
        self.wrote = True
        self.paper = paper
        self.loaded = self._raw()
        self.dismiss(True)

    def _reload_theirs(self) -> None:
        """Show the version saved elsewhere: every field filled from it."""
        self._reload()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        if (event.input.id or "").startswith("sub-"):
            self.record_submission()
        else:
            self.action_save()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        button = event.button.id or ""
        if button == "form-save":
            self.action_save()
        elif button == "sub-record":
            self.record_submission()
        elif button.startswith("sub-"):
            self.record_decision(button.removeprefix("sub-"))
        else:
            self.dismiss(False)

    def action_close(self) -> None:
        if not self._edited():
            self.dismiss(False)
            return
        from .choice import Choice, ChoiceDialog

        def answered(choice: str | None) -> None:
            if choice == "save":
                self.action_save()
            elif choice == "discard":
                self.dismiss(False)

        names = "、".join(self._labels(self._edited())) if self.language == "zh" else ", ".join(self._labels(self._edited()))
        self.app.push_screen(ChoiceDialog(self.pick("未保存的修改", "Unsaved edits"), literal(self.pick(
            f"放弃对以下字段的修改？{names}", f"Discard your edits to {names}?"), single_line=False), [
            Choice("save", "保存", "Save", "s", id="discard.save", variant="primary", tooltip="Save the edits, then close"),
            Choice("discard", "放弃修改", "Discard", "d", id="discard.yes", variant="error", tooltip="Close without saving"),
            Choice(None, "继续编辑", "Keep editing", "escape", id="discard.back", tooltip="Back to the form"),
        ], focus="discard.back", id="discard-edits"), answered)

