"""The day's summary as plain data: shared by the Dashboard screen and `paperdeck today`.

Reads through the store's repositories only (no SQL here) and imports neither Textual nor
Rich, so `paperdeck today` stays fast. Every list is ordered the way it is shown.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field, fields
from datetime import date, datetime, timezone, tzinfo
from typing import TYPE_CHECKING, Any

from ..domain.deadlines import local_today
from ..domain.settings import MAX_HORIZON_DAYS as MAX_DAYS
from ..domain.targets import PLANNED_STAGES, PaperTarget, late_text
from ..domain.timezones import zone_name
from ..models.common import to_iso
from ..models.stages import PaperBrief
from .agenda import AgendaItem, week_agenda
from .deadline_book import DeadlineBook
from .deadline_list import DeadlineItem, gather_deadlines
from .my_papers import FirstRunHint, MyPapers, first_run_hint, my_papers_rows
from .first_rows import first_rows
from .paper_targets import paper_targets
from .pitch_readiness import PITCH_STAGES, PitchReadiness, gather_pitch, pitch_rows  # noqa: F401  (named here too)

if TYPE_CHECKING:
    from ..store import Store

# Stages in which a paper is still being worked on: it can stall or fall behind its plan.
WORKING_STAGES = PLANNED_STAGES  # (also deadline_list's)
RETENTION_DAYS = 30


@dataclass(slots=True)
class PaperAlert:
    """A paper listed as at risk or stalled, and why."""

    paper_id: int
    title: str
    stage: str
    days_in_stage: int
    reason: str                  # why it is listed: the plan's late milestone, or idle days
    reason_zh: str = ""


@dataclass(slots=True)
class CardsSummary:
    """Today's flashcards in figures."""

    due: int = 0                     # review cards due in today's study day
    new: int = 0                     # new cards within today's limit
    learning: int = 0                # learning and relearning cards due today
    streak: int = 0                  # study days in a row with a review
    retention: float | None = None   # mature reviews recalled, None without any
    retention_days: int = RETENTION_DAYS

    @property
    def to_study(self) -> int:
        return self.due + self.new + self.learning


@dataclass(slots=True)
class GuideLine:
    """The guide's line of the day."""

    key: str
    kind: str                        # "reason" or "platform"
    title_zh: str
    title_en: str
    zh: str
    en: str

    def title(self, language: str) -> str:
        return (self.title_zh or self.title_en) if language == "zh" else (self.title_en or self.title_zh)

    def text(self, language: str) -> str:
        return (self.zh or self.en) if language == "zh" else (self.en or self.zh)


@dataclass(slots=True)
class TodaySummary:
    """The day's summary (see `gather`)."""

    now: datetime
    days: int
    deadlines: list[DeadlineItem] = field(default_factory=list)
    at_risk: list[PaperAlert] = field(default_factory=list)
    stalled: list[PaperAlert] = field(default_factory=list)
    stalled_days: int = 14
    cards: CardsSummary = field(default_factory=CardsSummary)
    pitch: list[PitchReadiness] = field(default_factory=list)
    pitch_target_minutes: tuple[float, float] = (5.0, 8.0)
    line: GuideLine | None = None
    zone: tzinfo = timezone.utc      # the user's zone: every local time and day shown is in it
    mine: MyPapers = field(default_factory=MyPapers)   # the user's own papers (never the guide's examples)
    first_run: FirstRunHint | None = None              # what to do first, while there is no paper of one's own
    agenda: list[AgendaItem] = field(default_factory=list)  # this week, day by day (usecases/agenda.py)
    # After `gather(rows=N)` the long lists hold their first N items; here, how many each has in
    # all (never in the JSON, which is gathered whole).
    totals: dict[str, int] = field(default_factory=dict)

    @property
    def is_empty(self) -> bool:
        return not (self.deadlines or self.agenda or self.at_risk or self.stalled or self.pitch or self.cards.to_study)

    @property
    def within(self) -> list[DeadlineItem]:
        """The deadlines inside the horizon."""
        return [item for item in self.deadlines if not item.later]

    @property
    def later(self) -> list[DeadlineItem]:
        """The deadlines past the horizon that are listed anyway (`gather_deadlines`)."""
        return [item for item in self.deadlines if item.later]

    def total(self, name: str) -> int:
        """How many items the list `name` ("at_risk", "stalled", "pitch", "working") has in all."""
        if name in self.totals:
            return self.totals[name]
        return len(self.mine.working if name == "working" else getattr(self, name))

    def to_json(self) -> dict[str, Any]:
        """Plain JSON types: instants as ISO 8601 UTC with Z, dates as YYYY-MM-DD."""
        data = _jsonable(self)
        del data["totals"]
        data["zone"] = getattr(self.zone, "key", None) or zone_name(self.zone, self.now)
        return data


_PLAIN = (str, int, bool, float, type(None))
_FIELDS: dict[type, tuple[str, ...]] = {}


def _jsonable(value: Any) -> Any:
    """What `dataclasses.asdict` then a walk converting dates would give, without asdict's deep
    copy of every value (at 10,000 papers it was most of `today --json`). Tuples (the stage
    counts, the pitch target) hold plain values and are written as they are."""
    kind = type(value)
    if kind in _PLAIN:
        return value
    if isinstance(value, list):
        return [_jsonable(item) for item in value]
    if isinstance(value, datetime):
        return to_iso(value)
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, dict):
        return {key: _jsonable(item) for key, item in value.items()}
    names = _FIELDS.get(kind)
    if names is None and hasattr(kind, "__dataclass_fields__"):
        names = _FIELDS[kind] = tuple(item.name for item in fields(value))
    if names is not None:
        return {name: _jsonable(getattr(value, name)) for name in names}
    return value


# -- formatting helpers shared by the CLI and the screen -----------------------------------


def minutes_seconds(seconds: int) -> str:
    return f"{seconds // 60}:{seconds % 60:02d}"


def target_text(target: tuple[float, float]) -> str:
    """(5.0, 8.0) -> '5–8 min'; (10.0, 10.0) -> '10 min'."""
    from ..domain.speaking import minutes_span

    return f"{minutes_span(target)} min"


# -- gathering ------------------------------------------------------------------------------


@dataclass(slots=True)
class TodaySide:
    """What the day's summary reads besides the papers' deadlines and targets: the cards, and the
    pitch list (its first `rows`), how many it has in all and the target. `paperdeck today` has
    a child process read it on the other core (`gather(side=...)`, usecases/view_ahead.py)."""

    cards: CardsSummary
    pitch: list[PitchReadiness]
    pitched: int
    pitch_target_minutes: tuple[float, float]


def gather_side(store: "Store", now: datetime, rows: int | None = None,
                papers: Sequence[PaperBrief] | None = None) -> TodaySide:
    """The cards and the pitch list of `gather(store, now, rows=rows)`; `papers`: the user's own
    papers' briefs when the caller has read them."""
    if papers is None:
        papers = own_papers(store.papers.briefs())
    pitch, pitched, target = pitch_rows(store, papers, rows)
    return TodaySide(gather_cards(store, now), pitch, pitched, target)


def own_papers(every: Sequence[PaperBrief]) -> list[PaperBrief]:
    """The user's papers among `every`: never the guide's examples."""
    return [paper for paper in every if not paper.is_example]


def horizon_days(store: "Store") -> int:
    """The `today_days` setting."""
    return store.settings.load().today_days


def gather(store: "Store", now: datetime, days: int | None = None, *, rows: int | None = None,
           side: Callable[[], TodaySide | None] | None = None, working_apart: bool = False) -> TodaySummary:
    """Everything the morning needs, read once. `days` is the deadline horizon (default:
    the `today_days` setting). Days and times are the user's (`store.settings.zone()`).
    `rows`: the long lists (at risk, stalled, pitch, my papers) keep only their first `rows`
    items, the ones a plain summary prints; `summary.total(name)` counts them all.
    `working_apart`: my papers' working list leaves out the papers at risk or stalled (the
    Dashboard lists those in their own panels), and counts only the others.
    `side`: gives `gather_side(store, now, rows)` read elsewhere (None: it could not be; it is
    read here), asked for once the papers' parts are done."""
    if days is None:
        days = horizon_days(store)
    if days < 0 or days > MAX_DAYS:
        raise ValueError(f"the horizon must be between 0 and {MAX_DAYS} days, not {days}")
    settings = store.settings.load()
    zone = store.settings.zone(settings)
    today = local_today(now, zone)
    stalled_days = settings.stalled_days
    every = store.papers.briefs()  # id, title, stage, what its target reads: all that is read below
    papers = own_papers(every)
    summary = TodaySummary(now=now, days=days, stalled_days=stalled_days, zone=zone)
    book = DeadlineBook.read(store, now)  # read and estimated once for every list below
    summary.deadlines = gather_deadlines(store, papers, now, days, zone, book)
    # Papers alike share one target object: nothing below reads whose it is (`target.paper_id`).
    targets = paper_targets(store, papers, now, zone, book, shared=True)
    late = sorted((paper for paper in papers if (target := targets.get(paper.id)) is not None and target.at_risk),
                  key=lambda paper: paper.id)
    summary.at_risk = gather_at_risk(late[:rows], targets, now)
    risky = {paper.id for paper in late}
    stalled = [paper for paper in stalled_papers(papers, now, stalled_days) if paper[0].id not in risky]
    summary.stalled = [_stalled_alert(paper, idle) for paper, idle in first_rows(stalled, rows, key=_most_idle)]
    summary.line = guide_line(store, today)
    flagged = risky | {paper.id for paper, _idle in stalled} if working_apart else ()
    summary.mine, working = my_papers_rows(papers, targets, now, zone, book.names(), rows, leave_out=flagged)
    read = (side() if side is not None else None) or gather_side(store, now, rows, papers)
    summary.cards, summary.pitch, pitched, summary.pitch_target_minutes = (
        read.cards, read.pitch, read.pitched, read.pitch_target_minutes)
    summary.agenda = week_agenda(store, papers, targets, now, zone, summary.cards.to_study, book=book)
    if not papers:
        summary.first_run = first_run_hint(store, examples=len(every) - len(papers))
    if rows is not None:
        summary.totals = {"at_risk": len(late), "stalled": len(stalled), "pitch": pitched, "working": working}
    return summary


def stalled_papers(papers: Sequence[PaperBrief], now: datetime, stalled_days: int) -> list[tuple[PaperBrief, int]]:
    """(paper, idle days) of the papers being worked on that have not moved for `stalled_days`."""
    found = []
    for paper in papers:
        if paper.stage not in WORKING_STAGES or paper.stage_entered_at is None:
            continue
        idle = (now - paper.stage_entered_at).days
        if idle >= stalled_days:
            found.append((paper, idle))
    return found


def _most_idle(found: tuple[PaperBrief, int]) -> int:
    return -found[1]


def _stalled_alert(paper: PaperBrief, idle: int) -> PaperAlert:
    return PaperAlert(paper.id, paper.title, paper.stage.value, idle, f"no move in {idle} days", f"{idle} 天未推进")


def gather_at_risk(papers: Sequence[PaperBrief], targets: Mapping[int, PaperTarget], now: datetime) -> list[PaperAlert]:
    """Papers whose stage is behind the backward plan to their target deadline. `targets`:
    papers alike may share one target (`paper_targets(shared=True)`): its late texts (which
    name no paper) are worded once."""
    alerts = []
    reasons: dict[int, tuple[str, str]] = {}
    for paper in sorted(papers, key=lambda paper: paper.id):
        target = targets.get(paper.id)
        if target is None or not target.at_risk:
            continue
        idle = (now - paper.stage_entered_at).days if paper.stage_entered_at else 0
        reason = reasons.get(id(target))
        if reason is None:
            reason = reasons[id(target)] = (late_text(target), late_text(target, "zh"))
        alerts.append(PaperAlert(paper.id, paper.title, paper.stage.value, idle, *reason))
    return alerts


def gather_cards(store: "Store", now: datetime) -> CardsSummary:
    cards = store.cards
    due = cards.due_summary(now)
    retention, _reviews = cards.true_retention(now, RETENTION_DAYS)
    return CardsSummary(
        due=due.due, new=due.new, learning=due.learning,
        streak=cards.streak(now), retention=retention,
    )


def guide_line(store: "Store", today: date) -> GuideLine | None:
    """One of the guide's reasons or platforms, a different one each day."""
    items = store.guide.items("reason") + store.guide.items("platform")
    if not items:
        return None
    item = items[today.toordinal() % len(items)]
    name = item.data.get("name", "")
    return GuideLine(
        key=item.key, kind=item.kind,
        title_zh=item.data.get("title_zh") or name, title_en=item.data.get("title_en") or name,
        zh=item.zh, en=item.en,
    )
