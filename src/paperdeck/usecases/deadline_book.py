"""One read of the venues and their deadlines (stored, and the estimates of each venue's next
unannounced edition) at one clock, shared by the lists one summary builds: `today.gather`'s
deadline list, its week agenda and its papers' targets each asked the store again, so every
deadline was read three times and estimated twice per Dashboard and `paperdeck today`.

Not a cache: it lives for one gather, on one snapshot of the database.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ..domain.editions import VenueEditions
    from ..models.stages import PaperBrief
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
    # id(papers) -> (papers, their target test): the deadline list and the week's agenda both
    # ask for the same papers' (`target_test`).
    target_tests: dict[int, tuple[Sequence["PaperBrief"], Callable[["Deadline"], bool]]] = field(default_factory=dict)

    @classmethod
    def read(cls, store: "Store", now: datetime) -> "DeadlineBook":
        stored = store.venues.deadlines()
        return cls(now, store.venues.all(), stored, store.venues.estimates(now, stored=stored))

    def names(self) -> dict[str, str]:
        """venue key -> its name."""
        return {venue.key: venue.name for venue in self.venues}

    def target_test(self, store: "Store", papers: Sequence["PaperBrief"]) -> Callable[["Deadline"], bool]:
        """`deadline_list.target_test` of these papers against this read's venues, made once
        per papers list (its set of targets is built from every paper: 10,000 at the large size)."""
        found = self.target_tests.get(id(papers))
        if found is None or found[0] is not papers:
            from .deadline_list import target_test

            found = self.target_tests[id(papers)] = (papers, target_test(store, papers, self.venues))
        return found[1]

    def upcoming(self, store: "Store", days: int | None = None) -> list["Deadline"]:
        """`store.venues.upcoming(now, days)` from this read."""
        return store.venues.upcoming(self.now, days, stored=self.stored, estimated=self.estimated)
