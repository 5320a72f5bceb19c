"""Each pitch part's share of the target: how long each of the guide's five parts should take,
and how a part's time (written, or spoken in a rehearsal lap) compares with it.

The guide gives the five parts and the 5-8 minutes, not their lengths. These shares are this
project's scaffold: the method and the results carry a research pitch; the background sets
them up; the one-line highlight is short; the outlook closes. A part this table does not
know (a renamed guide) gets the average share; the shares are scaled to add up to 1.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from ..models.pitch import Lap
from .speaking import target_band

PART_SHARES: dict[str, float] = {
    "pitch.background": 0.20,
    "pitch.method": 0.30,
    "pitch.results": 0.25,
    "pitch.highlight": 0.10,
    "pitch.extensions": 0.15,
}


@dataclass(frozen=True, slots=True)
class PartTarget:
    key: str
    share: float          # of the whole pitch, 0..1
    low_seconds: float    # the share of the target band's low end
    high_seconds: float   # ... and of its high end

    def verdict(self, seconds: float) -> str:
        """'empty', 'short', 'ok' or 'long': `seconds` against this part's band."""
        if seconds <= 0:
            return "empty"
        if seconds < self.low_seconds:
            return "short"
        if seconds > self.high_seconds:
            return "long"
        return "ok"


def part_targets(keys: Sequence[str], target_minutes: tuple[float, float]) -> dict[str, PartTarget]:
    """part key -> its target, in the order of `keys`, for a pitch of `target_minutes`."""
    if not keys:
        return {}
    known = [PART_SHARES[key] for key in keys if key in PART_SHARES]
    fallback = sum(known) / len(known) if known else 1.0
    raw = [PART_SHARES.get(key, fallback) for key in keys]
    total = sum(raw)
    low, high = target_band(target_minutes)
    return {key: PartTarget(key, share / total, low * 60 * share / total, high * 60 * share / total)
            for key, share in zip(keys, raw)}


@dataclass(frozen=True, slots=True)
class LapTiming:
    """One lap of a rehearsal against its part's target."""

    key: str
    seconds: float
    target: PartTarget | None     # None: a part no longer in the pitch
    verdict: str                  # 'short', 'ok', 'long'; 'partial' for a part cut short; '' without a target
    partial: bool = False


def lap_timings(laps: Iterable[Lap], targets: dict[str, PartTarget]) -> list[LapTiming]:
    """A rehearsal's laps, each against its part's share. A partial lap (the run was stopped
    during it) gets no verdict: it says nothing about that part's length."""
    result = []
    for lap in laps:
        target = targets.get(lap.part_key)
        seconds = lap.ms / 1000
        if lap.partial:
            verdict = "partial"
        else:
            verdict = target.verdict(seconds) if target is not None else ""
        result.append(LapTiming(lap.part_key, seconds, target, verdict, lap.partial))
    return result
