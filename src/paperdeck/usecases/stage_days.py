"""The Pipeline's "days per stage": over my own papers (never the guide's examples), how long
each stage has taken, from the stage history."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

from ..domain.stage_days import StageDays, days_per_stage
from ..models.papers import stage_spans

if TYPE_CHECKING:
    from ..store import Store


def stage_days(store: "Store", now: datetime) -> list[StageDays]:
    mine = {paper.id for paper in store.papers.outlines() if not paper.is_example}
    histories = store.papers.histories()
    return days_per_stage(stage_spans(histories[paper_id], now) for paper_id in mine if histories.get(paper_id))
