"""The settings that shape flashcard study: zone, rollover hour, retention, new-card limit."""

from __future__ import annotations

from datetime import date, datetime
from typing import TYPE_CHECKING

from .errors import ValidationError

if TYPE_CHECKING:
    from datetime import tzinfo

    from .store import Store


class CardSettings:
    """Mixed into CardRepo: reads and validated writes of the study settings."""

    store: "Store"

    # -- settings that shape the day ------------------------------------------------------

    def zone(self) -> "tzinfo":
        return self.store.settings.zone()

    def rollover_hour(self) -> int:
        from ..domain.scheduling import clamp_hour

        return clamp_hour(self.store.settings.get("day_rollover_hour"))

    def desired_retention(self) -> float:
        from ..domain.scheduling import clamp_retention

        return clamp_retention(self.store.settings.get("desired_retention"))

    def new_per_day(self) -> int:
        try:
            return max(0, int(self.store.settings.get("new_cards_per_day")))
        except (TypeError, ValueError):
            return 20

    def set_desired_retention(self, text: object) -> float:
        """Accepts 0.9, "0.9" or "90%"; FSRS is meaningful between 70% and 99%."""
        raw = str(text).strip()
        try:
            value = float(raw.rstrip("%")) / (100 if raw.endswith("%") or float(raw.rstrip("%")) > 1 else 1)
        except ValueError:
            raise ValidationError("desired retention is a number such as 0.9 or 90%", field="retention") from None
        if not 0.7 <= value <= 0.99:
            raise ValidationError("desired retention must be between 70% and 99%", field="retention")
        self.store.settings.set("desired_retention", round(value, 4))
        return value

    def set_new_per_day(self, text: object) -> int:
        try:
            value = int(str(text).strip())
        except ValueError:
            raise ValidationError("the daily new-card limit is a whole number", field="new_per_day") from None
        if not 0 <= value <= 9999:
            raise ValidationError("the daily new-card limit must be between 0 and 9999", field="new_per_day")
        self.store.settings.set("new_cards_per_day", value)
        return value

    def day_bounds(self, now: datetime) -> tuple[datetime, datetime]:
        from ..domain.scheduling import day_bounds

        return day_bounds(now, self.zone(), self.rollover_hour())

    def study_day(self, moment: datetime) -> date:
        from ..domain.scheduling import study_day

        return study_day(moment, self.zone(), self.rollover_hour())
