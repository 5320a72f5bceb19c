"""The week's agenda rules: which days it covers, the order of what falls on one day, and when a
period (a rebuttal's start and end) is running. What goes on the agenda is gathered in
`usecases/agenda.py`; which day a deadline falls on is the deadlines core's (`local_day`).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime, timedelta
from enum import Enum
from typing import TypeVar

from .deadlines import DeadlineLike, is_open, opens_at

AGENDA_DAYS = 7  # today and the six days after it


class AgendaKind(str, Enum):
    """What an agenda row is, in the order rows of one day are listed."""

    PERIOD = "period"          # a rebuttal period running through the day
    DEADLINE = "deadline"      # a submission deadline (abstract, paper, rebuttal, camera-ready ...)
    MILESTONE = "milestone"    # a step of one of my papers' backward plans
    REVIEWS = "reviews"        # flashcards falling due


KIND_ORDER = {kind: index for index, kind in enumerate(AgendaKind)}

D = TypeVar("D", bound=DeadlineLike)


def agenda_days(today: date, days: int = AGENDA_DAYS) -> list[date]:
    """The days the agenda covers, from `today` on."""
    return [today + timedelta(days=offset) for offset in range(max(0, days))]


def in_agenda(day: date, today: date, days: int = AGENDA_DAYS) -> bool:
    return today <= day < today + timedelta(days=max(0, days))


def running_period(deadlines: Sequence[D], now: datetime) -> tuple[D, D] | None:
    """(start, end) of a period begun and not ended at `now`: its first deadline closed and its
    last still open. `deadlines`: one period's deadlines (an edition cycle's rebuttal dates)."""
    if len(deadlines) < 2:
        return None
    ordered = sorted(deadlines, key=opens_at)
    first, last = ordered[0], ordered[-1]
    if is_open(first, now) or not is_open(last, now):
        return None
    return first, last
