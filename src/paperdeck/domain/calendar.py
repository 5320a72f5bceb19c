"""What a calendar shows besides deadlines: the user's paper milestones, and countdowns.

Milestones come from the Pipeline's backward plan (`services/plan.py`), counted back from each
working paper's next deadline at its target venue.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date, datetime, timedelta, tzinfo
from typing import TYPE_CHECKING

from ..models.papers import Stage
from .timezones import UnknownTimezone, deadline_instant, resolve

if TYPE_CHECKING:
    from ..models.papers import Paper
    from ..models.venues import Deadline

# Papers past these stages no longer have a plan to follow.
PLANNED_STAGES = (Stage.IDEATION, Stage.DESIGN, Stage.EXPERIMENTS, Stage.WRITING, Stage.SUBMISSION)
URGENT_DAYS, SOON_DAYS, MONTH_DAYS = 1, 7, 30


@dataclass(frozen=True, slots=True)
class MilestoneItem:
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


def deadline_day(deadline: "Deadline") -> date:
    """The day a deadline falls on in its own timezone (its date, for a date-only one)."""
    if deadline.at is None:
        assert deadline.on_date is not None
        return deadline.on_date
    try:
        return deadline.at.astimezone(resolve(deadline.tz_label)).date()
    except UnknownTimezone:
        return deadline.at.date()


def paper_milestones(
    papers: Iterable["Paper"], next_deadline: Callable[[str, datetime], "Deadline | None"], now: datetime,
) -> list[MilestoneItem]:
    """Every working paper's backward-plan milestones, toward its venue's next deadline."""
    try:
        from . import plan
    except ImportError:  # the Pipeline's plan is not installed: no milestones to show
        return []
    items = []
    for paper in papers:
        if paper.stage not in PLANNED_STAGES or not paper.venue_key:
            continue
        deadline = next_deadline(paper.venue_key, now)
        if deadline is None:
            continue
        for milestone in plan.milestones(paper, deadline_day(deadline)):
            zh, en = milestone.label("zh"), milestone.label("en")
            items.append(MilestoneItem(
                uid=f"paper-{paper.id}-{milestone.name}@paperdeck", paper_id=paper.id,
                paper_title=paper.title, venue_key=deadline.venue_key, name=milestone.name,
                label_zh=zh, label_en=en, on_date=milestone.date, deadline_is_estimate=deadline.is_estimate,
            ))
    items.sort(key=lambda item: (item.on_date, item.paper_id))
    return items


def time_left(deadline: "Deadline", now: datetime) -> timedelta:
    return deadline_instant(deadline) - now


def urgency(deadline: "Deadline", now: datetime) -> str:
    """"past", "urgent" (<= 1 day), "soon" (<= 7), "month" (<= 30) or "later": the colour to use."""
    left = time_left(deadline, now)
    if deadline.at is None and left > -timedelta(days=1):
        left = max(left, timedelta(0))  # a date-only deadline lasts through its day
    if left < timedelta(0):
        return "past"
    if left <= timedelta(days=URGENT_DAYS):
        return "urgent"
    if left <= timedelta(days=SOON_DAYS):
        return "soon"
    if left <= timedelta(days=MONTH_DAYS):
        return "month"
    return "later"


def countdown(deadline: "Deadline", now: datetime, zone: tzinfo | None = None) -> str:
    """Time left as days and hours ("12d 5h", "5h 03m"); a date-only deadline in whole days."""
    if deadline.at is None:
        assert deadline.on_date is not None
        today = now.astimezone(zone).date() if zone is not None else now.date()
        days = (deadline.on_date - today).days
        if days < 0:
            return "passed"
        if days == 0:
            return "today"
        return "1 day" if days == 1 else f"{days} days"
    seconds = int((deadline.at - now).total_seconds())
    if seconds < 0:
        return "passed"
    days, rest = divmod(seconds, 86400)
    hours, rest = divmod(rest, 3600)
    if days:
        return f"{days}d {hours}h"
    return f"{hours}h {rest // 60:02d}m"
