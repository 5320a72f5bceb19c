"""Papers on their way through the pipeline."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import datetime
from enum import Enum
from typing import Any

from .common import from_iso


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


@dataclass(slots=True)
class Paper:
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
    notes: str = ""
    bullets: list[str] = field(default_factory=list)
    on_resume: bool = True
    selected: bool = False
    stage_entered_at: datetime | None = None
    created_at: datetime | None = None
    updated_at: datetime | None = None
    version: int = 1

    @classmethod
    def from_row(cls, row: dict[str, Any]) -> "Paper":
        return cls(
            id=row["id"],
            title=row["title"],
            stage=Stage(row["stage"]),
            position=row["position"],
            venue_key=row["venue_key"],
            target_year=row["target_year"],
            track=row["track"],
            topic_key=row["topic_key"],
            status=row["status"],
            decision=row["decision"],
            award=row["award"],
            authors=json.loads(row["authors"] or "[]"),
            my_author_index=row["my_author_index"],
            equal_contribution=json.loads(row["equal_contribution"] or "[]"),
            links=json.loads(row["links"] or "{}"),
            contribution=row["contribution"] or "",
            result=row["result"] or "",
            method=row["method"] or "",
            baseline=row["baseline"] or "",
            dataset=row["dataset"] or "",
            notes=row["notes"] or "",
            bullets=json.loads(row["bullets"] or "[]"),
            on_resume=bool(row["on_resume"]),
            selected=bool(row["selected"]),
            stage_entered_at=from_iso(row["stage_entered_at"]),
            created_at=from_iso(row["created_at"]),
            updated_at=from_iso(row["updated_at"]),
            version=row["version"],
        )


@dataclass(slots=True)
class StageMove:
    id: int
    paper_id: int
    from_stage: Stage | None
    to_stage: Stage
    at: datetime


@dataclass(slots=True)
class ChecklistItem:
    id: int
    paper_id: int
    stage: Stage
    text: str
    done: bool
    position: int
    seed_key: str | None = None


@dataclass(slots=True)
class Submission:
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
