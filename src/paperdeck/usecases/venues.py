"""The Venues screen's questions: every venue with its next deadline and its editions (read
once, so that scrolling, filtering and the month grid never ask the store), the month grid's
paper milestones, and the writes behind the screen's keys and forms."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace
from datetime import datetime, tzinfo
from typing import TYPE_CHECKING, Any

from ..domain.deadlines import by_edition, closes_at, is_open, opens_at
from ..domain.targets import MilestoneItem, next_submission
from ..models.venues import Deadline, DeadlineKind, Venue
from .paper_targets import paper_milestones

if TYPE_CHECKING:
    from ..store import Store

SHOWS = ("all", "favourites", "papers")  # which venues are listed: all, starred, with my papers


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
    deadlines: tuple[Deadline, ...]                # every stored deadline, in time order
    estimates: tuple[Deadline, ...]                # each venue's next unannounced edition, estimated
    editions: Mapping[str, dict[int, list[Deadline]]]  # venue key -> its editions, newest first
    paper_venue_keys: frozenset[str]               # lower-cased venue keys my papers name
    milestones: tuple[MilestoneItem, ...] | None   # None: not read (the month grid was not shown)
    expires_at: datetime | None                    # the first held deadline to close: read again then

    def expired(self, now: datetime) -> bool:
        return self.expires_at is not None and now >= self.expires_at

    @property
    def fields(self) -> list[str]:
        """The venues' fields (English), sorted: what the field filter cycles through."""
        return sorted({venue.field_en for venue in self.venues if venue.field_en})

    def listed(self, field_en: str | None, show: str) -> list[Venue]:
        """The venues under a field filter (None: all) and a SHOWS choice, in list order."""
        venues = list(self.venues)
        if field_en:
            venues = [v for v in venues if v.field_en == field_en]
        if show == "favourites":
            venues = [v for v in venues if v.favourite]
        elif show == "papers":
            venues = [v for v in venues if v.key.lower() in self.paper_venue_keys]
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

    def with_venue(self, venue: Venue) -> "VenuesView":
        """This view with one venue's fields replaced (a favourite toggled): no new read."""
        return replace(self, venues=tuple(venue if v.key == venue.key else v for v in self.venues))


def venues_view(store: "Store", request: VenuesRequest) -> VenuesView:
    now = request.now
    zone = store.settings.zone()
    stored = store.venues.deadlines()
    estimated = store.venues.estimates(now)
    per_venue: dict[str, list[Deadline]] = {}
    for deadline in [*stored, *estimated]:
        per_venue.setdefault(deadline.venue_key, []).append(deadline)
    upcoming = {key: found for key, group in per_venue.items() if (found := next_submission(group, now)) is not None}
    venues = store.venues.all()
    far = datetime.max.replace(tzinfo=now.tzinfo)
    venues.sort(key=lambda v: (v.key not in upcoming, opens_at(upcoming[v.key]) if v.key in upcoming else far,
                               v.name.lower()))
    still_open = [closes_at(d) for d in [*stored, *estimated] if is_open(d, now)]
    milestones = tuple(paper_milestones(store, now, zone=zone)) if request.with_milestones else None
    return VenuesView(
        now=now, zone=zone, venues=tuple(venues), next=upcoming,
        deadlines=tuple(stored), estimates=tuple(estimated),
        editions={key: by_edition(group) for key, group in per_venue.items()},
        paper_venue_keys=frozenset(store.papers.venue_keys()),
        milestones=milestones,
        expires_at=min(still_open, default=None),
    )


# -- writes (one short transaction each, on the UI thread; the screen then reloads its view) --


def toggle_favourite(store: "Store", venue_key: str) -> Venue:
    return store.venues.toggle_favourite(venue_key)


def add_venue(store: "Store", name: str, **fields: str) -> Venue:
    return store.venues.add(name, **fields)


def update_venue(store: "Store", venue_key: str, **fields: str) -> Venue:
    return store.venues.update(venue_key, **fields)


def add_deadline(store: "Store", venue_key: str, edition_year: int, kind: DeadlineKind, **fields: Any) -> Deadline:
    return store.venues.add_deadline(venue_key, edition_year, kind, **fields)


def update_deadline(store: "Store", deadline_id: int, **fields: Any) -> Deadline:
    return store.venues.update_deadline(deadline_id, **fields)


def delete_deadline(store: "Store", deadline_id: int) -> None:
    store.venues.delete_deadline(deadline_id)

