"""The Dashboard's question: the day's summary (`today.gather`, shared with `paperdeck today`)
plus what only the screen shows, and until when the clock alone leaves it true."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import TYPE_CHECKING

from ..domain.deadlines import closes_at, local_today
from ..domain.scheduling import day_start
from .today import TodaySummary, gather

if TYPE_CHECKING:
    from ..store import Store

SHOWN_ROWS = 50  # per list: the rest is counted (`summary.total(name)`), not listed
# Some of what the summary lists moves with the clock at no fixed instant (a paper's idle days,
# a deadline entering the horizon): the view is read again after this long at the latest.
MAX_VIEW_LIFE = timedelta(minutes=10)


@dataclass(frozen=True)
class DashboardView:
    """What the Dashboard shows, and until when it holds."""

    summary: TodaySummary
    desired_retention: float       # the flashcards' target, beside their true retention
    expires_at: datetime           # from then on the clock alone may have changed the lists

    def expired(self, now: datetime) -> bool:
        return now >= self.expires_at


def dashboard_view(store: "Store", now: datetime) -> DashboardView:
    """The Dashboard's one view. Until `expires_at`, showing it again at a later clock (the
    countdowns) is all a minute's tick needs; after, read it again."""
    # Each long list cut to its first rows (only those are built; at 10k papers the whole lists
    # were most of the view, 2 MB, and a third of its read), counted in full (`summary.total`).
    summary = gather(store, now, rows=SHOWN_ROWS, working_apart=True)
    settings = store.settings.load()
    day_ends = [
        day_start(local_today(now, summary.zone) + timedelta(days=1), summary.zone, 0),  # the day's line, at-risk
        store.cards.day_bounds(now)[1],  # the study day: cards due today
    ]
    # A listed deadline leaves the list (and the agenda) once it closes.
    closing = [closes_at(item) for item in [*summary.deadlines, *summary.agenda] if item.at is not None]
    return DashboardView(
        summary=summary,
        desired_retention=settings.desired_retention,
        expires_at=min([now + MAX_VIEW_LIFE, *day_ends, *closing]),
    )


def dashboard_now(store: "Store") -> DashboardView:
    """The Dashboard's view at this instant (read ahead in a child process: view_ahead.py)."""
    from ..models.common import utcnow

    return dashboard_view(store, utcnow())
