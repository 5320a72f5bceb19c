"""Days per pipeline stage over many papers: how long one's papers stay in each stage (from
each paper's spans, `models.papers.stage_spans`), the median and the mean, in board order."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from statistics import mean, median

from ..models.papers import STAGES, Stage, StageSpan


@dataclass(frozen=True, slots=True)
class StageDays:
    stage: Stage
    papers: int          # papers that spent time in it (now or before)
    median_days: float
    mean_days: float
    longest_days: float


def days_per_stage(spans_by_paper: Iterable[list[StageSpan]]) -> list[StageDays]:
    """One row per stage any paper has been in, in board order."""
    days: dict[Stage, list[float]] = {}
    for spans in spans_by_paper:
        for span in spans:
            days.setdefault(span.stage, []).append(span.days)
    return [StageDays(stage, len(days[stage]), median(days[stage]), mean(days[stage]), max(days[stage]))
            for stage in STAGES if days.get(stage)]
