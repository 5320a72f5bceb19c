"""A paper's target: the deadline it works toward, its backward plan toward that deadline and
whether it is behind (at risk). One answer for the Dashboard, `paperdeck today`, the Pipeline
tiles, the Venues month grid, `paperdeck show` and the .ics.

Which deadline (`target_deadline`): the caller gives the deadlines known for the paper's venue
and the paper's own stage decides. Today that is the venue's next open abstract or paper
deadline, an announced one before an estimate, for every stage but Decision; the edition is
that deadline's `edition_year`. Editions (a paper targeting one edition, milestones after
submission) change `target_deadline` alone: everything else reads a `PaperTarget`.

The plan counts back from the deadline's *local* day and is compared with the user's local
today (see `domain/deadlines.py` for why the local day).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, tzinfo
from typing import Protocol

from ..models.papers import Stage
from ..models.venues import Deadline, DeadlineKind
from .deadlines import is_open, local_day, local_today, opens_at
from .plan import Milestone, milestones, next_milestone, overdue_milestone

# Stages in which a paper is still being worked on: it has a plan and can fall behind it.
PLANNED_STAGES = (Stage.IDEATION, Stage.DESIGN, Stage.EXPERIMENTS, Stage.WRITING, Stage.SUBMISSION)
# The deadlines a paper must meet to be submitted at all.
TARGET_KINDS = (DeadlineKind.ABSTRACT, DeadlineKind.PAPER)


class PaperLike(Protocol):
    """A paper or a board tile: what the target and the plan read."""

    id: int
    stage: Stage
    venue_key: str | None
    track: str | None


def next_submission(deadlines: Iterable[Deadline], now: datetime) -> Deadline | None:
    """The earliest still-open abstract or paper deadline: an announced one, else an estimate."""
    announced: list[Deadline] = []
    estimated: list[Deadline] = []
    for deadline in deadlines:
        if deadline.kind in TARGET_KINDS and is_open(deadline, now):
            (estimated if deadline.is_estimate else announced).append(deadline)
    return min(announced or estimated, key=opens_at, default=None)


def target_deadline(paper: PaperLike, candidates: Iterable[Deadline], now: datetime) -> Deadline | None:
    """The deadline the paper counts down to, among its venue's `candidates` (None: none)."""
    if not paper.venue_key or paper.stage is Stage.DECISION:
        return None
    return next_submission(candidates, now)


@dataclass(frozen=True, slots=True)
class PaperTarget:
    paper_id: int
    deadline: Deadline | None = None       # what the paper counts down to
    plan: tuple[Milestone, ...] = ()       # the backward plan toward it (planned stages only)
    late: Milestone | None = None          # the latest milestone passed with the stage behind it
    next: Milestone | None = None          # the first milestone from today on that the stage has not met

    @property
    def at_risk(self) -> bool:
        return self.late is not None

    @property
    def edition_year(self) -> int | None:
        return self.deadline.edition_year if self.deadline is not None else None

    def milestone(self, name: str) -> Milestone | None:
        return next((m for m in self.plan if m.name == name), None)


def paper_target(paper: PaperLike, candidates: Iterable[Deadline], now: datetime, zone: tzinfo) -> PaperTarget:
    deadline = target_deadline(paper, candidates, now)
    if deadline is None or paper.stage not in PLANNED_STAGES:
        return PaperTarget(paper.id, deadline)
    plan = tuple(milestones(paper, local_day(deadline, zone)))  # type: ignore[arg-type]
    today = local_today(now, zone)
    late = overdue_milestone(paper, list(plan), today)  # type: ignore[arg-type]
    ahead = next_milestone(paper, list(plan), today)  # type: ignore[arg-type]
    return PaperTarget(paper.id, deadline, plan, late, ahead)


def late_text(target: PaperTarget, language: str = "en") -> str:
    """Why a paper is at risk: "Start by 21 Nov passed (est. deadline)"."""
    late = target.late
    if late is None:
        return ""
    estimate = target.deadline is not None and target.deadline.is_estimate
    if language == "zh":
        return f"{late.label('zh')} {late.date.month}月{late.date.day}日 已过" + ("（截止日期为估计）" if estimate else "")
    return f"{late.label()} {late.date:%d %b} passed" + (" (est. deadline)" if estimate else "")


@dataclass(frozen=True, slots=True)
class MilestoneItem:
    """A plan milestone as a calendar shows it (the month grid, the .ics)."""

    uid: str
    paper_id: int
    paper_title: str
    venue_key: str
    name: str
    label_zh: str
    label_en: str
    on_date: date
    deadline_is_estimate: bool

    def label(self, language: str = "en") -> str:
        return self.label_zh if language == "zh" else self.label_en


def milestone_items(titles: dict[int, str], targets: Iterable[PaperTarget]) -> list[MilestoneItem]:
    """Every planned paper's milestones, by date then paper. `titles`: paper id -> title."""
    items = []
    for target in targets:
        deadline = target.deadline
        if deadline is None:
            continue
        for milestone in target.plan:
            items.append(MilestoneItem(
                uid=f"paper-{target.paper_id}-{milestone.name}@paperdeck", paper_id=target.paper_id,
                paper_title=titles.get(target.paper_id, ""), venue_key=deadline.venue_key,
                name=milestone.name, label_zh=milestone.label("zh"), label_en=milestone.label("en"),
                on_date=milestone.date, deadline_is_estimate=deadline.is_estimate,
            ))
    items.sort(key=lambda item: (item.on_date, item.paper_id))
    return items
