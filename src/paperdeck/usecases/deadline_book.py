"""One read of the venues and their deadlines (stored, and the estimates of each venue's next
unannounced edition) at one clock, shared by the lists one summary builds: `today.gather`'s
deadline list, its week agenda and its papers' targets each asked the store again, so every
deadline was read three times and estimated twice per Dashboard and `paperdeck today`.

Not a cache: it lives for one gather, on one snapshot of the database.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ..domain.editions import VenueEditions
    from ..models.venues import Deadline, Venue
    from ..store import Store


@dataclass(frozen=True, slots=True)
class DeadlineBook:
    """The venues and their deadlines, read once for one summary."""

    now: datetime
    venues: list["Venue"]
    stored: list["Deadline"]      # `store.venues.deadlines()`: in time order
    estimated: list["Deadline"]   # `store.venues.estimates(now)`: every venue's
    # venue key (lower case) -> its editions, built once for whichever list asks first
    # (`paper_targets.venue_editions`).
    editions: dict[str, "VenueEditions"] = field(default_factory=dict)

    @classmethod
    def read(cls, store: "Store", now: datetime) -> "DeadlineBook":
        stored = store.venues.deadlines()
        return cls(now, store.venues.all(), stored, store.venues.estimates(now, stored=stored))

    def names(self) -> dict[str, str]:
        """venue key -> its name."""
        return {venue.key: venue.name for venue in self.venues}

    def upcoming(self, store: "Store", days: int | None = None) -> list["Deadline"]:
        """`store.venues.upcoming(now, days)` from this read."""
        return store.venues.upcoming(self.now, days, stored=self.stored, estimated=self.estimated)
