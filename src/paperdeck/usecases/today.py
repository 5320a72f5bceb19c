"""The day's summary as plain data: shared by the Dashboard screen and `paperdeck today`.

Reads through the store's repositories only (no SQL here) and imports neither Textual nor
Rich, so `paperdeck today` stays fast. Every list is ordered the way it is shown.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from datetime import date, datetime, timezone, tzinfo
from typing import TYPE_CHECKING, Any

from ..domain.deadlines import countdown, local_today, opens_at, urgency
from ..domain.settings import MAX_HORIZON_DAYS as MAX_DAYS
from ..domain.targets import PLANNED_STAGES, late_text
from ..domain.timezones import zone_name
from ..models.common import to_iso
from ..models.papers import Paper, Stage
from .paper_targets import paper_targets

if TYPE_CHECKING:
    from ..store import Store

# Stages in which a paper is still being worked on: it can stall or fall behind its plan.
WORKING_STAGES = PLANNED_STAGES
# Stages in which a paper may be pitched in an interview.
PITCH_STAGES = (Stage.EXPERIMENTS, Stage.WRITING, Stage.SUBMISSION, Stage.UNDER_REVIEW, Stage.DECISION)
RETENTION_DAYS = 30


@dataclass(slots=True)
class DeadlineItem:
    venue_key: str
    venue_name: str
    edition_year: int
    kind: str
    label: str
    at: datetime | None          # an instant (UTC), or None for a date-only deadline
    on_date: date | None
    tz_label: str
    is_estimate: bool
    is_target: bool              # a venue one of my papers targets, or a favourite
    countdown: str               # domain.deadlines.countdown, in English
    urgency: str                 # domain.deadlines.Urgency


@dataclass(slots=True)
class PaperAlert:
    paper_id: int
    title: str
    stage: str
    days_in_stage: int
    reason: str                  # why it is listed: the plan's late milestone, or idle days
    reason_zh: str = ""


@dataclass(slots=True)
class CardsSummary:
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
class PitchReadiness:
    paper_id: int
    title: str
    parts_filled: int
    parts_total: int
    seconds: int
    verdict: str                     # "empty", "short", "ok", "long"


@dataclass(slots=True)
class GuideLine:
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

    @property
    def is_empty(self) -> bool:
        return not (self.deadlines or self.at_risk or self.stalled or self.pitch or self.cards.to_study)

    def to_json(self) -> dict[str, Any]:
        """Plain JSON types: instants as ISO 8601 UTC with Z, dates as YYYY-MM-DD."""
        data = asdict(self)
        data["zone"] = getattr(self.zone, "key", None) or zone_name(self.zone, self.now)
        return _jsonable(data)


def _jsonable(value: Any) -> Any:
    if isinstance(value, datetime):
        return to_iso(value)
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, dict):
        return {key: _jsonable(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_jsonable(item) for item in value]
    return value


# -- formatting helpers shared by the CLI and the screen -----------------------------------


def minutes_seconds(seconds: int) -> str:
    return f"{seconds // 60}:{seconds % 60:02d}"


def target_text(target: tuple[float, float]) -> str:
    """(5.0, 8.0) -> '5–8 min'."""
    low, high = (f"{value:g}" for value in target)
    return f"{low}–{high} min"


# -- gathering ------------------------------------------------------------------------------


def horizon_days(store: "Store") -> int:
    """The `today_days` setting."""
    return store.settings.load().today_days


def gather(store: "Store", now: datetime, days: int | None = None) -> TodaySummary:
    """Everything the morning needs, read once. `days` is the deadline horizon (default:
    the `today_days` setting). Days and times are the user's (`store.settings.zone()`)."""
    if days is None:
        days = horizon_days(store)
    if days < 0 or days > MAX_DAYS:
        raise ValueError(f"the horizon must be between 0 and {MAX_DAYS} days, not {days}")
    settings = store.settings.load()
    zone = store.settings.zone(settings)
    today = local_today(now, zone)
    stalled_days = settings.stalled_days
    papers = store.papers.all()
    summary = TodaySummary(now=now, days=days, stalled_days=stalled_days, zone=zone)
    summary.deadlines = gather_deadlines(store, papers, now, days, zone)
    summary.at_risk = gather_at_risk(store, papers, now, zone)
    risky = {alert.paper_id for alert in summary.at_risk}
    summary.stalled = [a for a in gather_stalled(papers, now, stalled_days) if a.paper_id not in risky]
    summary.cards = gather_cards(store, now)
    summary.pitch, summary.pitch_target_minutes = gather_pitch(store, papers)
    summary.line = guide_line(store, today)
    return summary


def target_venue_keys(store: "Store", papers: list[Paper]) -> set[str]:
    keys = {paper.venue_key.lower() for paper in papers if paper.venue_key and paper.stage in WORKING_STAGES}
    keys |= {venue.key.lower() for venue in store.venues.all() if venue.favourite}
    return keys


def gather_deadlines(store: "Store", papers: list[Paper], now: datetime, days: int, zone: tzinfo) -> list[DeadlineItem]:
    """Submission deadlines (not notifications or conference days) within the horizon,
    the user's target venues and favourites first, each group in time order."""
    targets = target_venue_keys(store, papers)
    names = {venue.key: venue.name for venue in store.venues.all()}
    found = [d for d in store.venues.upcoming(now, days) if d.kind.is_submission]
    found.sort(key=lambda d: (d.venue_key.lower() not in targets, opens_at(d)))
    return [
        DeadlineItem(
            venue_key=deadline.venue_key,
            venue_name=names.get(deadline.venue_key, deadline.venue_key),
            edition_year=deadline.edition_year,
            kind=deadline.kind.value,
            label=deadline.label,
            at=deadline.at,
            on_date=deadline.on_date,
            tz_label=deadline.tz_label,
            is_estimate=deadline.is_estimate,
            is_target=deadline.venue_key.lower() in targets,
            countdown=countdown(deadline, now, zone),
            urgency=urgency(deadline, now, zone).value,
        )
        for deadline in found
    ]


def gather_stalled(papers: list[Paper], now: datetime, stalled_days: int) -> list[PaperAlert]:
    alerts = []
    for paper in papers:
        if paper.stage not in WORKING_STAGES or paper.stage_entered_at is None:
            continue
        idle = (now - paper.stage_entered_at).days
        if idle >= stalled_days:
            alerts.append(PaperAlert(
                paper.id, paper.title, paper.stage.value, idle, f"no move in {idle} days", f"{idle} 天未推进",
            ))
    alerts.sort(key=lambda alert: -alert.days_in_stage)
    return alerts


def gather_at_risk(store: "Store", papers: list[Paper], now: datetime, zone: tzinfo) -> list[PaperAlert]:
    """Papers whose stage is behind the backward plan to their target deadline."""
    by_id = {paper.id: paper for paper in papers}
    alerts = []
    for paper_id, target in sorted(paper_targets(store, papers, now, zone).items()):
        if not target.at_risk:
            continue
        paper = by_id[paper_id]
        idle = (now - paper.stage_entered_at).days if paper.stage_entered_at else 0
        alerts.append(PaperAlert(
            paper.id, paper.title, paper.stage.value, idle, late_text(target), late_text(target, "zh"),
        ))
    return alerts


def gather_cards(store: "Store", now: datetime) -> CardsSummary:
    cards = store.cards
    due = cards.due_summary(now)
    retention, _reviews = cards.true_retention(now, RETENTION_DAYS)
    return CardsSummary(
        due=due.due, new=due.new, learning=due.learning,
        streak=cards.streak(now), retention=retention,
    )


def gather_pitch(store: "Store", papers: list[Paper]) -> tuple[list[PitchReadiness], tuple[float, float]]:
    """Per paper far enough along (or with a pitch begun): parts written and speaking time,
    at the user's measured rates once they rehearsed, against the guide's 5-8 minutes."""
    from ..domain.speaking import estimate_pitch
    from .pitch import speaker_rates

    pitches = store.pitches
    target = pitches.target_minutes()
    part_keys = [part.key for part in pitches.parts()]
    rates = speaker_rates(store)
    result = []
    every_saved = pitches.bodies_by_paper()  # one query, not one per paper
    for paper in papers:
        saved = every_saved.get(paper.id, {})
        filled = sum(1 for key in part_keys if saved.get(key, "").strip())
        if not filled and (paper.stage not in PITCH_STAGES or paper.decision in ("rejected", "withdrawn")):
            continue
        estimate = estimate_pitch({key: saved.get(key, "") for key in part_keys}, rates, target)
        result.append(PitchReadiness(
            paper.id, paper.title, filled, len(part_keys), int(round(estimate.total_seconds)), estimate.verdict,
        ))
    result.sort(key=lambda item: (item.parts_filled, item.seconds, item.paper_id))
    return result, target


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
