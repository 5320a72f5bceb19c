"""Estimated deadlines for an edition not yet announced, from the venue's past editions.

Each past edition's deadline is measured as days from 1 January of its *edition* year (ICLR
2027's deadline in September 2026 is about -100 days), so editions line up whatever year their
deadline fell in. The estimate is the median of the last few editions, with the range they
span; it is a date only (a time would be invented) and always marked as an estimate.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta
from statistics import median_low

from ..models.venues import Deadline, DeadlineKind, deadline_uid
from .deadlines import is_open, own_day

ESTIMATED_KINDS = (
    DeadlineKind.ABSTRACT, DeadlineKind.PAPER, DeadlineKind.NOTIFICATION,
    DeadlineKind.CAMERA_READY, DeadlineKind.CONFERENCE_START, DeadlineKind.CONFERENCE_END,
)
SUBMISSION = (DeadlineKind.ABSTRACT, DeadlineKind.PAPER)
PAST_EDITIONS_USED = 4
YEARS_AHEAD = 2


def first_of_each_kind(deadlines: list[Deadline]) -> dict[int, dict[DeadlineKind, Deadline]]:
    """edition year -> kind -> its earliest stored deadline (estimates ignored)."""
    table: dict[int, dict[DeadlineKind, Deadline]] = {}
    for deadline in sorted(deadlines, key=own_day):
        if deadline.is_estimate:
            continue
        table.setdefault(deadline.edition_year, {}).setdefault(deadline.kind, deadline)
    return table


def estimate_edition(history: dict[int, dict[DeadlineKind, Deadline]], year: int) -> list[Deadline]:
    """Estimates for edition `year`: each kind its latest past edition had and it has not
    announced (a venue that dropped its abstract deadline gets no abstract estimate)."""
    announced = history.get(year, {})
    latest_year = max((y for y in history if y < year and any(k in history[y] for k in SUBMISSION)), default=None)
    if latest_year is None:
        return []
    latest_kinds = set(history[latest_year])
    found = []
    for kind in ESTIMATED_KINDS:
        if kind in announced:
            continue
        if kind not in latest_kinds and kind in SUBMISSION:
            continue
        past = sorted((y, kinds[kind]) for y, kinds in history.items() if y < year and kind in kinds)
        past = past[-PAST_EDITIONS_USED:]
        if not past:
            continue
        offsets = [(own_day(deadline) - date(y, 1, 1)).days for y, deadline in past]
        start = date(year, 1, 1)
        latest = past[-1][1]
        venue_key = latest.venue_key
        found.append(Deadline(
            id=0, venue_key=venue_key, edition_year=year, kind=kind, at=None,
            on_date=start + timedelta(days=median_low(offsets)), tz_label=latest.tz_label,
            is_estimate=True, source="estimate", uid=deadline_uid(venue_key, year, kind, 1),
            venue_name=latest.venue_name, range_start=start + timedelta(days=min(offsets)),
            range_end=start + timedelta(days=max(offsets)), based_on=tuple(y for y, _ in past),
        ))
    return found


def estimate_next_edition(deadlines: list[Deadline], now: datetime) -> list[Deadline]:
    """Estimates for one venue's next edition whose submission deadline is not announced and
    still ahead of `now`; empty when no past edition had one."""
    history = first_of_each_kind(deadlines)
    with_submission = [y for y, kinds in history.items() if any(k in kinds for k in SUBMISSION)]
    if not with_submission:
        return []
    first, last = min(with_submission), max(with_submission)
    # Editions known only by their conference dates (e.g. "TBD" deadlines), then the next
    # years; a venue silent for longer (a one-off, or a tracker's stale data) is not estimated.
    candidates = sorted({y for y in history if y > first and y not in with_submission}
                        | set(range(last + 1, last + 1 + YEARS_AHEAD)))
    for year in candidates:
        estimates = estimate_edition(history, year)
        if any(e.kind in SUBMISSION and is_open(e, now) for e in estimates):
            return estimates
    return []


def describe(deadline: Deadline) -> str:
    """"est. 2027-05-12 (05-06 to 05-17 in 2023-2026)" for an estimate: the date and the range."""
    assert deadline.on_date is not None
    text = f"est. {deadline.on_date.isoformat()}"
    details = []
    low, high = deadline.range_start, deadline.range_end
    if low and high and low != high:
        fmt = "%m-%d" if low.year == high.year == deadline.on_date.year else "%Y-%m-%d"
        details.append(f"{low:{fmt}} to {high:{fmt}}")
    if deadline.based_on:
        years = deadline.based_on
        details.append("from " + (str(years[0]) if len(years) == 1 else f"{years[0]}-{years[-1]}"))
    return f"{text} ({', '.join(details)})" if details else text
