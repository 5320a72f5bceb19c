"""The Venues screen's questions: every venue with its next deadline and its editions (read
once, so that scrolling, filtering, searching and the month grid never ask the store), the
month grid's paper milestones, and the writes behind the screen's keys and forms.

A venue is followed when it is starred or one of the user's papers targets it (what
`deadlines update` reads by default). A hidden venue is left out of every list but "hidden".
A venue whose deadlines have all passed is past: its last submission deadline, and the one its
next edition would have if it still ran on its old rhythm (an estimate, shown only here)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace
from datetime import datetime, tzinfo
from typing import TYPE_CHECKING, Any

from ..domain.deadlines import by_edition, closes_at, is_open, opens_at
from ..domain.estimates import estimate_if_still_running
from ..domain.targets import MilestoneItem, last_submission, next_submission
from ..models.venues import Deadline, DeadlineKind, Venue
from .paper_targets import paper_milestones

if TYPE_CHECKING:
    from ..store import Store

SHOWS = ("all", "followed", "papers", "hidden")  # which venues are listed: all shown, followed, with my papers, hidden


@dataclass(frozen=True)
class VenuesRequest:
    now: datetime
    with_milestones: bool = False  # the month grid is shown: its paper milestones too


@dataclass(frozen=True)
class VenuesView:
    """Everything the Venues screen shows, read at one instant."""

    now: datetime
    zone: tzinfo                                   # the user's: local times and days
    venues: tuple[Venue, ...]                      # every venue, by its next deadline, then name
    next: Mapping[str, Deadline]                   # venue key -> its next abstract/paper deadline
    last: Mapping[str, Deadline]                   # past venues (no next): key -> its last one
    if_running: Mapping[str, Deadline]             # past venues: key -> its next one on its old rhythm
    deadlines: tuple[Deadline, ...]                # every stored deadline, in time order
    estimates: tuple[Deadline, ...]                # each venue's next unannounced edition, estimated
    editions: Mapping[str, dict[int, list[Deadline]]]  # venue key -> its editions, newest first
    paper_venue_keys: frozenset[str]               # lower-cased venue keys my papers name
    followed: frozenset[str]                       # keys of the venues followed (starred or targeted)
    milestones: tuple[MilestoneItem, ...] | None   # None: not read (the month grid was not shown)
    expires_at: datetime | None                    # the first held deadline to close: read again then

    def expired(self, now: datetime) -> bool:
        return self.expires_at is not None and now >= self.expires_at

    @property
    def fields(self) -> list[str]:
        """The venues' fields (English), sorted: what the field filter cycles through."""
        return sorted({venue.field_en for venue in self.venues if venue.field_en})

    def listed(self, field_en: str | None, show: str, search: str = "") -> list[Venue]:
        """The venues under a field filter (None: all), a SHOWS choice and a search, in list
        order. Hidden venues are listed only under "hidden"."""
        venues = [v for v in self.venues if v.hidden == (show == "hidden")]
        if field_en:
            venues = [v for v in venues if v.field_en == field_en]
        if show == "followed":
            venues = [v for v in venues if v.key in self.followed]
        elif show == "papers":
            venues = [v for v in venues if v.key.lower() in self.paper_venue_keys]
        if search.strip():
            venues = [v for v in venues if matches(v, search)]
        return venues

    def venue(self, key: str) -> Venue | None:
        return next((venue for venue in self.venues if venue.key == key), None)

    def deadline(self, deadline_id: int) -> Deadline | None:
        return next((d for d in self.deadlines if d.id == deadline_id), None)

    def month_deadlines(self, keys: set[str]) -> list[Deadline]:
        """The month grid's deadlines for these venues: the stored ones, then the estimates."""
        lowered = {key.lower() for key in keys}
        return [d for d in self.deadlines if d.venue_key in keys] + [
            d for d in self.estimates if d.venue_key.lower() in lowered]

    def with_milestones(self, milestones: tuple[MilestoneItem, ...]) -> "VenuesView":
        """This view with the month grid's milestones, read after it under the same change
        stamp (so of the same data)."""
        return replace(self, milestones=milestones)

    def with_venue(self, venue: Venue) -> "VenuesView":
        """This view with one venue's fields replaced (a star toggled): no new read."""
        venues = tuple(venue if v.key == venue.key else v for v in self.venues)
        return replace(self, venues=venues, followed=frozenset(followed_keys(venues, self.paper_venue_keys)))


def matches(venue: Venue, search: str) -> bool:
    """The search's words each in the venue's name, full name, key or an alias (any case)."""
    haystack = " ".join([venue.name, venue.full_name, venue.key, *venue.aliases]).casefold()
    return all(word in haystack for word in search.casefold().split())


def followed_keys(venues: list[Venue] | tuple[Venue, ...], paper_venue_keys: set[str] | frozenset[str]) -> set[str]:
    """The venues the user follows: starred, or targeted by a paper (`paper_venue_keys`:
    lower-cased). Hidden ones are followed only through a paper."""
    return {v.key for v in venues if (v.favourite and not v.hidden) or v.key.lower() in paper_venue_keys}


def venues_view(store: "Store", request: VenuesRequest) -> VenuesView:
    now = request.now
    zone = store.settings.zone()
    stored = store.venues.deadlines()
    estimated = store.venues.estimates(now)
    per_venue: dict[str, list[Deadline]] = {}
    for deadline in [*stored, *estimated]:
        per_venue.setdefault(deadline.venue_key, []).append(deadline)
    upcoming = {key: found for key, group in per_venue.items() if (found := next_submission(group, now)) is not None}
    last = {key: found for key, group in per_venue.items()
            if key not in upcoming and (found := last_submission(group, now)) is not None}
    if_running = {key: found for key in last if (found := estimate_if_still_running(per_venue[key], now)) is not None}
    venues = store.venues.all()
    far = datetime.max.replace(tzinfo=now.tzinfo)
    venues.sort(key=lambda v: (v.key not in upcoming, opens_at(upcoming[v.key]) if v.key in upcoming else far,
                               v.name.lower()))
    still_open = [closes_at(d) for d in [*stored, *estimated] if is_open(d, now)]
    milestones = month_milestones(store, now, zone) if request.with_milestones else None
    paper_keys = store.papers.venue_keys()
    return VenuesView(
        now=now, zone=zone, venues=tuple(venues), next=upcoming, last=last, if_running=if_running,
        deadlines=tuple(stored), estimates=tuple(estimated),
        editions={key: by_edition(group) for key, group in per_venue.items()},
        paper_venue_keys=frozenset(paper_keys), followed=frozenset(followed_keys(venues, paper_keys)),
        milestones=milestones,
        expires_at=min(still_open, default=None),
    )


def month_milestones(store: "Store", now: datetime, zone: tzinfo) -> tuple[MilestoneItem, ...]:
    """The month grid's paper milestones (read with the view when the grid is shown, else
    after the list's first frame: `VenuesView.with_milestones`)."""
    return tuple(paper_milestones(store, now, zone=zone))


# -- writes (one short transaction each, on the UI thread; the screen then reloads its view) --


def toggle_favourite(store: "Store", venue_key: str) -> Venue:
    return store.venues.toggle_favourite(venue_key)


def set_hidden(store: "Store", venue_key: str, hidden: bool) -> Venue:
    """Hide the venue from every list (or show it again); undoable."""
    return store.venues.set_hidden(venue_key, hidden)


def delete_venue(store: "Store", venue_key: str) -> None:
    """Delete the venue and its deadlines (papers keep their target's name); undoable."""
    store.venues.delete(venue_key)


def undo_venue_change(store: "Store") -> str | None:
    """Undo the latest hide, delete or import of venues: its label, or None when none is left.
    ConflictError when the rows changed since."""
    return store.venues.undo()


def add_venue(store: "Store", name: str, **fields: str) -> Venue:
    return store.venues.add(name, **fields)


def update_venue(store: "Store", venue_key: str, expected_version: int | None = None, **fields: str) -> Venue:
    """ConflictError when the venue was saved elsewhere since `expected_version`."""
    return store.venues.update(venue_key, expected_version, **fields)


def add_deadline(store: "Store", venue_key: str, edition_year: int, kind: DeadlineKind, **fields: Any) -> Deadline:
    return store.venues.add_deadline(venue_key, edition_year, kind, **fields)


def update_deadline(store: "Store", deadline_id: int, expected_version: int | None = None, **fields: Any) -> Deadline:
    """ConflictError when the deadline was saved elsewhere since `expected_version`."""
    return store.venues.update_deadline(deadline_id, expected_version, **fields)


def delete_deadline(store: "Store", deadline_id: int) -> None:
    store.venues.delete_deadline(deadline_id)

