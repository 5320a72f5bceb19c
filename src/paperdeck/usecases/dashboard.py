"""The Dashboard's question: the day's summary (`today.gather`, shared with `paperdeck today`)
plus what only the screen shows, and until when the clock alone leaves it true."""

from __future__ import annotations

from dataclasses import dataclass, replace
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
    summary = gather(store, now)
    settings = store.settings.load()
    day_ends = [
        day_start(local_today(now, summary.zone) + timedelta(days=1), summary.zone, 0),  # the day's line, at-risk
        store.cards.day_bounds(now)[1],  # the study day: cards due today
    ]
    # A listed deadline leaves the list (and the agenda) once it closes.
    closing = [closes_at(item) for item in [*summary.deadlines, *summary.agenda] if item.at is not None]
    return DashboardView(
        summary=shown_lists(summary),
        desired_retention=settings.desired_retention,
        expires_at=min([now + MAX_VIEW_LIFE, *day_ends, *closing]),
    )


def dashboard_now(store: "Store") -> DashboardView:
    """The Dashboard's view at this instant (read ahead in a child process: view_ahead.py)."""
    from ..models.common import utcnow

    return dashboard_view(store, utcnow())


def shown_lists(summary: TodaySummary) -> TodaySummary:
    """The summary as the Dashboard lists it: at risk, stalled, the other working papers (neither
    at risk nor stalled: "working") and pitch readiness cut to their first SHOWN_ROWS, each
    counted in full in `totals`. At 10k papers the whole lists were most of the view (2 MB)."""
    flagged = {alert.paper_id for alert in summary.at_risk + summary.stalled}
    rest = [paper for paper in summary.mine.working if paper.paper_id not in flagged]
    totals = {"at_risk": len(summary.at_risk), "stalled": len(summary.stalled), "pitch": len(summary.pitch),
              "working": len(rest)}
    return replace(summary, at_risk=summary.at_risk[:SHOWN_ROWS], stalled=summary.stalled[:SHOWN_ROWS],
                   pitch=summary.pitch[:SHOWN_ROWS], mine=replace(summary.mine, working=rest[:SHOWN_ROWS]),
                   totals=totals)
