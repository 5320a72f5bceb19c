"""A paper's way through its editions: target an edition, submit to it, record the decision.

The CLI (`paperdeck target`, `submit`, `decide`) and the paper form ask here. A submission makes
the paper target that edition (venue, year, cycle, track): a resubmission after a rejection
retargets it, so every screen then counts down to the new edition's dates.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import TYPE_CHECKING

from ..models.bounds import OutOfBounds, check_day, check_year
from ..models.papers import DECISIONS, TRACKS, Paper
from ..models.venues import Venue

if TYPE_CHECKING:
    from ..store import Store

MAX_AWARD = 100


class SubmissionError(ValueError):
    """A message for the user: an unknown venue, a year out of range, nothing to decide."""


def find_venue(store: "Store", name: str) -> Venue:
    venue = store.venues.find(name or "")
    if venue is None:
        known = ", ".join(v.name for v in store.venues.all() if not v.hidden)[:300]
        raise SubmissionError(f"unknown venue {name!r}; known venues include: {known}")
    return venue


def _year(year: int | None) -> int | None:
    if year is None:
        return None
    try:
        return check_year(year)
    except OutOfBounds as error:
        raise SubmissionError(str(error)) from error


def _cycle(cycle: int | None) -> int | None:
    """A cycle number (1-12); 0 or None: the edition's only or first open cycle."""
    if not cycle:
        return None
    if not 1 <= cycle <= 12:
        raise SubmissionError(f"cycle {cycle} is out of range (1-12)")
    return cycle


def default_year(store: "Store", paper: Paper, venue: Venue, now: datetime) -> int | None:
    """The edition a submission goes to when none is named: the paper's own, for its venue;
    else the venue's next open one (a paper is submitted before its deadline)."""
    if paper.venue_key == venue.key and paper.target_year:
        return paper.target_year
    from .paper_targets import venue_editions

    found = venue_editions(store, [venue.key]).get(venue.key.lower())
    ahead = found.next_open(now) if found is not None else None
    return ahead.edition_year if ahead is not None else None


def submit(store: "Store", paper_id: int, venue_name: str, now: datetime, *, year: int | None = None,
           track: str | None = None, cycle: int | None = None, on: date | None = None) -> Paper:
    """Record a submission (moves the paper to Under review and retargets it)."""
    paper = store.papers.get(paper_id)
    venue = find_venue(store, venue_name)
    if track is not None and track not in TRACKS:
        raise SubmissionError(f"unknown track {track!r}; expected one of: {', '.join(TRACKS)}")
    year = _year(year) if year is not None else default_year(store, paper, venue, now)
    if on is not None:
        try:
            check_day(on, "submission date")
        except OutOfBounds as error:
            raise SubmissionError(str(error)) from error
    store.papers.submit(paper_id, venue.name, venue_key=venue.key, year=year, track=track, cycle=_cycle(cycle),
                        submitted_on=(on or now.date()).isoformat())
    return store.papers.get(paper_id)


def decide(store: "Store", paper_id: int, decision: str, *, award: str | None = None) -> Paper:
    """The latest pending submission's decision. Rejected: the paper goes back to Writing (its
    target then says the edition passed and offers the next); accepted: to Decision, with its
    award."""
    decision = (decision or "").strip().lower()
    if decision not in DECISIONS:
        raise SubmissionError(f"unknown decision {decision!r}; expected one of: {', '.join(DECISIONS)}")
    award = (award or "").strip() or None
    if award is not None:
        if decision != "accepted":
            raise SubmissionError("an award goes with an accepted paper")
        if len(award) > MAX_AWARD or any(ord(ch) < 32 or 127 <= ord(ch) < 160 for ch in award):
            raise SubmissionError(f"the award must be one line of at most {MAX_AWARD} characters")
    pending = [s for s in store.papers.submissions(paper_id) if not s.decision]
    if not pending:
        raise SubmissionError(f"#{paper_id} has no pending submission; record one first: "
                              f"paperdeck submit {paper_id} --venue NAME --year YEAR")
    return store.papers.decide(pending[-1].id, decision, award=award)


@dataclass(frozen=True, slots=True)
class Retarget:
    paper: Paper
    offered: bool          # the edition came from the target's offer (its own had passed)


def retarget(store: "Store", paper_id: int, now: datetime, *, venue_name: str | None = None,
             year: int | None = None, cycle: int | None = None, take_offer: bool = False) -> Retarget:
    """Point the paper at another edition (or, `take_offer`, at the next one its target
    offers). Not a submission: the stage stays."""
    from ..domain.targets import TargetState
    from .paper_targets import paper_targets

    paper = store.papers.get(paper_id)
    fields: dict[str, object] = {}
    if take_offer:
        target = paper_targets(store, [paper], now)[paper_id]
        if target.state is not TargetState.PASSED or target.offer is None:
            raise SubmissionError(f"#{paper_id}'s target has not passed: nothing to move to")
        fields = {"target_year": target.offer.edition_year, "target_cycle": None}
    else:
        if venue_name:
            fields["venue_key"] = find_venue(store, venue_name).key
        if year is not None:
            fields["target_year"] = _year(year)
        if cycle is not None:
            fields["target_cycle"] = _cycle(cycle)
        if not fields:
            raise SubmissionError("name a --venue, a --year, a --cycle, or --next")
    return Retarget(store.papers.update(paper_id, None, **fields), take_offer)
