"""The paper form: every field validated with a clear message; checklist, history and plan.

Its data is one `PaperFormView` (usecases/paper_form.py), loaded off the UI thread when the
form opens and again after a submission, a decision or "Reload theirs"."""

from __future__ import annotations

import asyncio

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.suggester import SuggestFromList
from textual.widgets import Button, Input, Label, Select, SelectionList, Static, TextArea

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

LINK_LABELS = {
    "arxiv": "arXiv", "code": "Code (GitHub)", "project": "Project page", "huggingface": "Hugging Face",
    "openreview": "OpenReview", "paperswithcode": "PapersWithCode",
}


class PaperFormModal(PaperdeckModal[bool]):
    """Edit one paper. Enter in a field or the Save button saves only what was changed;
    Escape closes, asking first when there are unsaved edits."""

    DEFAULT_CSS = """
    PaperFormModal > .dialog { width: 100; max-width: 98%; height: 90%; padding: 0 2; }
    PaperFormModal Label.field { margin-top: 1; color: $text-muted; }
    PaperFormModal #form-errors { color: $error; height: auto; margin-top: 1; }
    PaperFormModal TextArea { height: 6; }
    PaperFormModal SelectionList { height: auto; max-height: 12; }
    PaperFormModal .buttons { margin: 1 0; }
    PaperFormModal .section { margin-top: 1; text-style: bold; }
    """
    BINDINGS = [
        Binding("escape", "close", "Close", id="form.close", tooltip="Close (asks first when there are unsaved edits)"),
        Binding("ctrl+s", "save", "Save", id="form.save", tooltip="Save (also: Enter in a field, or the Save button)"),
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
        venues = list(view.venues)
        if paper.venue_key and paper.venue_key not in {key for _, key in venues}:
            venues.append((paper.venue_key, paper.venue_key))
        topics = [(item.pick(self.language), item.key) for item in view.topics]
        choose = pick(SELECT_PROMPT, self.language)
        with VerticalScroll(classes="dialog") as box:
            box.border_title = self.pick("论文", "Paper") + f" #{paper.id}"
            yield from self._field("title", self.pick("标题", "Title"), SafeInput(paper.title, id="f-title"))
            yield from self._field("authors", self.pick("作者（逗号分隔，* 共同一作，† 通讯作者）", "Authors (comma-separated; * equal contribution, † corresponding)"),
                                   SafeInput(format_authors(paper.authors, paper.equal_contribution, paper.corresponding), id="f-authors"))
            position = "" if paper.my_author_index is None else str(paper.my_author_index + 1)
            yield from self._field("my_position", self.pick("我的署名位置（1 = 一作）", "My position (1 = first author)"), SafeInput(position, id="f-my_position"))
            yield from self._field("venue_key", self.pick("目标会议", "Target venue"),
                                   Select(venues, value=paper.venue_key or Select.NULL, id="f-venue_key", prompt=choose))
            yield from self._field("year", self.pick("年份", "Year"), SafeInput(str(paper.target_year or ""), id="f-year"))
            yield from self._field("track", self.pick("类别", "Track"),
                                   Select([(t, t) for t in TRACKS], value=paper.track if paper.track in TRACKS else Select.NULL, id="f-track",
                                          prompt=choose))
            yield from self._field("topic_key", self.pick("方向", "Topic"),
                                   Select(topics, value=paper.topic_key or Select.NULL, id="f-topic_key", prompt=choose))
            yield from self._field("status", self.pick("状态", "Status"),
                                   Select([(word(STATUS_NAMES, s, self.language), s) for s in STATUSES],
                                          value=paper.status if paper.status in STATUSES else Select.NULL, id="f-status",
                                          prompt=choose))
            yield from self._field("award", self.pick("奖项（Oral、Spotlight…）", "Award (Oral, Spotlight, ...)"),
                                   SafeInput(paper.award or "", suggester=SuggestFromList(AWARDS, case_sensitive=False), id="f-award"))
            for kind in LINK_KINDS:
                yield from self._field(f"link_{kind}", LINK_LABELS[kind], SafeInput(paper.links.get(kind, ""), id=f"f-link_{kind}"))
            yield from self._field("contribution", self.pick("一句话贡献", "One-line contribution"), SafeInput(paper.contribution, id="f-contribution"))
            yield from self._field("result", self.pick("核心结果（带数字）", "Result (with its numbers)"), SafeInput(paper.result, id="f-result"))
            # What the paper's interview deck asks about (Flashcards, g).
            yield from self._field("method", self.pick("方法（简短名称，如 reward-aware prompt sampling）",
                                                       "Method (a short name, e.g. reward-aware prompt sampling)"),
                                   SafeInput(paper.method, id="f-method"))
            yield from self._field("baseline", self.pick("对比基线（如 PPO、DPO）", "Baselines (e.g. PPO, DPO)"),
                                   SafeInput(paper.baseline, id="f-baseline"))
            yield from self._field("dataset", self.pick("数据（训练与评估，如 UltraFeedback）",
                                                        "Data (trained and evaluated on, e.g. UltraFeedback)"),
                                   SafeInput(paper.dataset, id="f-dataset"))
            yield from self._field("notes", self.pick("备注", "Notes"), SafeTextArea(paper.notes, id="f-notes"))
            yield Static(id="form-errors")
            with Horizontal(classes="buttons"):
                yield Button(self.pick("保存", "Save"), variant="primary", id="form-save")
                yield Button(self.pick("关闭", "Close"), id="form-close")
            yield Label(self.pick("本阶段清单（空格勾选）", "Checklist for this stage (space ticks)"), classes="section")
            yield SelectionList[int](id="form-checklist")
            yield Label(self.pick("各阶段天数", "Days in each stage"), classes="section")
            yield Static(id="form-history")
            yield Label(self.pick("投稿记录", "Submissions"), classes="section")
            yield Static(id="form-submissions")
            with Horizontal(classes="buttons"):
                yield SafeInput(placeholder=self.pick("投稿会议，如 ACL ARR", "Venue, e.g. ACL ARR"), id="sub-venue")
                yield SafeInput(placeholder=self.pick("年份", "Year"), id="sub-year")
                yield Button(self.pick("记录投稿", "Record submission"), id="sub-record")
            with Horizontal(classes="buttons"):
                for decision, zh in (("accepted", "录用"), ("rejected", "被拒"), ("withdrawn", "撤稿")):
                    yield Button(self.pick(zh, decision.capitalize()), id=f"sub-{decision}")
            yield Label("", id="err-submission", classes="error")

    def _field(self, name: str, label: str, widget) -> ComposeResult:
        yield Label(label, classes="field")
        yield widget
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
        checklist.clear_options()
        checklist.add_options(options)

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
            if submission.scores:
                submissions.append_text(literal(f" · {submission.scores}"))
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
        for label in self.query(".error"):
            if label.id and label.id.startswith("err-"):
                label.update(literal(errors.get(label.id[4:], "")))
        summary = self.query_one("#form-errors", Static)
        if errors:
            summary.update(literal(self.pick("请修正标红的字段：", "Fix the fields in red: ") + "; ".join(errors.values()), single_line=False))
            return
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
        from ...domain.validation import FieldError, clean_line, clean_year

        error_label = self.query_one("#err-submission", Label)
        try:
            venue = clean_line("submission", self.query_one("#sub-venue", Input).value, self.pick("会议", "the venue"), 80)
            year = clean_year(self.query_one("#sub-year", Input).value)
            if not venue:
                raise FieldError("submission", self.pick("请填写投稿会议", "name the venue you submitted to"))
        except FieldError as error:
            error_label.update(literal(error.say(self.language)))
            return
        venue_key = self.view.venue_key(venue) if self.view is not None else None
        try:
            paper = record_submission(self.store, self.paper_id, venue, venue_key=venue_key, year=year)
        except StoreError as error:
            error_label.update(literal(str(error)))
            return
        error_label.update("")
        self._after_submission_change(paper)

    def record_decision(self, decision: str) -> None:
        """The latest pending submission gets its decision; a rejection returns to Writing."""
        error_label = self.query_one("#err-submission", Label)
        try:
            paper = decide_pending_submission(self.store, self.paper_id, decision)
        except StoreError as error:
            error_label.update(literal(str(error)))
            return
        if paper is None:
            error_label.update(self.pick("没有待定的投稿", "No pending submission: record one first"))
            return
        error_label.update("")
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
                "baseline": "Baselines", "dataset": "Data", "notes": "Notes"}


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
