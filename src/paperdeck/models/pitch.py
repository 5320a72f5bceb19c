"""A paper's five-part pitch."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime


@dataclass(slots=True)
class PitchSection:
    """One part of a paper's interview pitch."""

    id: int
    paper_id: int
    part_key: str
    body: str
    updated_at: datetime | None
    version: int = 1


@dataclass(frozen=True, slots=True)
class PitchPart:
    """One of the guide's five parts: its prompt in both languages and the guide's example."""

    key: str
    zh: str
    en: str
    example_zh: str = ""
    example_en: str = ""

    def title(self, language: str) -> str:
        return self.zh if language == "zh" else self.en

    def example(self, language: str) -> str:
        if language == "zh":
            return self.example_zh or self.example_en
        return self.example_en or self.example_zh


@dataclass(frozen=True, slots=True)
class PitchVersion:
    """A saved snapshot of a paper's pitch."""

    id: int
    paper_id: int
    sections: dict[str, str]
    created_at: datetime | None


@dataclass(frozen=True, slots=True)
class Lap:
    """One part of a rehearsal: how long it took and what was said. A `partial` lap is the part
    being spoken when the run was stopped: its counts are the share spoken in that time, and it
    tells nothing about the speaker's rate."""

    part_key: str
    ms: int
    words: int = 0
    cjk_chars: int = 0
    partial: bool = False


@dataclass(frozen=True, slots=True)
class Rehearsal:
    """One timed rehearsal of a pitch."""

    id: int
    paper_id: int
    started_at: datetime | None
    total_ms: int
    laps: tuple[Lap, ...]
    words: int
    cjk_chars: int
