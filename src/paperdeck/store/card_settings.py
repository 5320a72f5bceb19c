"""The study day, from the user's zone and the rollover-hour setting."""

from __future__ import annotations

from datetime import date, datetime
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from datetime import tzinfo

    from .store import Store


class CardSettings:
    """Mixed into CardRepo: where a study day begins and ends."""

    store: "Store"

    def study_clock(self) -> tuple["tzinfo", int]:
        """The user's zone and the hour a study day begins, read once."""
        settings = self.store.settings.load()
        return self.store.settings.zone(settings), settings.day_rollover_hour

    def day_start(self, day: date) -> datetime:
        from ..domain.scheduling import day_start

        return day_start(day, *self.study_clock())

    def day_bounds(self, now: datetime) -> tuple[datetime, datetime]:
        from ..domain.scheduling import day_bounds

        return day_bounds(now, *self.study_clock())

    def study_day(self, moment: datetime) -> date:
        from ..domain.scheduling import study_day

        return study_day(moment, *self.study_clock())
