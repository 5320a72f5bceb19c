"""Papers' stages and what is read of a paper without building it: the stage enum, the fixed
value lists, and the rows read for every paper (10,000 at the large size) as NamedTuples.
`paperdeck today` and the Dashboard import this, not models/papers.py (whose dataclasses cost
every start); papers.py names all of it too."""

from __future__ import annotations

from datetime import datetime
from enum import Enum
from typing import NamedTuple

from .bounds import YEAR_MAX, YEAR_MIN  # noqa: F401  (the bounds of a paper's year)


class Stage(str, Enum):
    """The guide's five stages, then review and decision."""

    IDEATION = "ideation"
    DESIGN = "design"
    EXPERIMENTS = "experiments"
    WRITING = "writing"
    SUBMISSION = "submission"
    UNDER_REVIEW = "under_review"
    DECISION = "decision"

    @property
    def label(self) -> str:
        return STAGE_LABELS[self][1]

    @property
    def label_zh(self) -> str:
        return STAGE_LABELS[self][0]

    def pick(self, language: str) -> str:
        return self.label_zh if language == "zh" else self.label

    @classmethod
    def parse(cls, text: str) -> "Stage":
        """Accept the id or the English label in any case ("Under review", "under-review")."""
        wanted = text.strip().lower().replace("-", "_").replace(" ", "_")
        for stage in cls:
            if wanted in (stage.value, stage.label.lower().replace(" ", "_")) or text.strip() == stage.label_zh:
                return stage
        names = ", ".join(stage.label for stage in cls)
        raise ValueError(f"unknown stage {text!r}; expected one of: {names}")


STAGE_LABELS: dict[Stage, tuple[str, str]] = {
    Stage.IDEATION: ("选题", "Ideation"),
    Stage.DESIGN: ("方案设计", "Design"),
    Stage.EXPERIMENTS: ("实验", "Experiments"),
    Stage.WRITING: ("写作", "Writing"),
    Stage.SUBMISSION: ("投稿", "Submission"),
    Stage.UNDER_REVIEW: ("审稿中", "Under review"),
    Stage.DECISION: ("结果", "Decision"),
}

STAGES: tuple[Stage, ...] = tuple(Stage)


def venue_label(name: str | None, year: int | None, cycle: int | None = None) -> str:
    """"ICLR 2027", "KDD 2026 cycle 2", "NeurIPS", "": a paper's target as written everywhere."""
    text = f"{name or ''} {year or ''}".strip()
    return f"{text} cycle {cycle}" if cycle and text else text


DECISIONS = ("accepted", "rejected", "withdrawn")
TRACKS = ("main", "findings", "workshop")
STATUSES = ("active", "paused", "dropped")
AWARDS = ("Oral", "Spotlight", "Poster", "Best Paper", "Outstanding Paper", "Honorable Mention")
RESUME_FORMATS = ("txt", "md", "tex", "bib")  # how a resume snippet is written
RESUME_GROUPS = ("selected", "year", "type")  # how the resume list is grouped after Selected
# The guide's showcase platforms, plus the code repository: link kinds on the paper form.
LINK_KINDS = ("arxiv", "code", "project", "huggingface", "openreview", "paperswithcode")


class PaperPlacement(NamedTuple):
    """What decides whether a paper belongs on the resume (read for every paper, 10,000 at the
    large size, so no whole Paper is built for it)."""

    id: int
    is_example: bool
    stage: Stage
    status: str | None
    decision: str | None
    on_resume: bool
    version: int
    arxiv_id: str | None


class PaperChoice(NamedTuple):
    """A paper as a picker lists it (the Pitch screen's papers: every paper, 10,000 at the large size)."""

    id: int
    title: str
    stage: Stage
    is_example: bool


class PaperAim(NamedTuple):
    """What a paper's target is computed from (domain/targets.py's PaperLike), and its title:
    the month grid's and the calendar's milestones, for every paper."""

    id: int
    title: str
    stage: Stage
    venue_key: str | None
    target_year: int | None
    track: str | None
    decision: str | None
    target_cycle: int | None


class PaperBrief(NamedTuple):
    """What the day's summary (the Dashboard, `paperdeck today`) reads of a paper: what its
    target is computed from (PaperAim's columns), when it entered its stage and whether it is
    one of the guide's examples (Paper.is_example). Read for every paper, 10,000 at the large size."""

    id: int
    title: str
    stage: Stage
    venue_key: str | None
    target_year: int | None
    track: str | None
    decision: str | None
    target_cycle: int | None
    stage_entered_at: datetime | None
    is_example: bool
