"""Papers on their way through the pipeline."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from .stages import (  # noqa: F401  (importers name them here too)
    AWARDS, DECISIONS, LINK_KINDS, RESUME_FORMATS, RESUME_GROUPS, STAGE_LABELS, STAGES, STATUSES, TRACKS, YEAR_MAX,
    YEAR_MIN, PaperAim, PaperBrief, PaperChoice, PaperPlacement, Stage, venue_label,
)


@dataclass(slots=True)
class Paper:
    """A paper on the board."""

    id: int
    title: str
    stage: Stage
    position: float = 0.0
    venue_key: str | None = None
    target_year: int | None = None
    track: str | None = None
    topic_key: str | None = None
    status: str | None = None
    decision: str | None = None
    award: str | None = None
    authors: list[str] = field(default_factory=list)
    my_author_index: int | None = None
    equal_contribution: list[int] = field(default_factory=list)
    links: dict[str, str] = field(default_factory=dict)
    contribution: str = ""
    result: str = ""
    method: str = ""
    baseline: str = ""
    dataset: str = ""
    problem: str = ""        # the problem it solves, in a line
    limitations: str = ""    # what it does not do, in a line
    notes: str = ""
    bullets: list[str] = field(default_factory=list)
    on_resume: bool = True
    selected: bool = False
    stage_entered_at: datetime | None = None
    created_at: datetime | None = None
    updated_at: datetime | None = None
    version: int = 1
    seed_key: str | None = None
    doi: str | None = None
    arxiv_id: str | None = None
    user_edited: bool = False    # a seeded sample the user changed: a newer seed leaves it alone
    corresponding: list[int] = field(default_factory=list)   # author indexes marked † (corresponding)
    cite_key: str | None = None  # the key a .bib gave it: kept on export (None: one is generated)
    bib_entry: dict[str, Any] = field(default_factory=dict)  # the imported entry, for a faithful export
    target_cycle: int | None = None   # the cycle of its edition, where the venue runs several
    venue_name: str = ""              # the venue as it writes itself (read from the venue row)

    @property
    def is_example(self) -> bool:
        """One of the guide's example papers (seeded, edited or not): shown as an example, never
        listed or counted as the user's own (dashboard, pitches, resume)."""
        return bool(self.seed_key)

    @property
    def venue_label(self) -> str:
        """"ICLR 2027" / "NeurIPS" / "" as shown on a board tile and in lists."""
        return venue_label(self.venue_name or self.venue_key, self.target_year, self.target_cycle)


@dataclass(slots=True)
class PaperTile:
    """What a tile of the Pipeline board shows, read in one query for the whole board (10,000 rows).

    The board's item is a *tile*; "card" means a flashcard."""

    id: int
    title: str
    stage: Stage
    position: float
    venue_key: str | None
    target_year: int | None
    topic_key: str | None
    stage_entered_at: datetime | None
    checklist_done: int = 0
    checklist_total: int = 0
    decision: str | None = None
    track: str | None = None
    target_cycle: int | None = None
    venue_name: str = ""
    is_example: bool = False      # one of the guide's example papers (Paper.is_example)
    version: int = 1              # the paper's version as read: a move or reorder is saved with it

    @property
    def venue_label(self) -> str:
        return venue_label(self.venue_name or self.venue_key, self.target_year, self.target_cycle)

    def days_in_stage(self, now: datetime) -> int:
        if self.stage_entered_at is None:
            return 0
        return max(0, (now - self.stage_entered_at).days)


@dataclass(frozen=True, slots=True)
class PaperFilter:
    """The board's filter: every set field must match (text is a case-insensitive substring)."""

    text: str = ""
    venue_key: str | None = None
    topic_key: str | None = None
    stage: Stage | None = None

    @property
    def is_empty(self) -> bool:
        return not (self.text.strip() or self.venue_key or self.topic_key or self.stage)


@dataclass(slots=True)
class StageMove:
    """One move of a paper between stages."""

    id: int
    paper_id: int
    from_stage: Stage | None
    to_stage: Stage
    at: datetime


@dataclass(slots=True)
class StageSpan:
    """Time a paper spent in one stage (summed over every visit)."""

    stage: Stage
    days: float
    visits: int


def stage_spans(history: list[StageMove], now: datetime) -> list[StageSpan]:
    """Days spent per stage from the move history, in board order; the open visit runs to `now`."""
    totals: dict[Stage, list[float]] = {}
    ordered = sorted(history, key=lambda move: (move.at, move.id))
    for index, move in enumerate(ordered):
        end = ordered[index + 1].at if index + 1 < len(ordered) else now
        seconds = max(0.0, (end - move.at).total_seconds())
        entry = totals.setdefault(move.to_stage, [0.0, 0])
        entry[0] += seconds / 86400
        entry[1] += 1
    return [StageSpan(stage, totals[stage][0], int(totals[stage][1])) for stage in STAGES if stage in totals]


@dataclass(slots=True)
class ChecklistItem:
    """One task of a paper's stage checklist."""

    id: int
    paper_id: int
    stage: Stage
    text: str
    done: bool
    position: int
    seed_key: str | None = None


@dataclass(slots=True)
class Submission:
    """One submission of a paper to a venue."""

    id: int
    paper_id: int
    venue_key: str | None
    venue_name: str
    year: int | None
    track: str | None
    submitted_on: str | None
    scores: str
    decision: str | None
    notes: str
    cycle: int | None = None
    forum_id: str = ""  # the OpenReview forum or ARR submission id

    @property
    def label(self) -> str:
        return f"{self.venue_name} {self.year}".strip() if self.year else self.venue_name
