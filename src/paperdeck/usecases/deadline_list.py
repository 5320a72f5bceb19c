"""The Dashboard's and `paperdeck today`'s deadlines: inside the horizon (the `today_days`
setting), and past it what the user must not miss: each target venue's next deadline and,
while few are listed, the field's next ones. Never "no deadline" while one is known."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta, tzinfo
from typing import TYPE_CHECKING

from ..domain.deadlines import countdown, opens_at, urgency
from ..domain.targets import PLANNED_STAGES
from ..models.stages import PaperBrief
from ..models.venues import Deadline, DeadlineKind, deadline_name

if TYPE_CHECKING:
    from ..models.venues import Venue
    from ..store import Store
    from .deadline_book import DeadlineBook

# Fewer deadlines than this inside the horizon: the field's next ones are listed past it
# (one per venue), so the list is never empty while any deadline is known.
FEWEST_DEADLINES = 3


@dataclass(slots=True)
class DeadlineItem:
    """A deadline as the day's summary lists it."""

    venue_key: str
    venue_name: str
    edition_year: int
    kind: str
    label: str
    at: datetime | None          # an instant (UTC), or None for a date-only deadline
    on_date: date | None
    tz_label: str
    is_estimate: bool
    is_target: bool              # an edition one of my papers targets, or a favourite venue
    countdown: str               # domain.deadlines.countdown, in English
    urgency: str                 # domain.deadlines.Urgency
    later: bool = False          # past the horizon: listed as a target's next or the field's next

    def display_name(self, language: str = "en") -> str:
        return deadline_name(self.label, DeadlineKind(self.kind), language)


def targeted(store: "Store", papers: Sequence[PaperBrief], venues: "list[Venue] | None" = None) -> set[tuple[str, int | None]]:
    """(venue key, edition year) my working papers target (None: a paper naming no year, so any
    edition), and (key, None) for each starred venue: the deadlines a list marks ★. `venues`:
    `store.venues.all()` when the caller has read it."""
    found = {(paper.venue_key.lower(), paper.target_year) for paper in papers
             if paper.venue_key and paper.stage in PLANNED_STAGES}
    if venues is None:
        venues = store.venues.all()
    return found | {(venue.key.lower(), None) for venue in venues if venue.favourite}


def target_test(store: "Store", papers: Sequence[PaperBrief], venues: "list[Venue] | None" = None) -> Callable[[Deadline], bool]:
    """Whether a deadline is of an edition my working papers target or of a favourite venue."""
    wanted = targeted(store, papers, venues)

    def is_target(deadline: Deadline) -> bool:
        key = deadline.venue_key.lower()
        return (key, None) in wanted or (key, deadline.edition_year) in wanted

    return is_target


def gather_deadlines(store: "Store", papers: Sequence[PaperBrief], now: datetime, days: int, zone: tzinfo,
                     book: "DeadlineBook | None" = None) -> list[DeadlineItem]:
    """Submission deadlines (not notifications or conference days) within the horizon, the
    editions my papers target and my favourite venues first (never another edition of a
    paper's venue), each group in time order. Then, past the horizon (`later`): the next
    deadline of each target with none inside it, and the field's next ones (one per venue)
    while fewer than FEWEST_DEADLINES are listed. `book`: the venues and deadlines read at `now`
    (read here when not given)."""
    if book is None:
        from .deadline_book import DeadlineBook

        book = DeadlineBook.read(store, now)
    is_target = book.target_test(store, papers)
    names = book.names()
    end = now + timedelta(days=days)
    every = [d for d in book.upcoming(store) if d.kind.is_submission]  # in time order
    inside = [d for d in every if opens_at(d) <= end]
    beyond = [d for d in every if opens_at(d) > end]
    listed = {d.venue_key.lower() for d in inside}
    later = []
    for deadline in beyond:  # each target venue's next, when it has none inside
        key = deadline.venue_key.lower()
        if is_target(deadline) and key not in listed:
            later.append(deadline)
            listed.add(key)
    for deadline in beyond:  # then the field's next, one per venue, while few are listed
        if len(inside) + len(later) >= FEWEST_DEADLINES:
            break
        key = deadline.venue_key.lower()
        if key not in listed:
            later.append(deadline)
            listed.add(key)
    first = lambda d: (not is_target(d), opens_at(d))  # noqa: E731
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
            is_target=is_target(deadline),
            countdown=countdown(deadline, now, zone),
            urgency=urgency(deadline, now, zone).value,
            later=is_later,
        )
        for group, is_later in ((inside, False), (later, True))
        for deadline in sorted(group, key=first)
    ]
