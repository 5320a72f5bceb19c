"""The paper form: every field validated with a clear message; checklist, history and plan.

Four tabs (Details · Checklist · Submissions · Links) over one line that stays in view: the
errors, Save and Close. The fields save with Save (or Enter in a field); a checklist tick, a
submission and a decision save at once, as their tabs say.

Its data is one `PaperFormView` (usecases/paper_form.py), loaded off the UI thread when the
form opens and again after a submission, a decision or "Reload theirs"."""

from __future__ import annotations

import asyncio

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.suggester import SuggestFromList
from textual.widgets import Button, Input, Label, Select, SelectionList, Static, TabbedContent, TabPane, TextArea

from ...domain.merge import both_lines, both_texts
from ...domain.validation import clean_paper_form_changes, format_authors
from ...models.common import utcnow
from ...models.papers import AWARDS, LINK_KINDS, STATUSES, TRACKS, Paper, stage_spans
from ...i18n_words import SELECT_PROMPT, STATUS_NAMES, pick, word
from ...usecases.core import ConflictError, NotFound, StoreError
from ...usecases.drafts import keep_draft
from ...usecases.paper_form import (
    PaperFormView, decide_pending_submission, paper_form, record_submission, save_paper, tick_checklist_item,
)
from ..widgets.panel import literal
from ..widgets.safe_text import SafeInput, SafeTextArea
from .modal import PaperdeckModal

LINK_LABELS = {  # (zh, en); names of sites are the same in both
    "arxiv": ("arXiv", "arXiv"), "code": ("代码（GitHub）", "Code (GitHub)"), "project": ("项目主页", "Project page"),
    "huggingface": ("Hugging Face", "Hugging Face"), "openreview": ("OpenReview", "OpenReview"),
    "paperswithcode": ("PapersWithCode", "PapersWithCode"),
}


class PaperFormModal(PaperdeckModal[bool]):
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
    """
    BINDINGS = [
        Binding("escape", "close", "Close", id="form.close", tooltip="Close (asks first when there are unsaved edits)"),
        Binding("ctrl+s", "save", "Save", id="form.save", tooltip="Save (also: Enter in a field, or the Save button)"),
        Binding("alt+right,ctrl+pagedown", "next_tab(1)", "Next tab", id="form.next_tab",
                tooltip="The next tab: Details, Checklist, Submissions, Links"),
        Binding("alt+left,ctrl+pageup", "next_tab(-1)", "Previous tab", id="form.previous_tab",
                tooltip="The previous tab"),
    ]

    def __init__(self, paper_id: int):
        super().__init__()
        self.paper_id = paper_id
        self.view: PaperFormView | None = None  # loaded when the form opens
        self.paper: Paper | None = None  # the version the form edits (newer after a submission)
        self._shown = asyncio.Event()  # the first view is on screen
        self.loaded: dict[str, str] = {}  # the fields' text as filled from the stored paper

    def compose(self) -> ComposeResult:
        view = self.view
        if view is None:
            with VerticalScroll(classes="dialog") as box:
                box.border_title = self.pick("论文", "Paper") + f" #{self.paper_id}"
                yield Label(self.pick("载入中…", "Loading…"), id="form-loading")
            return
        paper = self.paper = view.paper
        with Vertical(classes="dialog") as box:
            box.border_title = self.pick("论文", "Paper") + f" #{paper.id}"
            with TabbedContent(id="form-tabs"):
                with TabPane(self.pick("详情", "Details"), id="tab-details"), VerticalScroll():
                    yield from self._details(view, paper)
                with TabPane(self.pick("清单", "Checklist"), id="tab-checklist"), VerticalScroll():
                    yield Label(self.pick("本阶段清单：空格勾选，立即保存", "This stage's checklist: Space ticks, saved at once"),
                                classes="note")
                    yield SelectionList[int](id="form-checklist")
                    yield Label(self.pick("各阶段天数", "Days in each stage"), classes="section")
                    yield Static(id="form-history")
                with TabPane(self.pick("投稿", "Submissions"), id="tab-submissions"), VerticalScroll():
                    yield from self._submissions(view, paper)
                with TabPane(self.pick("链接", "Links"), id="tab-links"), VerticalScroll():
                    for kind in LINK_KINDS:
                        yield from self._field(f"link_{kind}", pick(LINK_LABELS[kind], self.language), SafeInput(paper.links.get(kind, ""), id=f"f-link_{kind}", compact=True))
            with Horizontal(id="form-actions"):  # always in view, whichever tab is shown
                yield Static(id="form-errors")
                yield Button(self.pick("保存", "Save"), variant="primary", id="form-save", compact=True)
                yield Button(self.pick("关闭", "Close"), id="form-close", compact=True)

    def _details(self, view: PaperFormView, paper: Paper) -> ComposeResult:
        venues = list(view.venues)
        if paper.venue_key and paper.venue_key not in {key for _, key in venues}:
            venues.append((paper.venue_key, paper.venue_key))
        topics = [(item.pick(self.language), item.key) for item in view.topics]
        choose = pick(SELECT_PROMPT, self.language)
        yield from self._field("title", self.pick("标题", "Title"), SafeInput(paper.title, id="f-title", compact=True))
        yield from self._field("authors", self.pick("作者（逗号分隔，* 共同一作，† 通讯）", "Authors (a, b*, c†)"),
                               SafeInput(format_authors(paper.authors, paper.equal_contribution, paper.corresponding),
                                         id="f-authors", compact=True,
                                         placeholder=self.pick("逗号分隔；* 共同一作，† 通讯作者",
                                                               "comma-separated; * equal contribution, † corresponding")))
        position = "" if paper.my_author_index is None else str(paper.my_author_index + 1)
        yield from self._field("my_position", self.pick("我的署名位置（1 = 一作）", "My position (1 = first)"),
                               SafeInput(position, id="f-my_position", compact=True))
        yield from self._field("venue_key", self.pick("目标会议", "Target venue"),
                               Select(venues, value=paper.venue_key or Select.NULL, id="f-venue_key", compact=True,
                                      prompt=choose))
        yield from self._field("year", self.pick("年份", "Year"), SafeInput(str(paper.target_year or ""), id="f-year", compact=True))
        yield from self._field("track", self.pick("类别", "Track"),
                               Select([(t, t) for t in TRACKS], value=paper.track if paper.track in TRACKS else Select.NULL,
                                      id="f-track", compact=True, prompt=choose))
        yield from self._field("topic_key", self.pick("方向", "Topic"),
                               Select(topics, value=paper.topic_key or Select.NULL, id="f-topic_key", compact=True, prompt=choose))
        yield from self._field("status", self.pick("状态", "Status"),
                               Select([(word(STATUS_NAMES, s, self.language), s) for s in STATUSES],
                                      value=paper.status if paper.status in STATUSES else Select.NULL,
                                      id="f-status", compact=True, prompt=choose))
        yield from self._field("award", self.pick("奖项（Oral、Spotlight…）", "Award (Oral, ...)"),
                               SafeInput(paper.award or "", suggester=SuggestFromList(AWARDS, case_sensitive=False),
                                         id="f-award", compact=True))
        yield from self._field("contribution", self.pick("一句话贡献", "One-line contribution"),
                               SafeInput(paper.contribution, id="f-contribution", compact=True))
        yield from self._field("result", self.pick("核心结果（带数字）", "Result (with numbers)"),
                               SafeInput(paper.result, id="f-result", compact=True))
        # What the paper's interview deck asks about (Flashcards, g).
        yield from self._field("problem", self.pick("问题（一句话）", "Problem (in a line)"),
                               SafeInput(paper.problem, id="f-problem", compact=True,
                                         placeholder=self.pick("如 RLHF 中的 reward drift", "e.g. reward drift in RLHF")))
        yield from self._field("method", self.pick("方法（简短名称）", "Method (a short name)"),
                               SafeInput(paper.method, id="f-method", compact=True,
                                         placeholder=self.pick("如 reward-aware prompt sampling", "e.g. reward-aware prompt sampling")))
        yield from self._field("baseline", self.pick("对比基线", "Baselines"),
                               SafeInput(paper.baseline, id="f-baseline", compact=True,
                                         placeholder=self.pick("如 PPO、DPO", "e.g. PPO, DPO")))
        yield from self._field("dataset", self.pick("数据（训练与评估）", "Data (train / eval)"),
                               SafeInput(paper.dataset, id="f-dataset", compact=True,
                                         placeholder=self.pick("如 UltraFeedback", "e.g. UltraFeedback")))
        yield from self._field("limitations", self.pick("局限（一句话）", "Limitations (in a line)"),
                               SafeInput(paper.limitations, id="f-limitations", compact=True,
                                         placeholder=self.pick("如 只在英文上评估", "e.g. English-only evaluation")))
        yield Label(self.pick("备注", "Notes"), classes="field")
        yield SafeTextArea(paper.notes, id="f-notes")
        yield Label("", id="err-notes", classes="error")

    def _submissions(self, view: PaperFormView, paper: Paper) -> ComposeResult:
        """The record of each submission, and a new one: venue, edition (from the venue's
        editions), date, forum / ARR id, scores; then the decision on the pending one."""
        yield Static(id="form-submissions")
        yield Label(self.pick("记录投稿（立即保存）", "Record a submission (saved at once)"), classes="section")
        venue_name = next((name for name, key in view.venues if key == paper.venue_key), paper.venue_key or "")
        names = [name for name, _ in view.venues]
        yield from self._row(self.pick("会议", "Venue"), SafeInput(
            venue_name, id="sub-venue", compact=True, placeholder=self.pick("如 ACL ARR", "e.g. ACL ARR"),
            suggester=SuggestFromList(names, case_sensitive=False)))
        years = view.edition_choices(venue_name)
        wanted = paper.target_year if paper.target_year in years else years[-1] if years else Select.NULL
        yield from self._row(self.pick("届（年份）", "Edition"), Select(
            [(str(year), year) for year in years], value=wanted, id="sub-edition", compact=True, allow_blank=False))
        yield from self._row(self.pick("投稿日期", "Date (YYYY-MM-DD)"), SafeInput(view.today, id="sub-date", compact=True))
        yield from self._row(self.pick("论坛 / ARR 编号", "Forum / ARR id"), SafeInput(
            id="sub-forum", compact=True, placeholder=self.pick("OpenReview 论坛或 ARR 投稿号", "OpenReview forum or ARR number")))
        yield from self._row(self.pick("审稿分数", "Scores"), SafeInput(
            id="sub-scores", compact=True, placeholder=self.pick("如 3/3.5/4，随决定一起保存", "e.g. 3/3.5/4 (kept with the decision)")))
        with Horizontal(classes="buttons"):
            yield Button(self.pick("记录投稿", "Record submission"), id="sub-record", compact=True)
        yield Label(self.pick("待定投稿的决定", "Decision on the pending submission"), classes="section")
        with Horizontal(classes="buttons"):
            for decision, zh in (("accepted", "录用"), ("rejected", "被拒"), ("withdrawn", "撤稿")):
                yield Button(self.pick(zh, decision.capitalize()), id=f"sub-{decision}", compact=True)
        yield Label("", id="err-submission", classes="error")

    @staticmethod
    def _show_error(label: Label, message: str) -> None:
        """An error under its field; an empty one takes no line."""
        if not message and not label.has_class("-shown"):
            return  # none shown, none to show: no repaint (a save clears ~20 of them)
        label.update(literal(message, single_line=False) if message else "")
        label.set_class(bool(message), "-shown")

    def _row(self, label: str, widget) -> ComposeResult:
        with Horizontal(classes="row"):
            yield Label(label, classes="field")
            yield widget

    def _field(self, name: str, label: str, widget) -> ComposeResult:
        yield from self._row(label, widget)
        yield Label("", id=f"err-{name}", classes="error")

    # -- the view ---------------------------------------------------------------------------

    def on_mount(self) -> None:
        self._load(self._show_form)

    def _load(self, then) -> None:
        paper_id = self.paper_id
        self.load_then(lambda store: paper_form(store, paper_id), then, name="paper form", failed=self._gone)

    async def _show_form(self, view: PaperFormView) -> None:
        """The whole form, from `view` (first opened, or the version saved elsewhere)."""
        self.view = view
        await self.recompose()
        self.loaded = self._raw()
        self.query_one("#f-title", Input).focus()
        self._load_checklist()
        self._load_history()
        self._shown.set()

    def _show_parts(self, view: PaperFormView) -> None:
        """After a submission or a decision: the checklist, history and submissions; the
        fields keep what is typed."""
        self.view, self.paper = view, view.paper
        self._load_checklist()
        self._load_history()

    def _gone(self, error: StoreError) -> None:  # deleted meanwhile
        kept = self._keep_as_draft()
        self.notify(str(error) + kept, severity="error", markup=False)
        self.dismiss(False)

    def _edited(self) -> dict[str, str]:
        """The fields' text that differs from what the form was filled with."""
        if not self.loaded:
            return {}
        return {name: text for name, text in self._raw().items() if self.loaded.get(name) != text}

    def save_pending(self) -> None:
        """The app is closing (SIGHUP, SIGTERM): unsaved edits become a draft (the user has
        not chosen to save them over the paper)."""
        self._keep_as_draft()

    def _keep_as_draft(self) -> str:
        """The paper is gone: unsaved edits become a draft. Says where (or "")."""
        edited = self._edited()
        if not edited:
            return ""
        title = self.paper.title if self.paper is not None else f"#{self.paper_id}"
        body = "\n\n".join(f"## {name}\n{text}" for name, text in edited.items())
        try:
            draft = keep_draft(self.store, "paper", f"paper “{title}”", body)
        except StoreError as error:
            return self.pick(f"（草稿未保存：{error}）", f" (the draft was not saved: {error})")
        return self.pick(f" 未保存的修改已存为草稿 #{draft.id}（paperdeck drafts --show {draft.id}）。",
                         f" Your unsaved edits are kept as draft #{draft.id} (paperdeck drafts --show {draft.id}).")

    async def view_ready(self) -> None:
        """Wait until the form shows its paper and later loads landed: for tests."""
        await self._shown.wait()
        await super().view_ready()

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

    def _load_history(self) -> None:
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
        submissions = Text()
        for submission in view.submissions:
            submissions.append_text(literal(f"{submission.label} · {submission.submitted_on or '?'} · {submission.decision or self.pick('待定', 'pending')}"))
            if submission.forum_id:
                submissions.append_text(literal(f" · {submission.forum_id}"))
            if submission.scores:
                submissions.append_text(literal(f" · {self.pick('分数', 'scores')} {submission.scores}"))
            submissions.append("\n")
        self.query_one("#form-submissions", Static).update(submissions or Text(self.pick("（无）", "(none)"), style="dim"))

    def on_selection_list_selection_toggled(self, event: SelectionList.SelectionToggled) -> None:
        item_id = event.selection.value
        done = item_id in event.selection_list.selected
        try:
            tick_checklist_item(self.store, item_id, done)
        except StoreError as error:
            self.notify(str(error), severity="error", markup=False)

    def _raw(self) -> dict[str, str]:
        raw = {}
        for widget in self.query("Input, Select, TextArea"):
            if not (widget.id or "").startswith("f-"):
                continue
            name = widget.id[2:]
            if isinstance(widget, Select):
                raw[name] = "" if widget.value is Select.NULL or widget.value is None else str(widget.value)
            elif isinstance(widget, TextArea):
                raw[name] = widget.text
            else:
                raw[name] = widget.value
        return raw

    def action_save(self) -> None:
        paper = self.paper
        if paper is None:
            return  # still loading
        fields, errors = clean_paper_form_changes(self._raw(), self.loaded, self.language)
        for label in self.query(".error").results(Label):
            if label.id and label.id.startswith("err-"):
                self._show_error(label, errors.get(label.id[4:], ""))
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
                differences=lambda conflict: _differences(conflict, fields),
                both=lambda conflict: save_paper(store, self.paper_id, conflict.current_version, _both(conflict, fields)),
            )
        except NotFound as error:
            summary.update(literal(str(error) + self._keep_as_draft(), single_line=False))
        except StoreError as error:
            summary.update(literal(str(error)))

    TABS = ("tab-details", "tab-checklist", "tab-submissions", "tab-links")

    def action_next_tab(self, step: int) -> None:
        tabs = self.query(TabbedContent)
        if tabs:
            index = self.TABS.index(tabs.first().active) if tabs.first().active in self.TABS else 0
            tabs.first().active = self.TABS[(index + step) % len(self.TABS)]

    def _show_tab_of(self, field: str) -> None:
        """Bring the tab holding `field`'s error into view (Save is seen from every tab)."""
        for label in self.query(f"#err-{field}"):
            pane = next((node for node in label.ancestors if isinstance(node, TabPane)), None)
            if pane is not None and pane.id:
                self.query_one(TabbedContent).active = pane.id

    def _saved(self, paper) -> None:
        self.paper = paper
        self.loaded = self._raw()
        self.dismiss(True)

    def _reload_theirs(self) -> None:
        """Show the version saved elsewhere: the form is loaded and rebuilt."""
        self._load(self._show_form)

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

    def record_submission(self) -> None:
        """Submit to a venue: the paper moves to Under review; its history keeps the entry."""
        from ...domain.validation import FieldError, clean_day, clean_line

        error_label = self.query_one("#err-submission", Label)
        try:
            venue = clean_line("submission", self.query_one("#sub-venue", Input).value, self.pick("会议", "the venue"), 80)
            if not venue:
                raise FieldError("submission", self.pick("请填写投稿会议", "name the venue you submitted to"))
            edition = self.query_one("#sub-edition", Select).value
            day = clean_day("submission", self.query_one("#sub-date", Input).value)
            forum = clean_line("submission", self.query_one("#sub-forum", Input).value, self.pick("编号", "the forum id"), 120)
            scores = clean_line("submission", self.query_one("#sub-scores", Input).value, self.pick("分数", "the scores"), 120)
        except FieldError as error:
            self._show_error(error_label, error.say(self.language))
            return
        venue_key = self.view.venue_key(venue) if self.view is not None else None
        year = edition if isinstance(edition, int) else None
        try:
            paper = record_submission(self.store, self.paper_id, venue, venue_key=venue_key, year=year,
                                      submitted_on=day, forum_id=forum, scores=scores)
        except StoreError as error:
            self._show_error(error_label, str(error))
            return
        self._show_error(error_label, "")
        for field in ("#sub-forum", "#sub-scores"):
            self.query_one(field, Input).value = ""
        self._after_submission_change(paper)

    def on_input_changed(self, event: Input.Changed) -> None:
        """A submission's venue typed: its editions to pick from."""
        if event.input.id != "sub-venue" or self.view is None:
            return
        years = self.view.edition_choices(event.value)
        edition = self.query_one("#sub-edition", Select)
        current = edition.value
        edition.set_options([(str(year), year) for year in years])
        if current in years:
            edition.value = current

    def record_decision(self, decision: str) -> None:
        """The latest pending submission gets its decision (and the scores typed, if any); a
        rejection returns to Writing."""
        from ...domain.validation import FieldError, clean_line

        error_label = self.query_one("#err-submission", Label)
        try:
            scores = clean_line("submission", self.query_one("#sub-scores", Input).value, self.pick("分数", "the scores"), 120)
            paper = decide_pending_submission(self.store, self.paper_id, decision, scores)
        except FieldError as error:
            self._show_error(error_label, error.say(self.language))
            return
        except StoreError as error:
            self._show_error(error_label, str(error))
            return
        if paper is None:
            self._show_error(error_label, self.pick("没有待定的投稿", "No pending submission: record one first"))
            return
        self._show_error(error_label, "")
        self.query_one("#sub-scores", Input).value = ""
        self._after_submission_change(paper)

    def _after_submission_change(self, paper: Paper) -> None:
        self.paper = paper  # a new version: later saves must not conflict
        self._load(self._show_parts)  # the stage's checklist, the history, the submissions

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

        names = ", ".join(self._edited())
        self.app.push_screen(ChoiceDialog(self.pick("未保存的修改", "Unsaved edits"), literal(self.pick(
            f"放弃对以下字段的修改？{names}", f"Discard your edits to {names}?"), single_line=False), [
            Choice("save", "保存", "Save", "s", id="discard.save", variant="primary", tooltip="Save the edits, then close"),
            Choice("discard", "放弃修改", "Discard", "d", id="discard.yes", variant="error", tooltip="Close without saving"),
            Choice(None, "继续编辑", "Keep editing", "escape", id="discard.back", tooltip="Back to the form"),
        ], focus="discard.back", id="discard-edits"), answered)


# The paper's text fields a conflict shows and keep-both joins (the others: mine is kept).
_TEXT_FIELDS = {"title": "Title", "contribution": "Contribution", "result": "Result", "award": "Award", "method": "Method",
                "baseline": "Baselines", "dataset": "Data", "problem": "Problem", "limitations": "Limitations",
                "notes": "Notes"}


def _differences(conflict: ConflictError, fields: dict) -> list[tuple[str, str, str]]:
    theirs = conflict.theirs or {}
    return [(label, str(theirs.get(name) or ""), str(fields[name] or ""))
            for name, label in _TEXT_FIELDS.items() if name in fields and (theirs.get(name) or "") != (fields[name] or "")]


def _both(conflict: ConflictError, fields: dict) -> dict:
    """My changed fields, with the text fields holding their text and mine."""
    theirs, merged = conflict.theirs or {}, dict(fields)
    for name in _TEXT_FIELDS:
        if name in fields and theirs.get(name) and fields[name]:
            join = both_texts if name == "notes" else both_lines
            merged[name] = join(str(theirs[name]), str(fields[name]))
    return merged
