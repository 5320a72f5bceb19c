"""The user's own papers, for the Dashboard and `paperdeck today`: how many in each stage, each
working paper's target and next plan milestone, and, while the user has no paper of their own,
what to do first (the guide's first stage and its preparation rule, in its own words).

The guide's example papers (`Paper.is_example`) are never among them: callers pass the user's
own papers and say how many examples they left out.
"""

from __future__ import annotations

import heapq
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, tzinfo
from typing import TYPE_CHECKING

from ..domain.deadlines import countdown
from ..domain.targets import PLANNED_STAGES, PaperTarget
from ..models.stages import STAGES, PaperBrief
from ..store.errors import NotFound

if TYPE_CHECKING:
    from ..store import Store


@dataclass(slots=True)
class MyPaper:
    """One of the user's working papers, as the summary lists it."""

    paper_id: int
    title: str
    stage: str
    venue: str = ""              # "ICML 2027"; "" without a target venue
    countdown: str = ""          # to the target deadline, in English ("41d 3h"); "" without one
    countdown_zh: str = ""
    next_zh: str = ""            # the next milestone of its backward plan; "" without a plan
    next_en: str = ""
    next_on: date | None = None

    def next_label(self, language: str) -> str:
        return self.next_zh if language == "zh" else self.next_en

    def countdown_in(self, language: str) -> str:
        return self.countdown_zh if language == "zh" else self.countdown


@dataclass(slots=True)
class MyPapers:
    """The user's own papers: counts by stage and the working ones."""

    by_stage: list[tuple[str, int]] = field(default_factory=list)  # (stage, count), board order, non-zero
    working: list[MyPaper] = field(default_factory=list)           # still being worked on: soonest milestone first

    @property
    def total(self) -> int:
        return sum(count for _, count in self.by_stage)


def my_papers(papers: Sequence[PaperBrief], targets: Mapping[int, PaperTarget], now: datetime, zone: tzinfo,
              venue_names: Mapping[str, str]) -> MyPapers:
    """`papers`: the user's own (no examples); `targets`: theirs (usecases.paper_targets);
    `venue_names`: venue key -> name as the user knows it ("MLSys")."""
    return my_papers_rows(papers, targets, now, zone, venue_names)[0]


def my_papers_rows(papers: Sequence[PaperBrief], targets: Mapping[int, PaperTarget], now: datetime, zone: tzinfo,
                   venue_names: Mapping[str, str], rows: int | None = None,
                   leave_out: Collection[int] = ()) -> tuple[MyPapers, int]:
    """my_papers, its working list cut to its first `rows` (all when None), and how many
    papers that list has in all. `leave_out`: papers the working list does not name (they are
    still counted by stage)."""
    counts = {stage: 0 for stage in STAGES}
    rank = {stage: n for n, stage in enumerate(STAGES)}
    working = []  # (sort key, paper, what its target adds or None)
    # What a target adds to its papers' rows (venue, countdowns, next milestone), worded once per
    # target: papers alike share one (`paper_targets(shared=True)`), copies share its deadline.
    shown: dict[int, tuple[str, str, str, str, str, date | None]] = {}
    countdowns: dict[int, tuple[str, str]] = {}  # deadline id -> its countdowns: papers share deadlines
    for paper in papers:
        counts[paper.stage] += 1
        if paper.stage not in PLANNED_STAGES or paper.id in leave_out:
            continue
        target = targets.get(paper.id)
        texts = None if target is None else shown.get(id(target))
        if target is not None and texts is None:
            venue, left, left_zh, next_zh, next_en, next_on = "", "", "", "", "", None
            if target.deadline is not None:
                key = target.deadline.venue_key
                venue = f"{venue_names.get(key, key.upper())} {target.deadline.edition_year}"
                times = countdowns.get(id(target.deadline))
                if times is None:
                    times = countdowns[id(target.deadline)] = (countdown(target.deadline, now, zone),
                                                               countdown(target.deadline, now, zone, "zh"))
                left, left_zh = times
            if target.next is not None:
                next_zh, next_en, next_on = target.next.label("zh"), target.next.label("en"), target.next.date
            texts = shown[id(target)] = (venue, left, left_zh, next_zh, next_en, next_on)
        next_on = texts[5] if texts is not None else None
        # Soonest milestone first; papers without a plan after, in board order.
        working.append(((next_on is None, next_on or date.max, rank[paper.stage], paper.id), paper, texts))
    chosen = heapq.nsmallest(rows, working, key=_first) if rows is not None and rows < len(working) else sorted(working, key=_first)
    rows_shown = [MyPaper(paper.id, paper.title, paper.stage.value, *texts) if texts is not None
                  else MyPaper(paper.id, paper.title, paper.stage.value) for _key, paper, texts in chosen]
    return MyPapers([(stage.value, count) for stage, count in counts.items() if count], rows_shown), len(working)


def _first(entry: tuple) -> tuple:
    return entry[0]


@dataclass(slots=True)
class FirstRunHint:
    """What to do first, in the guide's words: its first stage with that stage's tasks, and its
    preparation rule. Either may be missing when the user deleted that guide item."""

    stage_zh: str = ""
    stage_en: str = ""
    tasks_zh: list[str] = field(default_factory=list)
    tasks_en: list[str] = field(default_factory=list)
    prep_zh: str = ""
    prep_en: str = ""
    examples: int = 0            # the guide's example papers on the board (not the user's)

    def lines(self, language: str, *, add: str) -> list[str]:
        """The hint as lines; `add`: how to add a paper here ("2, then n" / "paperdeck add TITLE")."""
        zh = language == "zh"
        lines = ["还没有你自己的论文。" if zh else "No paper of your own yet."]
        stage, tasks = (self.stage_zh, self.tasks_zh) if zh else (self.stage_en, self.tasks_en)
        if stage:
            if zh:
                lines.append(f"第一步（{stage}）：" + " + ".join(tasks) if tasks else f"第一步：{stage}")
            else:
                lines.append(f"First step ({stage}): " + " + ".join(tasks) if tasks else f"First step: {stage}")
        lines.append(f"添加论文（{add}），设定目标会议：截止日期与倒排计划就会显示在这里。" if zh else
                     f"Add your paper ({add}) and give it a target venue: its deadline and plan then show here.")
        prep = self.prep_zh if zh else self.prep_en
        if prep:
            lines.append(prep)
        if self.examples:
            lines.append(f"看板上标为「示例」的 {self.examples} 篇论文来自指南，不算作你的论文，也不进简历。" if zh else
                         f"The {self.examples} papers marked “example” on the board are the guide's: "
                         "not counted as yours, not on your resume.")
        return lines


def first_run_hint(store: "Store", examples: int) -> FirstRunHint:
    """The guide's first stage (by board order) with its tasks, and its preparation rule."""
    guide = store.guide
    hint = FirstRunHint(examples=examples)
    stages = guide.items("stage")
    if stages:
        first = stages[0]
        hint.stage_zh, hint.stage_en = first.zh, first.en
        tasks = guide.items("task", first.key)
        hint.tasks_zh = [task.zh for task in tasks if task.zh]
        hint.tasks_en = [task.en for task in tasks if task.en]
    try:
        prep = guide.get("prep.weeks")
    except NotFound:
        return hint
    hint.prep_zh, hint.prep_en = prep.zh, prep.en
    return hint
