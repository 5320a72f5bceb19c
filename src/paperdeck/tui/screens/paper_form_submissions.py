"""The paper form's Submissions tab: the record of each submission, a new one, and the decision
on the pending one (each saved at once)."""

from __future__ import annotations

from dataclasses import replace

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.suggester import SuggestFromList
from textual.widgets import Button, Input, Label, Select, Static

from ...domain.validation import FieldError, clean_day, clean_line
from ...models.papers import Paper
from ...usecases.core import StoreError
from ...usecases.paper_form import PaperFormView, decide_pending_submission, record_submission, submission_editions
from ..widgets.panel import literal
from ..widgets.one_line_select import OneLineSelect
from ..widgets.safe_text import SafeInput
from .paper_form_rows import fill, row, show_error


YEAR_ZERO = 0  # the edition list's one option until a paper fills it (a Select without a blank needs one)


class SubmissionsTab:
    """Mixed into PaperFormModal: its `sub-` fields and buttons, and what they save."""

    _editions_asked = None  # the opening that asked for the venues' editions
    _edition_filled: tuple = ()  # (venue, edition) as a fill chose them

    def _submissions(self) -> ComposeResult:
        """The record of each submission, and a new one: venue, edition (from the venue's
        editions), date, forum / ARR id, scores; then the decision on the pending one. Filled
        from the paper by `_fill_submissions`."""
        yield Static(id="form-submissions")
        yield Label(self.pick("记录投稿（立即保存）", "Record a submission (saved at once)"), classes="section")
        yield from row(self.pick("会议", "Venue"), SafeInput(
            id="sub-venue", compact=True, placeholder=self.pick("如 ACL ARR", "e.g. ACL ARR")))
        yield from row(self.pick("届（年份）", "Edition"), OneLineSelect(
            [(str(YEAR_ZERO), YEAR_ZERO)], id="sub-edition", compact=True, allow_blank=False))
        yield from row(self.pick("投稿日期", "Date (YYYY-MM-DD)"), SafeInput(id="sub-date", compact=True))
        yield from row(self.pick("论坛 / ARR 编号", "Forum / ARR id"), SafeInput(
            id="sub-forum", compact=True, placeholder=self.pick("OpenReview 论坛或 ARR 投稿号", "OpenReview forum or ARR number")))
        yield from row(self.pick("审稿分数", "Scores"), SafeInput(
            id="sub-scores", compact=True, placeholder=self.pick("如 3/3.5/4，随决定一起保存", "e.g. 3/3.5/4 (kept with the decision)")))
        with Horizontal(classes="buttons"):
            yield Button(self.pick("记录投稿", "Record submission"), id="sub-record", compact=True)
        yield Label(self.pick("待定投稿的决定", "Decision on the pending submission"), classes="section")
        with Horizontal(classes="buttons"):
            for decision, zh in (("accepted", "录用"), ("rejected", "被拒"), ("withdrawn", "撤稿")):
                yield Button(self.pick(zh, decision.capitalize()), id=f"sub-{decision}", compact=True)
        yield Label("", id="err-submission", classes="error")

    def _fill_submissions(self, view: PaperFormView, paper: Paper) -> None:
        """A new submission's fields as for `paper` (its target venue and edition, today), no
        error; the record of its submissions."""
        venue_name = next((name for name, key in view.venues if key == paper.venue_key), paper.venue_key or "")
        venue = self.query_one("#sub-venue", Input)
        venue.suggester = SuggestFromList([name for name, _ in view.venues], case_sensitive=False)
        fill(venue, venue_name)
        self._offer_target_edition(venue_name)
        fill(self.query_one("#sub-date", Input), view.today)
        for name in ("#sub-forum", "#sub-scores"):
            fill(self.query_one(name, Input), "")
        show_error(self.query_one("#err-submission", Label), "")
        self._load_submissions()

    def _offer_target_edition(self, venue_name: str) -> None:
        """`venue_name`'s editions, the paper's target year chosen if among them."""
        years = self.view.edition_choices(venue_name)
        target = self.paper.target_year
        wanted = target if target in years else years[-1] if years else Select.NULL
        self.query_one("#sub-edition", OneLineSelect).offer([(str(year), year) for year in years], wanted)
        self._edition_filled = (venue_name, wanted)

    def _read_editions(self) -> None:
        """The Submissions tab is shown: every venue's editions, once an opening."""
        if self.view is None or self.view.editions is not None or self._editions_asked is self.opening:
            return
        self._editions_asked = self.opening
        self._load(self._editions_read, read=lambda store, _paper_id: submission_editions(store))

    def _editions_read(self, editions) -> None:
        self.view = replace(self.view, editions=editions)
        venue = self.query_one("#sub-venue", Input).value
        if self._edition_filled == (venue, self.query_one("#sub-edition", Select).value):
            self._offer_target_edition(venue)  # untouched since filled: chosen as then, from every edition
        else:
            self._offer_editions(venue)

    def _load_submissions(self) -> None:
        view = self.view
        assert view is not None
        submissions = Text()
        for submission in view.submissions:
            submissions.append_text(literal(f"{submission.label} · {submission.submitted_on or '?'} · {submission.decision or self.pick('待定', 'pending')}"))
            if submission.forum_id:
                submissions.append_text(literal(f" · {submission.forum_id}"))
            if submission.scores:
                submissions.append_text(literal(f" · {self.pick('分数', 'scores')} {submission.scores}"))
            submissions.append("\n")
        self.query_one("#form-submissions", Static).update(submissions or Text(self.pick("（无）", "(none)"), style="dim"))

    def record_submission(self) -> None:
        """Submit to a venue: the paper moves to Under review; its history keeps the entry."""
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
            show_error(error_label, error.say(self.language))
            return
        venue_key = self.view.venue_key(venue) if self.view is not None else None
        year = edition if isinstance(edition, int) else None
        try:
            paper = record_submission(self.store, self.paper_id, venue, venue_key=venue_key, year=year,
                                      submitted_on=day, forum_id=forum, scores=scores)
        except StoreError as error:
            show_error(error_label, str(error))
            return
        show_error(error_label, "")
        for name in ("#sub-forum", "#sub-scores"):
            self.query_one(name, Input).value = ""
        self._after_submission_change(paper)

    def on_input_changed(self, event: Input.Changed) -> None:
        """A submission's venue typed: its editions to pick from."""
        if event.input.id != "sub-venue" or self.view is None:
            return
        self._offer_editions(event.value)

    def _offer_editions(self, venue_name: str) -> None:
        """`venue_name`'s editions to pick from; the one picked stays if among them."""
        years = self.view.edition_choices(venue_name)
        edition = self.query_one("#sub-edition", Select)
        current = edition.value
        edition.set_options([(str(year), year) for year in years])
        if current in years:
            edition.value = current

    def record_decision(self, decision: str) -> None:
        """The latest pending submission gets its decision (and the scores typed, if any); a
        rejection returns to Writing."""
        error_label = self.query_one("#err-submission", Label)
        try:
            scores = clean_line("submission", self.query_one("#sub-scores", Input).value, self.pick("分数", "the scores"), 120)
            paper = decide_pending_submission(self.store, self.paper_id, decision, scores)
        except FieldError as error:
            show_error(error_label, error.say(self.language))
            return
        except StoreError as error:
            show_error(error_label, str(error))
            return
        if paper is None:
            show_error(error_label, self.pick("没有待定的投稿", "No pending submission: record one first"))
            return
        show_error(error_label, "")
        self.query_one("#sub-scores", Input).value = ""
        self._after_submission_change(paper)

    def _after_submission_change(self, paper: Paper) -> None:
        self.wrote = True
        self.paper = paper  # a new version: later saves must not conflict
        self._load(self._show_parts)  # the stage's checklist, the history, the submissions
