"""The paper form's Details tab: title, authors, venue, status and the paper's one-liners."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.suggester import SuggestFromList
from textual.widgets import Label, Select

from ...domain.validation import format_authors
from ...i18n_words import SELECT_PROMPT, STATUS_NAMES, pick, word
from ...models.papers import AWARDS, STATUSES, TRACKS, Paper
from ...usecases.paper_form import PaperFormView
from ..widgets.one_line_select import OneLineSelect
from ..widgets.panel import literal
from ..widgets.safe_text import SafeInput, SafeTextArea
from .paper_form_rows import field, fill


# The Details tab's one-line text fields, filled from the paper's attribute of the same name.
TEXT_FIELDS = ("title", "award", "contribution", "result", "problem", "method", "baseline", "dataset", "limitations")


class DetailsTab:
    """Mixed into PaperFormModal: the Details tab's fields (ids `f-<name>`, saved with Save),
    built empty once and filled from each paper the form shows (`_fill_details`)."""

    def _details(self) -> ComposeResult:
        choose = pick(SELECT_PROMPT, self.language)
        yield from field(self.pick("标题", "Title"), SafeInput(id="f-title", compact=True))
        yield from field(self.pick("作者（逗号分隔，* 共同一作，† 通讯）", "Authors (a, b*, c†)"),
                         SafeInput(id="f-authors", compact=True,
                                   placeholder=self.pick("逗号分隔；* 共同一作，† 通讯作者",
                                                         "comma-separated; * equal contribution, † corresponding")))
        yield from field(self.pick("我的署名位置（1 = 一作）", "My position (1 = first)"),
                         SafeInput(id="f-my_position", compact=True))
        yield from field(self.pick("目标会议", "Target venue"),
                         OneLineSelect([], id="f-venue_key", compact=True, prompt=choose))
        yield from field(self.pick("年份", "Year"), SafeInput(id="f-year", compact=True))
        yield from field(self.pick("类别", "Track"),
                         OneLineSelect([(t, t) for t in TRACKS], id="f-track", compact=True, prompt=choose))
        yield from field(self.pick("方向", "Topic"), OneLineSelect([], id="f-topic_key", compact=True, prompt=choose))
        yield from field(self.pick("状态", "Status"),
                         OneLineSelect([(word(STATUS_NAMES, s, self.language), s) for s in STATUSES],
                                       id="f-status", compact=True, prompt=choose))
        yield from field(self.pick("奖项（Oral、Spotlight…）", "Award (Oral, ...)"),
                         SafeInput(suggester=SuggestFromList(AWARDS, case_sensitive=False), id="f-award", compact=True))
        yield from field(self.pick("一句话贡献", "One-line contribution"), SafeInput(id="f-contribution", compact=True))
        yield from field(self.pick("核心结果（带数字）", "Result (with numbers)"), SafeInput(id="f-result", compact=True))
        # What the paper's interview deck asks about (Flashcards, g).
        yield from field(self.pick("问题（一句话）", "Problem (in a line)"),
                         SafeInput(id="f-problem", compact=True,
                                   placeholder=self.pick("如 RLHF 中的 reward drift", "e.g. reward drift in RLHF")))
        yield from field(self.pick("方法（简短名称）", "Method (a short name)"),
                         SafeInput(id="f-method", compact=True,
                                   placeholder=self.pick("如 reward-aware prompt sampling", "e.g. reward-aware prompt sampling")))
        yield from field(self.pick("对比基线", "Baselines"),
                         SafeInput(id="f-baseline", compact=True, placeholder=self.pick("如 PPO、DPO", "e.g. PPO, DPO")))
        yield from field(self.pick("数据（训练与评估）", "Data (train / eval)"),
                         SafeInput(id="f-dataset", compact=True,
                                   placeholder=self.pick("如 UltraFeedback", "e.g. UltraFeedback")))
        yield from field(self.pick("局限（一句话）", "Limitations (in a line)"),
                         SafeInput(id="f-limitations", compact=True,
                                   placeholder=self.pick("如 只在英文上评估", "e.g. English-only evaluation")))
        yield Label(self.pick("备注", "Notes"), classes="field wide")
        yield SafeTextArea(id="f-notes", classes="wide")

    def _fill_details(self, view: PaperFormView, paper: Paper) -> None:
        """Every Details field from `paper`, its lists from `view` (nothing of an earlier paper
        stays: a field the paper leaves empty is emptied)."""
        fields = self.fields
        for name in TEXT_FIELDS:
            fill(fields[name], getattr(paper, name) or "")
        fill(fields["authors"], format_authors(paper.authors, paper.equal_contribution, paper.corresponding))
        fill(fields["my_position"], "" if paper.my_author_index is None else str(paper.my_author_index + 1))
        fill(fields["year"], str(paper.target_year or ""))
        venues = list(view.venues)
        if paper.venue_key and paper.venue_key not in {key for _, key in venues}:
            venues.append((paper.venue_key, paper.venue_key))
        # Names are data: shown literally (a str prompt is Textual markup, and "[/]" raises).
        fields["venue_key"].offer([(literal(name), key) for name, key in venues], paper.venue_key or Select.NULL)
        fields["topic_key"].offer([(literal(item.pick(self.language)), item.key) for item in view.topics],
                                  paper.topic_key or Select.NULL)
        fields["track"].offer([(t, t) for t in TRACKS], paper.track if paper.track in TRACKS else Select.NULL)
        fields["status"].offer([(word(STATUS_NAMES, s, self.language), s) for s in STATUSES],
                               paper.status if paper.status in STATUSES else Select.NULL)
        notes = fields["notes"]
        notes.load_text(paper.notes)
        notes.move_cursor((0, 0))
        notes.scroll_home(animate=False)
