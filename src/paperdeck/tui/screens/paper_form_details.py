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
from .paper_form_rows import field


class DetailsTab:
    """Mixed into PaperFormModal: the Details tab's fields (ids `f-<name>`, saved with Save)."""

    def _details(self, view: PaperFormView, paper: Paper) -> ComposeResult:
        venues = list(view.venues)
        if paper.venue_key and paper.venue_key not in {key for _, key in venues}:
            venues.append((paper.venue_key, paper.venue_key))
        # Names are data: shown literally (a str prompt is Textual markup, and "[/]" raises).
        venues = [(literal(name), key) for name, key in venues]
        topics = [(literal(item.pick(self.language)), item.key) for item in view.topics]
        choose = pick(SELECT_PROMPT, self.language)
        yield from field(self.pick("标题", "Title"), SafeInput(paper.title, id="f-title", compact=True))
        yield from field(self.pick("作者（逗号分隔，* 共同一作，† 通讯）", "Authors (a, b*, c†)"),
                         SafeInput(format_authors(paper.authors, paper.equal_contribution, paper.corresponding),
                                   id="f-authors", compact=True,
                                   placeholder=self.pick("逗号分隔；* 共同一作，† 通讯作者",
                                                         "comma-separated; * equal contribution, † corresponding")))
        position = "" if paper.my_author_index is None else str(paper.my_author_index + 1)
        yield from field(self.pick("我的署名位置（1 = 一作）", "My position (1 = first)"),
                         SafeInput(position, id="f-my_position", compact=True))
        yield from field(self.pick("目标会议", "Target venue"),
                         OneLineSelect(venues, value=paper.venue_key or Select.NULL, id="f-venue_key", compact=True,
                                prompt=choose))
        yield from field(self.pick("年份", "Year"), SafeInput(str(paper.target_year or ""), id="f-year", compact=True))
        yield from field(self.pick("类别", "Track"),
                         OneLineSelect([(t, t) for t in TRACKS], value=paper.track if paper.track in TRACKS else Select.NULL,
                                id="f-track", compact=True, prompt=choose))
        yield from field(self.pick("方向", "Topic"),
                         OneLineSelect(topics, value=paper.topic_key or Select.NULL, id="f-topic_key", compact=True, prompt=choose))
        yield from field(self.pick("状态", "Status"),
                         OneLineSelect([(word(STATUS_NAMES, s, self.language), s) for s in STATUSES],
                                value=paper.status if paper.status in STATUSES else Select.NULL,
                                id="f-status", compact=True, prompt=choose))
        yield from field(self.pick("奖项（Oral、Spotlight…）", "Award (Oral, ...)"),
                         SafeInput(paper.award or "", suggester=SuggestFromList(AWARDS, case_sensitive=False),
                                   id="f-award", compact=True))
        yield from field(self.pick("一句话贡献", "One-line contribution"),
                         SafeInput(paper.contribution, id="f-contribution", compact=True))
        yield from field(self.pick("核心结果（带数字）", "Result (with numbers)"),
                         SafeInput(paper.result, id="f-result", compact=True))
        # What the paper's interview deck asks about (Flashcards, g).
        yield from field(self.pick("问题（一句话）", "Problem (in a line)"),
                         SafeInput(paper.problem, id="f-problem", compact=True,
                                   placeholder=self.pick("如 RLHF 中的 reward drift", "e.g. reward drift in RLHF")))
        yield from field(self.pick("方法（简短名称）", "Method (a short name)"),
                         SafeInput(paper.method, id="f-method", compact=True,
                                   placeholder=self.pick("如 reward-aware prompt sampling", "e.g. reward-aware prompt sampling")))
        yield from field(self.pick("对比基线", "Baselines"),
                         SafeInput(paper.baseline, id="f-baseline", compact=True,
                                   placeholder=self.pick("如 PPO、DPO", "e.g. PPO, DPO")))
        yield from field(self.pick("数据（训练与评估）", "Data (train / eval)"),
                         SafeInput(paper.dataset, id="f-dataset", compact=True,
                                   placeholder=self.pick("如 UltraFeedback", "e.g. UltraFeedback")))
        yield from field(self.pick("局限（一句话）", "Limitations (in a line)"),
                         SafeInput(paper.limitations, id="f-limitations", compact=True,
                                   placeholder=self.pick("如 只在英文上评估", "e.g. English-only evaluation")))
        yield Label(self.pick("备注", "Notes"), classes="field wide")
        yield SafeTextArea(paper.notes, id="f-notes", classes="wide")
