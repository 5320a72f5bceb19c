"""Estimated deadlines for what an edition has not announced, from the venue's past editions.

Each past deadline is measured as days from 1 January of its *edition* year (ICLR 2027's
deadline in September 2026 is about -100 days), so editions line up whatever year their
deadline fell in. An estimate is the median of the last few editions, with the range they
span; it is a date only (a time would be invented), in the venue's own zone, and always
marked as an estimate.

Per kind, and per slot of a kind: an edition can hold several deadlines of one kind (KDD's two
review cycles, AAAI's phase-1 and final notifications). The latest edition's deadlines of a kind
are its slots; a past edition's deadline counts toward the slot nearest to it in the year
(within WINDOW_DAYS), so cycles and phases are estimated apart and never mixed in a range.
An announced deadline replaces only the estimate of its own kind and slot.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from datetime import date, datetime, timedelta

from ..models.bounds import year_in_bounds
from ..models.venues import Deadline, DeadlineKind, deadline_uid
from .deadlines import is_open, own_day

ESTIMATED_KINDS = (
    DeadlineKind.ABSTRACT, DeadlineKind.PAPER, DeadlineKind.NOTIFICATION,
    DeadlineKind.CAMERA_READY, DeadlineKind.CONFERENCE_START, DeadlineKind.CONFERENCE_END,
)
SUBMISSION = (DeadlineKind.ABSTRACT, DeadlineKind.PAPER)
PAST_EDITIONS_USED = 4
YEARS_AHEAD = 2
WINDOW_DAYS = 60          # a past deadline this far from a slot belongs to another cycle
DEFAULT_ZONE = "AoE"

History = dict[int, list[Deadline]]


def history_of(deadlines: Iterable[Deadline]) -> History:
    """edition year -> its stored deadlines in day order (estimates ignored)."""
    table: History = {}
    for deadline in sorted((d for d in deadlines if not d.is_estimate), key=lambda d: (own_day(d), d.uid)):
        table.setdefault(deadline.edition_year, []).append(deadline)
    return table


def venue_zone(deadlines: Iterable[Deadline]) -> str:
    """The zone the venue announces in: the commonest among the trackers' deadlines (the user's
    own entries only when there is nothing else); the latest edition's breaks a tie."""
    deadlines = [d for d in deadlines if not d.is_estimate and d.tz_label]
    trusted = [d for d in deadlines if not d.user_edited] or deadlines
    if not trusted:
        return DEFAULT_ZONE
    counts = Counter(d.tz_label for d in trusted)
    latest = max(trusted, key=lambda d: (d.edition_year, own_day(d)))
    best = max(counts.values())
    return latest.tz_label if counts[latest.tz_label] == best else max(counts, key=lambda label: counts[label])


def _offset(deadline: Deadline) -> int:
    return (own_day(deadline) - date(deadline.edition_year, 1, 1)).days


def _has(history: History, year: int, kinds: Iterable[DeadlineKind], *, trusted: bool = False) -> bool:
    kinds = set(kinds)
    return any(d.kind in kinds and not (trusted and d.user_edited) for d in history.get(year, ()))


def _match(slots: list[Deadline], others: list[Deadline], window: int | None) -> dict[int, Deadline]:
    """Slot index -> the deadline of `others` nearest to it in the year (each used once)."""
    pairs = sorted((abs(_offset(other) - _offset(slot)), i, j)
                   for i, slot in enumerate(slots) for j, other in enumerate(others))
    found: dict[int, Deadline] = {}
    used: set[int] = set()
    for distance, i, j in pairs:
        if (window is not None and distance > window) or i in found or j in used:
            continue
        found[i] = others[j]
        used.add(j)
    return found


def estimate_edition(history: History, year: int, zone_label: str | None = None) -> list[Deadline]:
    """Estimates for what edition `year` has not announced. A venue that dropped its abstract
    deadline (a tracker announced the edition, or the one before, without one) gets no
    abstract estimate; the user's own entries do not count as such an announcement."""
    if not year_in_bounds(year):
        return []
    past = sorted(y for y in history if y < year)
    reference = next((y for y in reversed(past) if _has(history, y, SUBMISSION, trusted=True)), None)
    if reference is None:
        reference = next((y for y in reversed(past) if _has(history, y, SUBMISSION)), None)
    if reference is None:
        return []
    zone = zone_label or venue_zone(d for ds in history.values() for d in ds)
    announced = history.get(year, [])
    taken = {d.uid for d in announced}
    found: list[Deadline] = []
    # Each reference paper slot's announced deadline, if any: an abstract's estimate must come
    # before the paper deadline it leads to.
    paper_slots = [d for d in history[reference] if d.kind is DeadlineKind.PAPER]
    announced_papers = _match(paper_slots, [d for d in announced if d.kind is DeadlineKind.PAPER], None)
    for kind in ESTIMATED_KINDS:
        slot_year = reference if kind in SUBMISSION else next(
            (y for y in reversed(past) if _has(history, y, [kind])), None)
        if slot_year is None or not _has(history, slot_year, [kind]):
            continue
        if kind in SUBMISSION and not _has(history, year, [kind]) and _has(history, year, SUBMISSION, trusted=True):
            continue  # the edition is announced without this kind: the venue dropped it
        slots = [d for d in history[slot_year] if d.kind is kind]
        offsets: list[list[tuple[int, int]]] = [[] for _ in slots]
        used_years = [y for y in past if _has(history, y, [kind])][-PAST_EDITIONS_USED:]
        for y in used_years:
            for i, deadline in _match(slots, [d for d in history[y] if d.kind is kind], WINDOW_DAYS).items():
                offsets[i].append((y, _offset(deadline)))
        covered = _match(slots, [d for d in announced if d.kind is kind], None)
        for i, slot in enumerate(slots):
            if i in covered or not offsets[i]:
                continue
            estimate = _estimate(slot, kind, year, offsets[i], zone, taken, i + 1)
            if estimate is not None and kind is DeadlineKind.ABSTRACT and slot_year == reference:
                paired = next((j for j, paper in enumerate(paper_slots) if _offset(paper) >= _offset(slot)),
                              len(paper_slots) - 1)
                paper = announced_papers.get(paired)
                if paper is not None and estimate.on_date >= own_day(paper):  # type: ignore[operator]
                    continue  # its paper deadline is announced, before it: no abstract to expect
            if estimate is not None:
                taken.add(estimate.uid)
                found.append(estimate)
    return found


def _median_low(values: list[int]) -> int:
    """`statistics.median_low`, without importing statistics (and fractions, decimal) at start-up."""
    return sorted(values)[(len(values) - 1) // 2]


def _estimate(slot: Deadline, kind: DeadlineKind, year: int, offsets: list[tuple[int, int]], zone: str,
              taken: set[str], ordinal: int) -> Deadline | None:
    days = [offset for _, offset in offsets]
    start = date(year, 1, 1)
    try:
        on_date = start + timedelta(days=_median_low(days))
        low, high = start + timedelta(days=min(days)), start + timedelta(days=max(days))
    except OverflowError:
        return None
    if not (year_in_bounds(low.year) and year_in_bounds(high.year)):
        return None
    while deadline_uid(slot.venue_key, year, kind, ordinal) in taken:
        ordinal += 1
    return Deadline(
        id=0, venue_key=slot.venue_key, edition_year=year, kind=kind, at=None, on_date=on_date,
        tz_label=zone, label=slot.label, is_estimate=True, source="estimate",
        uid=deadline_uid(slot.venue_key, year, kind, ordinal), venue_name=slot.venue_name,
        range_start=low, range_end=high, based_on=tuple(sorted({y for y, _ in offsets})),
    )


def estimate_next_edition(deadlines: list[Deadline], now: datetime) -> list[Deadline]:
    """One venue's estimates worth listing: what the latest announced edition still misses, up
    to the first edition whose estimated submission deadline is still ahead of `now`. Empty for a venue with no submission history, and for one silent for longer than
    YEARS_AHEAD (a one-off, or a tracker's stale data)."""
    history = history_of(deadlines)
    with_submission = [y for y in history if _has(history, y, SUBMISSION)]
    if not with_submission:
        return []
    first, last = min(with_submission), max(with_submission)
    zone = venue_zone(deadlines)
    # The latest edition with a submission deadline, editions known only by other dates (e.g.
    # "TBD" deadlines), then the next years.
    candidates = sorted({y for y in history if y > first and y not in with_submission}
                        | set(range(last, last + 1 + YEARS_AHEAD)))
    found: list[Deadline] = []
    for year in candidates:
        estimates = estimate_edition(history, year, zone)
        ahead = any(e.kind in SUBMISSION and is_open(e, now) for e in estimates)
        if year >= last or ahead:
            found.extend(estimates)
        if ahead:
            return found
    return []


def estimate_if_still_running(deadlines: list[Deadline], now: datetime) -> Deadline | None:
    """For a venue whose deadlines have all passed and that is silent for longer than
    `estimate_next_edition` looks: the first submission deadline still ahead that its next
    edition would have on its old rhythm. Shown as such on Venues only (never a target or a
    countdown). None without a rhythm: fewer than two editions with a submission deadline (a
    one-off workshop or symposium)."""
    history = history_of(deadlines)
    with_submission = [y for y in history if _has(history, y, SUBMISSION)]
    if len(with_submission) < 2:
        return None
    zone = venue_zone(deadlines)
    for year in range(max(with_submission) + 1, min(now.year + YEARS_AHEAD + 2, 2100) + 1):
        ahead = [e for e in estimate_edition(history, year, zone) if e.kind in SUBMISSION and is_open(e, now)]
        if ahead:
            return min(ahead, key=lambda e: (e.on_date, e.uid))
    return None


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
