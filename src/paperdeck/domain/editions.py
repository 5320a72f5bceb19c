"""Editions: one year of a venue, with its deadlines (announced, and estimated for what is not),
and the cycles some editions run (KDD's two review cycles, ARR-era ACL's monthly deadlines).

A deadline's cycle: its label when it names one ("Paper submission (Second Cycle)", "Cycle 2",
"Round 2"); else, in an edition with several paper deadlines, the n-th paper deadline is cycle
n, an abstract belongs to the next paper deadline and an event after submission (reviews,
rebuttal, notification) to the latest one before it. Cycle 0 is every cycle: a single-cycle
edition's deadlines, the camera-ready and the conference.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime

from ..models.venues import Deadline, DeadlineKind
from .deadlines import is_open, opens_at
from .estimates import History, estimate_edition

SUBMISSION_KINDS = (DeadlineKind.ABSTRACT, DeadlineKind.PAPER)
# What a submitted paper waits for, in the order it comes.
AFTER_SUBMISSION = (
    DeadlineKind.SUPPLEMENTARY, DeadlineKind.REVIEWS, DeadlineKind.REBUTTAL, DeadlineKind.COMMITMENT,
    DeadlineKind.NOTIFICATION, DeadlineKind.CAMERA_READY, DeadlineKind.CONFERENCE_START, DeadlineKind.CONFERENCE_END,
)
AFTER_NOTIFICATION = (DeadlineKind.CAMERA_READY, DeadlineKind.CONFERENCE_START, DeadlineKind.CONFERENCE_END)
SHARED_KINDS = frozenset({DeadlineKind.CAMERA_READY, DeadlineKind.CONFERENCE_START, DeadlineKind.CONFERENCE_END,
                          DeadlineKind.OTHER})

_ORDINALS = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4}
_NAMED = re.compile(r"\b(first|1st|second|2nd|third|3rd|fourth|4th)\s+(?:cycle|round)\b", re.IGNORECASE)
_NUMBERED = re.compile(r"\b(?:cycle|round)\s*(\d{1,2})\b", re.IGNORECASE)


def labelled_cycle(label: str) -> int | None:
    """The cycle a label names, or None."""
    match = _NAMED.search(label or "")
    if match:
        return _ORDINALS[match.group(1).lower()]
    match = _NUMBERED.search(label or "")
    return int(match.group(1)) if match and int(match.group(1)) > 0 else None


def assign_cycles(deadlines: Iterable[Deadline]) -> list[tuple[Deadline, int]]:
    """Each deadline of one edition with its cycle (0: every cycle), in time order."""
    ordered = sorted(deadlines, key=lambda d: (opens_at(d), d.uid))
    papers = [d for d in ordered if d.kind is DeadlineKind.PAPER]
    numbered = {id(d): labelled_cycle(d.label) for d in ordered}
    if len(papers) < 2 and not any(numbered.values()):
        return [(d, 0) for d in ordered]
    paper_cycles = [(opens_at(d), numbered[id(d)] or n) for n, d in enumerate(papers, start=1)]
    result = []
    for deadline in ordered:
        cycle = numbered[id(deadline)]
        if cycle is None and deadline.kind not in SHARED_KINDS and len(papers) > 1:
            when = opens_at(deadline)
            if deadline.kind is DeadlineKind.ABSTRACT:
                cycle = next((c for at, c in paper_cycles if at >= when), paper_cycles[-1][1])
            else:
                cycle = next((c for at, c in reversed(paper_cycles) if at <= when), paper_cycles[0][1])
        result.append((deadline, cycle or 0))
    return result


@dataclass(frozen=True, slots=True)
class Edition:
    """One venue's year: its deadlines, announced and estimated, each with its cycle."""

    venue_key: str
    year: int
    deadlines: tuple[tuple[Deadline, int], ...] = ()

    @property
    def cycles(self) -> tuple[int, ...]:
        """The cycles this edition runs, (0,) when it runs one."""
        found = sorted({cycle for d, cycle in self.deadlines if d.kind is DeadlineKind.PAPER and cycle})
        return tuple(found) or (0,)

    def cycle_of(self, deadline: Deadline) -> int:
        return next((cycle for d, cycle in self.deadlines if d.uid == deadline.uid), 0)

    def of(self, kinds: Iterable[DeadlineKind], cycle: int | None = None) -> list[Deadline]:
        """Its deadlines of these kinds (in one cycle, with the shared ones), in time order."""
        wanted = set(kinds)
        return [d for d, c in self.deadlines
                if d.kind in wanted and (cycle is None or not cycle or c in (0, cycle))]

    def submissions(self, cycle: int | None = None) -> list[Deadline]:
        """Its abstract and paper deadlines; an estimated abstract that would fall after an
        announced paper deadline of its cycle is left out."""
        found = self.of(SUBMISSION_KINDS, cycle)
        announced = [opens_at(d) for d in found if d.kind is DeadlineKind.PAPER and not d.is_estimate]
        return [d for d in found if not (d.is_estimate and d.kind is DeadlineKind.ABSTRACT and announced
                                         and opens_at(d) >= min(announced))]

    def open_submission(self, now: datetime, cycle: int | None = None) -> Deadline | None:
        return next((d for d in self.submissions(cycle) if is_open(d, now)), None)

    @property
    def known(self) -> bool:
        return bool(self.deadlines)


def edition(venue_key: str, year: int, history: History, zone_label: str | None = None) -> Edition:
    """Edition `year` of a venue from its stored deadlines by year: what is announced, and an
    estimate for each kind (and cycle) it has not announced."""
    stored = history.get(year, [])
    estimates = estimate_edition(history, year, zone_label)
    return Edition(venue_key, year, tuple(assign_cycles([*stored, *estimates])))


def submitted_cycle(found: Edition, submitted: datetime | None, now: datetime) -> int:
    """The cycle a submitted paper is in: the first cycle whose paper deadline was still open
    when it was submitted (or, not knowing when, the latest one already closed)."""
    cycles = found.cycles
    if cycles == (0,):
        return 0
    papers = [(d, found.cycle_of(d)) for d in found.of([DeadlineKind.PAPER])]
    if submitted is not None:
        for deadline, cycle in papers:
            if is_open(deadline, submitted):
                return cycle
    closed = [cycle for deadline, cycle in papers if not is_open(deadline, now)]
    return closed[-1] if closed else cycles[0]


class VenueEditions:
    """One venue's editions from its stored deadlines, each built once (many papers ask)."""

    def __init__(self, venue_key: str, deadlines: Iterable[Deadline], venue_name: str = ""):
        from .estimates import history_of, venue_zone

        self.venue_key = venue_key
        self.stored = [d for d in deadlines if not d.is_estimate]
        self.history = history_of(self.stored)
        self.zone = venue_zone(self.stored)
        self.venue_name = venue_name or next((d.venue_name for d in self.stored if d.venue_name), "") or venue_key
        self._editions: dict[int, Edition] = {}
        self._listed: dict[datetime, list[Deadline]] = {}

    def edition(self, year: int) -> Edition:
        if year not in self._editions:
            self._editions[year] = edition(self.venue_key, year, self.history, self.zone)
        return self._editions[year]

    def listed_estimates(self, now: datetime) -> list[Deadline]:
        """The estimates every list shows for this venue (estimates.estimate_next_edition)."""
        from .estimates import estimate_next_edition

        if now not in self._listed:
            self._listed[now] = estimate_next_edition(self.stored, now)
        return self._listed[now]

    def next_open(self, now: datetime) -> Deadline | None:
        """The venue's next open submission deadline, as the Venues list shows it (announced
        before estimated)."""
        from .targets import next_submission

        return next_submission(self.stored, now) or next_submission(self.listed_estimates(now), now)

    def offer(self, now: datetime, year: int, cycle: int = 0, search: int = 4) -> Deadline | None:
        """What to offer a paper whose edition closed: a later open cycle of the same edition,
        else the first later edition with a submission deadline still open."""
        if cycle:
            later = [d for d in self.edition(year).submissions() if is_open(d, now)]
            if later:
                return later[0]
        start = max(year + 1, now.year - 1)
        for candidate in range(start, start + search):
            found = self.edition(candidate).open_submission(now)
            if found is not None:
                return found
        return None

    def last_closed_year(self, now: datetime) -> int | None:
        """The latest edition whose submission deadline has passed (a submitted paper's, when it
        names none)."""
        closed = [d for d in self.stored if d.kind in SUBMISSION_KINDS and not is_open(d, now)]
        return max(closed, key=opens_at).edition_year if closed else None
