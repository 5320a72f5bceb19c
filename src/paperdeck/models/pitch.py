"""A paper's five-part pitch."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime


@dataclass(slots=True)
class PitchSection:
    id: int
    paper_id: int
    part_key: str
    body: str
    updated_at: datetime | None
    version: int = 1
