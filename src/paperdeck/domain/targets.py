"""A paper's target: the edition it works toward, the milestone it waits for next, its backward
plan and whether it is behind (at risk). One answer for the Dashboard, `paperdeck today`, the
Pipeline tiles, the Venues month grid, `paperdeck show` and the .ics.

Which edition: the paper's venue and year (and cycle, if it names one); a paper with no year
works toward the venue's next open submission deadline, as the Venues list shows it. What it
waits for comes from that edition and the paper's own stage (`resolve_target`):
- before submission (Ideation to Submission): the edition's next open abstract or paper
  deadline. Once they have all passed the target says so (PASSED) and offers the next cycle or
  edition (`offer`); it never counts down to another edition without saying so.
- under review: the edition's next event after submission (supplementary material, reviews,
  rebuttal, ARR commitment, notification, camera-ready, the conference), in its cycle.
- decision: the camera-ready and the conference (accepted, or the decision not recorded);
  rejected or withdrawn, nothing (DONE).

The plan counts back from the deadline's *local* day and is compared with the user's local
today (see `domain/deadlines.py` for why the local day).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, fields
from datetime import date, datetime, tzinfo
from enum import Enum
from functools import lru_cache
from typing import NamedTuple, Protocol

from ..models.bounds import year_in_bounds
from ..models.stages import STAGES, Stage
from ..models.venues import Deadline, DeadlineKind
from .deadlines import is_open, local_day, local_today, opens_at
from .editions import AFTER_NOTIFICATION, AFTER_SUBMISSION, VenueEditions, submitted_cycle
from .plan import STAGE_AFTER, Milestone, milestones, next_milestone, overdue_milestone, plan_weeks

# Stages in which a paper is still being worked on: it has a plan and can fall behind it.
PLANNED_STAGES = (Stage.IDEATION, Stage.DESIGN, Stage.EXPERIMENTS, Stage.WRITING, Stage.SUBMISSION)
# The deadlines a paper must meet to be submitted at all.
TARGET_KINDS = (DeadlineKind.ABSTRACT, DeadlineKind.PAPER)


class PaperLike(Protocol):
    """A paper or a board tile: what the target and the plan read."""

    id: int
    stage: Stage
    venue_key: str | None
    target_year: int | None
    track: str | None
    decision: str | None


class TargetState(str, Enum):
    NONE = "none"           # no venue
    AHEAD = "ahead"         # counting down to `deadline`
    PASSED = "passed"       # its edition's submission deadlines passed before it was submitted
    UNKNOWN = "unknown"     # no date known (nor estimated) for what it waits for
    DONE = "done"           # nothing ahead: decided, or the conference is over


def next_submission(deadlines: Iterable[Deadline], now: datetime) -> Deadline | None:
    """The earliest still-open abstract or paper deadline: an announced one, else an estimate."""
    announced: list[Deadline] = []
    estimated: list[Deadline] = []
    for deadline in deadlines:
        if deadline.kind in TARGET_KINDS and is_open(deadline, now):
            (estimated if deadline.is_estimate else announced).append(deadline)
    return min(announced or estimated, key=opens_at, default=None)


def last_submission(deadlines: Iterable[Deadline], now: datetime) -> Deadline | None:
    """The latest announced abstract or paper deadline already closed (a past venue's last)."""
    closed = [d for d in deadlines if d.kind in TARGET_KINDS and not d.is_estimate and not is_open(d, now)]
    return max(closed, key=lambda d: (opens_at(d), d.uid), default=None)


@dataclass(frozen=True, slots=True)
class PaperTarget:
    paper_id: int
    deadline: Deadline | None = None       # what it counts down to; PASSED: the deadline missed
    plan: tuple[Milestone, ...] = ()       # the backward plan toward it (planned stages only)
    late: Milestone | None = None          # the latest milestone passed with the stage behind it
    next: Milestone | None = None          # the first milestone from today on that the stage has not met
    state: TargetState = TargetState.NONE
    venue_key: str | None = None
    venue_name: str = ""
    edition_year: int | None = None        # the edition it targets
    cycle: int = 0                         # its cycle in that edition (0: the only one, or any)
    offer: Deadline | None = None          # PASSED: the next open cycle's or edition's deadline
    chosen: bool = False                   # the next edition was chosen for it (it named no year)
    stage: Stage = Stage.IDEATION

    @property
    def at_risk(self) -> bool:
        return self.late is not None or (self.state is TargetState.PASSED and self.stage in PLANNED_STAGES)

    @property
    def edition(self) -> str:
        """"ICLR 2027", "KDD 2026 cycle 2", "" without a venue."""
        if not self.venue_key:
            return ""
        text = f"{self.venue_name or self.venue_key} {self.edition_year or ''}".strip()
        return f"{text} cycle {self.cycle}" if self.cycle else text

    def milestone(self, name: str) -> Milestone | None:
        return next((m for m in self.plan if m.name == name), None)


_COPIED = tuple(f.name for f in fields(PaperTarget) if f.name != "paper_id")


def target_for(target: PaperTarget, paper_id: int) -> PaperTarget:
    """`replace(target, paper_id=paper_id)` without `replace`'s cost (10,000 papers share a
    few hundred targets): every field copied as is; PaperTarget has no __post_init__."""
    copy = object.__new__(PaperTarget)
    for name in _COPIED:
        object.__setattr__(copy, name, getattr(target, name))
    object.__setattr__(copy, "paper_id", paper_id)
    return copy


def _after_kinds(paper: PaperLike) -> tuple[DeadlineKind, ...]:
    if paper.stage is Stage.UNDER_REVIEW:
        return AFTER_SUBMISSION
    if paper.decision in ("rejected", "withdrawn"):
        return ()
    return AFTER_NOTIFICATION  # the decision came: accepted, or not recorded yet


def resolve_target(paper: PaperLike, venue: VenueEditions | None, now: datetime, zone: tzinfo,
                   submitted: datetime | None = None) -> PaperTarget:
    """The edition and the deadline a paper waits for (no plan yet: see `paper_target`)."""
    if not paper.venue_key or venue is None:
        return PaperTarget(paper.id, stage=paper.stage, venue_key=paper.venue_key or None,
                           venue_name=venue.venue_name if venue else (paper.venue_key or ""),
                           edition_year=paper.target_year, state=TargetState.NONE if not paper.venue_key
                           else TargetState.UNKNOWN)
    wanted = int(getattr(paper, "target_cycle", None) or 0)
    base = dict(stage=paper.stage, venue_key=venue.venue_key, venue_name=venue.venue_name)
    year = paper.target_year
    if year is not None and not year_in_bounds(year):  # a row stored out of range: never guess
        return PaperTarget(paper.id, state=TargetState.UNKNOWN, edition_year=year, **base)
    if paper.stage in PLANNED_STAGES:
        if year is None:
            found = venue.next_open(now)
            if found is None:
                return PaperTarget(paper.id, state=TargetState.UNKNOWN, **base)
            cycle = venue.edition(found.edition_year).cycle_of(found)
            return PaperTarget(paper.id, found, state=TargetState.AHEAD, edition_year=found.edition_year,
                               cycle=cycle, chosen=True, **base)
        found_edition = venue.edition(year)
        ahead = found_edition.open_submission(now, wanted)
        if ahead is not None:
            return PaperTarget(paper.id, ahead, state=TargetState.AHEAD, edition_year=year,
                               cycle=wanted or found_edition.cycle_of(ahead), **base)
        missed = [d for d in found_edition.submissions(wanted)]
        passed = missed[-1] if missed else None
        if passed is None and local_today(now, zone) <= date(year, 12, 31):
            return PaperTarget(paper.id, state=TargetState.UNKNOWN, edition_year=year, cycle=wanted, **base)
        return PaperTarget(paper.id, passed, state=TargetState.PASSED, edition_year=year, cycle=wanted,
                           offer=venue.offer(now, year, wanted), **base)
    if year is None:
        year = venue.last_closed_year(now)
        if year is None:
            return PaperTarget(paper.id, state=TargetState.UNKNOWN, **base)
    found_edition = venue.edition(year)
    kinds = _after_kinds(paper)
    if not kinds:
        return PaperTarget(paper.id, state=TargetState.DONE, edition_year=year, cycle=wanted, **base)
    cycle = wanted or submitted_cycle(found_edition, submitted, now)
    events = found_edition.of(kinds, cycle)
    ahead = min((d for d in events if is_open(d, now)), key=opens_at, default=None)
    state = TargetState.AHEAD if ahead is not None else TargetState.DONE if events else TargetState.UNKNOWN
    if state is TargetState.DONE and local_today(now, zone) <= date(year, 12, 31) and not any(
            d.kind is DeadlineKind.CONFERENCE_END for d in events):
        state = TargetState.UNKNOWN  # what is known has passed, but the edition may hold more
    return PaperTarget(paper.id, ahead, state=state, edition_year=year, cycle=cycle, **base)


def target_key(paper: PaperLike, submitted: datetime | None = None) -> tuple:
    """All that `paper_target` reads of a paper but its id: papers with equal keys (toward the
    same venue, at the same clock and zone) have equal targets but for `paper_id`. Keep it in
    step with `resolve_target`, `milestones` and the milestone checks."""
    return (paper.venue_key, paper.target_year, int(getattr(paper, "target_cycle", None) or 0), paper.stage,
            paper.decision, plan_weeks(paper), submitted)  # type: ignore[arg-type]


def reads_submitted(paper: PaperLike, venue: VenueEditions | None, now: datetime) -> bool:
    """Whether `resolve_target` reads the paper's submission date: only past submission, for a
    paper naming no cycle, toward an edition running several (`submitted_cycle`). Elsewhere
    papers submitted on different days have equal targets (`target_key` may leave the day out).
    Keep it in step with `resolve_target`."""
    if not paper.venue_key or venue is None or paper.stage in PLANNED_STAGES:
        return False
    if int(getattr(paper, "target_cycle", None) or 0) or not _after_kinds(paper):
        return False
    year = paper.target_year
    if year is None:
        year = venue.last_closed_year(now)
        if year is None:
            return False
    elif not year_in_bounds(year):
        return False
    return venue.edition(year).cycles != (0,)


def paper_target(paper: PaperLike, venue: VenueEditions | None, now: datetime, zone: tzinfo,
                 submitted: datetime | None = None) -> PaperTarget:
    """The paper's target with its backward plan (planned stages, toward a submission deadline)."""
    from dataclasses import replace

    target = resolve_target(paper, venue, now, zone, submitted)
    deadline = target.deadline
    if deadline is None or paper.stage not in PLANNED_STAGES or deadline.kind not in TARGET_KINDS:
        return target
    plan = tuple(milestones(paper, local_day(deadline, zone)))  # type: ignore[arg-type]
    today = local_today(now, zone)
    late = overdue_milestone(paper, list(plan), today)  # type: ignore[arg-type]
    ahead = next_milestone(paper, list(plan), today)  # type: ignore[arg-type]
    return replace(target, plan=plan, late=late, next=ahead)


def milestone_done(stage: Stage, milestone: Milestone) -> bool:
    """True once the paper has reached the stage the milestone asks for."""
    return STAGES.index(stage) >= STAGES.index(STAGE_AFTER[milestone.name])


def remaining_plan(target: PaperTarget) -> tuple[Milestone, ...]:
    """The plan's milestones the paper's stage has not done yet."""
    return tuple(m for m in target.plan if not milestone_done(target.stage, m))


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


def milestone_items(titles: dict[int, str], targets: Iterable[PaperTarget], today: date) -> list[MilestoneItem]:
    """What a calendar carries of every planned paper's plan: the milestones from `today` on of
    the stages the paper has not done yet, by date then paper. `titles`: paper id -> title."""
    items = []
    for target in targets:
        deadline = target.deadline
        if deadline is None or target.state is not TargetState.AHEAD:
            continue
        for milestone in remaining_plan(target):
            if milestone.date < today:
                continue
            items.append(MilestoneItem(
                uid=f"paper-{target.paper_id}-{milestone.name}@paperdeck", paper_id=target.paper_id,
                paper_title=titles.get(target.paper_id, ""), venue_key=deadline.venue_key,
                name=milestone.name, label_zh=milestone.label("zh"), label_en=milestone.label("en"),
                on_date=milestone.date, deadline_is_estimate=deadline.is_estimate,
            ))
    items.sort(key=lambda item: (item.on_date, item.paper_id))
    return items


def _day(deadline: Deadline, language: str) -> str:
    return _day_text(deadline.at, deadline.on_date, deadline.tz_label, language)


class _When(NamedTuple):
    """What `own_day` reads of a deadline (hashable: `_day_text` is cached)."""

    at: datetime | None
    on_date: date | None
    tz_label: str
    is_estimate: bool = False


@lru_cache(maxsize=4096)
def _day_text(at: datetime | None, on_date: date | None, tz_label: str, language: str) -> str:
    """A deadline's day in its own zone, as the alerts write it (10,000 papers' alerts name a
    few hundred deadlines)."""
    from .deadlines import own_day

    day = own_day(_When(at, on_date, tz_label))
    return f"{day.year}年{day.month}月{day.day}日" if language == "zh" else f"{day:%d %b %Y}"


def offer_text(target: PaperTarget, language: str = "en") -> str:
    """"ICLR 2028 (est. 24 Sep 2027)": the next edition offered to a paper that missed its own."""
    offer = target.offer
    if offer is None:
        return ""
    name = f"{offer.venue_name or target.venue_name or offer.venue_key} {offer.edition_year}"
    if language == "zh":
        return f"{name}（{'约 ' if offer.is_estimate else ''}{_day(offer, 'zh')}）"
    return f"{name} ({'est. ' if offer.is_estimate else ''}{_day(offer, 'en')})"


def late_text(target: PaperTarget, language: str = "en") -> str:
    """Why a paper is at risk: "Start by 21 Nov passed (est. deadline)", or its edition closed:
    "ICLR 2027 deadline passed 25 Sep 2026; next: ICLR 2028 (est. 24 Sep 2027)"."""
    if target.state is TargetState.PASSED and target.stage in PLANNED_STAGES:
        offer = offer_text(target, language)
        if language == "zh":
            text = (f"{target.edition} 截止已过（{_day(target.deadline, 'zh')}）" if target.deadline
                    else f"{target.edition} 已过")
            return text + (f"；下一届：{offer}" if offer else "")
        text = (f"{target.edition} deadline passed {_day(target.deadline, 'en')}" if target.deadline
                else f"{target.edition} has passed")
        return text + (f"; next: {offer}" if offer else "")
    late = target.late
    if late is None:
        return ""
    estimate = target.deadline is not None and target.deadline.is_estimate
    if language == "zh":
        return f"{late.label('zh')} {late.date.month}月{late.date.day}日 已过" + ("（截止日期为估计）" if estimate else "")
    return f"{late.label()} {late.date:%d %b} passed" + (" (est. deadline)" if estimate else "")
