"""A rehearsal stopwatch with one lap per pitch part. Pure: the clock is passed in."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime

from ..models.common import utcnow
from ..models.pitch import Lap
from .speaking import Rates, SpeechCount, speaking_seconds


@dataclass
class Stopwatch:
    part_keys: Sequence[str]
    clock: Callable[[], datetime] = utcnow
    started_at: datetime | None = None
    lap_started_at: datetime | None = None
    laps: list[tuple[str, int]] = field(default_factory=list)   # (part key, ms)
    stopped_partway: bool = False  # the last stop cut a part short: its lap is partial

    @property
    def running(self) -> bool:
        return self.started_at is not None

    @property
    def current_index(self) -> int:
        return len(self.laps)

    @property
    def current_key(self) -> str | None:
        return self.part_keys[self.current_index] if self.running and self.current_index < len(self.part_keys) else None

    def start(self) -> None:
        self.started_at = self.lap_started_at = self.clock()
        self.laps = []
        self.stopped_partway = False

    def elapsed_ms(self) -> int:
        return self._ms(self.started_at)

    def lap_ms(self) -> int:
        return self._ms(self.lap_started_at)

    def lap(self) -> bool:
        """Close the current part's lap. True when that was the last part (the run is over)."""
        if not self.running or self.current_key is None:
            return True
        now = self.clock()
        self.laps.append((self.current_key, self._ms(self.lap_started_at, now)))
        self.lap_started_at = now
        return self.current_index >= len(self.part_keys)

    def stop(self) -> list[tuple[str, int]]:
        """End the run; the part being spoken gets its partial lap (`stopped_partway`).
        Returns the laps."""
        self.stopped_partway = self.running and self.current_key is not None and self.lap_ms() > 0
        if self.stopped_partway:
            self.lap()
        laps, self.laps = self.laps, []
        self.started_at = self.lap_started_at = None
        return laps

    def _ms(self, since: datetime | None, now: datetime | None = None) -> int:
        if since is None:
            return 0
        return max(0, int(((now or self.clock()) - since).total_seconds() * 1000))


def spoken_laps(laps: Sequence[tuple[str, int]], counts: Mapping[str, SpeechCount], rates: Rates, *,
                last_partial: bool) -> list[Lap]:
    """The laps with what was said in each: a whole part's words and characters, except in a
    part cut short (`last_partial`), where only the share its time covers at `rates` counts
    (40 s into a part of 60 s: two thirds of it)."""
    result = []
    for index, (key, ms) in enumerate(laps):
        count = counts.get(key, SpeechCount())
        if last_partial and index == len(laps) - 1:
            expected_ms = speaking_seconds(count, rates) * 1000
            share = min(1.0, ms / expected_ms) if expected_ms > 0 else 0.0
            result.append(Lap(key, ms, int(count.words * share), int(count.cjk_chars * share), partial=True))
        else:
            result.append(Lap(key, ms, count.words, count.cjk_chars))
    return result
