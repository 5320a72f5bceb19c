"""The backward plan: milestones counted back from a deadline by the guide's 6-10 week rule.

The guide: "建议准备周期：至少 6~10 周" (prepare for at least 6-10 weeks). A conference paper
gets the full 10 weeks; a workshop paper the 6-week minimum. Milestones, from the deadline
back: submit by (the deadline), draft by (a tenth of the plan before: time to polish and
check the format), experiments done by (40% before: writing needs results), start by.
Which deadline, and which day of it, is decided in `domain/targets.py`.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import TYPE_CHECKING, NamedTuple

from ..models.stages import STAGES, Stage

if TYPE_CHECKING:
    from ..models.papers import Paper

FULL_WEEKS, SHORT_WEEKS = 10, 6

MILESTONE_LABELS: dict[str, tuple[str, str]] = {
    "start_by": ("开始", "Start by"),
    "experiments_done_by": ("实验完成", "Experiments done by"),
    "draft_by": ("初稿完成", "Draft by"),
    "submit_by": ("提交", "Submit by"),
}
# The stage a paper must have reached once a milestone's date has passed.
STAGE_AFTER = {
    "start_by": Stage.DESIGN,
    "experiments_done_by": Stage.WRITING,
    "draft_by": Stage.SUBMISSION,
    "submit_by": Stage.UNDER_REVIEW,
}


class Milestone(NamedTuple):
    name: str
    date: date

    def label(self, language: str = "en") -> str:
        zh, en = MILESTONE_LABELS[self.name]
        return zh if language == "zh" else en


def plan_weeks(paper: "Paper") -> int:
    return SHORT_WEEKS if (paper.track or "").lower() == "workshop" else FULL_WEEKS


def milestones(paper: "Paper", deadline_date: date) -> list[Milestone]:
    """start by, experiments done by, draft by, submit by: in date order."""
    days = plan_weeks(paper) * 7
    return [
        Milestone("start_by", deadline_date - timedelta(days=days)),
        Milestone("experiments_done_by", deadline_date - timedelta(days=round(days * 0.4))),
        Milestone("draft_by", deadline_date - timedelta(days=max(1, round(days * 0.1)))),
        Milestone("submit_by", deadline_date),
    ]


def overdue_milestone(paper: "Paper", plan: list[Milestone], today: date) -> Milestone | None:
    """The latest milestone whose date has passed while the paper's stage is still behind it."""
    if paper.stage in (Stage.UNDER_REVIEW, Stage.DECISION):
        return None
    rank = STAGES.index(paper.stage)
    late = [m for m in plan if today > m.date and rank < STAGES.index(STAGE_AFTER[m.name])]
    return late[-1] if late else None


def next_milestone(paper: "Paper", plan: list[Milestone], today: date) -> Milestone | None:
    """The first milestone from today on that the paper's stage has not met yet."""
    rank = STAGES.index(paper.stage)
    return next((m for m in plan if m.date >= today and rank < STAGES.index(STAGE_AFTER[m.name])), None)

