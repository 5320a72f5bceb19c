"""The speaker's rates, as every pitch timing reads them (the Pitch screen, the day's summary):
apart from usecases/pitch.py so that `paperdeck today` and the Dashboard do not import the
Pitch screen's view and writes to time their pitches."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..domain.speaking import Rates, rates_from_laps

if TYPE_CHECKING:
    from ..models.pitch import Lap
    from ..store import Store


def rates_by_paper(store: "Store") -> tuple[Rates, dict[int, Rates]]:
    """The pooled rates and each rehearsed paper's, read once. Per language: measured over the
    paper's own runs, else over every run (the speaker's), else the settings' defaults. A
    language is "measured" only from runs that had it in them."""
    defaults = store.settings.load().speaking_rates()
    runs = store.pitches.rehearsals()
    pooled = rates_from_laps((lap for run in runs for lap in run.laps), defaults)
    laps: dict[int, list[Lap]] = {}
    for run in runs:
        laps.setdefault(run.paper_id, []).extend(run.laps)
    return pooled, {paper_id: rates_from_laps(own, defaults).or_else(pooled) for paper_id, own in laps.items()}
