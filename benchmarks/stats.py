"""Small statistics for noisy timings: median, percentiles, range."""

from __future__ import annotations

import statistics
from dataclasses import dataclass, field


def percentile(values: list[float], fraction: float) -> float:
    """Linear-interpolated percentile (fraction in 0..1) of a non-empty list."""
    ordered = sorted(values)
    if len(ordered) == 1:
        return ordered[0]
    position = fraction * (len(ordered) - 1)
    low = int(position)
    high = min(low + 1, len(ordered) - 1)
    return ordered[low] + (ordered[high] - ordered[low]) * (position - low)


@dataclass
class Sample:
    """Values of one measure (ms, or KiB for memory), and per-run medians for the range."""

    values: list[float] = field(default_factory=list)
    run_medians: list[float] = field(default_factory=list)
    error: str = ""

    @classmethod
    def of_runs(cls, values: list[float], error: str = "") -> "Sample":
        """One value per run: the range is that of the values themselves."""
        return cls(values=list(values), run_medians=list(values), error=error)

    def add_run(self, values: list[float]) -> None:
        if values:
            self.values.extend(values)
            self.run_medians.append(statistics.median(values))

    @property
    def ok(self) -> bool:
        return bool(self.values) and not self.error

    @property
    def median(self) -> float:
        return statistics.median(self.values)

    @property
    def p95(self) -> float:
        return percentile(self.values, 0.95)

    @property
    def worst(self) -> float:
        return max(self.values)

    @property
    def low(self) -> float:
        return min(self.run_medians)

    @property
    def high(self) -> float:
        return max(self.run_medians)


def ratio(measured: Sample, baseline: Sample) -> float | None:
    if not (measured.ok and baseline.ok) or baseline.median <= 0:
        return None
    return measured.median / baseline.median
