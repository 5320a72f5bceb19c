"""The day's pitch readiness: per paper far enough along, parts written and speaking time
against the target (the Dashboard and `paperdeck today`)."""

from __future__ import annotations

import heapq
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..models.stages import PaperBrief, Stage
from .first_rows import first_rows

if TYPE_CHECKING:
    from ..store import Store

# Stages in which a paper may be pitched in an interview.
PITCH_STAGES = (Stage.EXPERIMENTS, Stage.WRITING, Stage.SUBMISSION, Stage.UNDER_REVIEW, Stage.DECISION)


@dataclass(slots=True)
class PitchReadiness:
    """A paper's pitch: parts written and speaking time against the target."""

    paper_id: int
    title: str
    parts_filled: int
    parts_total: int
    seconds: int
    verdict: str                     # "empty", "short", "ok", "long"


def gather_pitch(store: "Store", papers: Sequence[PaperBrief]) -> tuple[list[PitchReadiness], tuple[float, float]]:
    """Per paper far enough along (or with a pitch begun): parts written and speaking time
    against the target, timed exactly as the Pitch screen times it (`rates_by_paper`)."""
    items, _total, target = pitch_rows(store, papers)
    return items, target


def pitch_rows(store: "Store", papers: Sequence[PaperBrief],
               rows: int | None = None) -> tuple[list[PitchReadiness], int, tuple[float, float]]:
    """gather_pitch's list (its first `rows`), how many it has in all, and the target."""
    from ..domain.speaking import SpeechCount, pitch_seconds, verdict_of
    from .pitch_rates import rates_by_paper

    pitches = store.pitches
    target = pitches.target_minutes()
    part_keys = [part.key for part in pitches.parts()]
    pooled, by_paper = rates_by_paper(store)
    unsaved = (False, SpeechCount())
    every_saved = pitches.counts_by_paper()  # one query, not one per paper; counted when saved
    listed = []  # (parts written, saved parts or None, paper)
    for paper in papers:
        saved = every_saved.get(paper.id)
        filled = sum(1 for key in part_keys if saved.get(key, unsaved)[0]) if saved else 0
        if not filled and (paper.stage not in PITCH_STAGES or paper.decision in ("rejected", "withdrawn")):
            continue
        listed.append((filled, saved, paper))
    total = len(listed)
    if rows is not None and total > rows:
        # The list is ordered by parts written first: only papers with at most the first
        # `rows`' largest count can be among them, and only those are timed.
        most = heapq.nsmallest(rows, (filled for filled, _saved, _paper in listed))[-1]
        listed = [entry for entry in listed if entry[0] <= most]
    # Most papers have no part saved: their time depends on the rates alone (one per rehearsed
    # paper, else the pooled ones), so it is computed once per rates.
    unwritten: dict[int, float] = {}
    timed = []
    for filled, saved, paper in listed:
        rates = by_paper.get(paper.id, pooled)
        if saved:
            seconds = pitch_seconds((saved.get(key, unsaved)[1] for key in part_keys), rates)  # as estimate_pitch
        else:
            seconds = unwritten.get(id(rates))
            if seconds is None:
                seconds = unwritten[id(rates)] = pitch_seconds((unsaved[1] for _ in part_keys), rates)
        timed.append((filled, int(round(seconds)), paper.id, seconds, paper))
    result = [PitchReadiness(paper.id, paper.title, filled, len(part_keys), shown, verdict_of(seconds, target))
              for filled, shown, _id, seconds, paper in first_rows(timed, rows, key=_pitch_order)]
    return result, total, target


def _pitch_order(entry: tuple) -> tuple[int, int, int]:
    """Fewest parts written, then shortest, then by id (PitchReadiness: parts_filled, seconds, paper_id)."""
    return entry[0], entry[1], entry[2]
