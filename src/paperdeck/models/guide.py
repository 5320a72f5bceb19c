"""Items of the guide, as seeded into the database."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from .common import Bilingual


@dataclass(slots=True)
class GuideItem:
    """One item of the guide: a reason, a topic, a stage task, a question, a platform, ...

    `kind` says which section it comes from; `parent_key` ties a task to its stage or a
    question to its category; `data` holds the section's extra fields (examples, tools, ...).
    """

    id: int
    key: str
    kind: str
    parent_key: str | None
    position: int
    zh: str
    en: str
    data: dict[str, Any] = field(default_factory=dict)
    user_edited: bool = False

    @property
    def text(self) -> Bilingual:
        return Bilingual(self.zh, self.en)

    def pick(self, language: str) -> str:
        return self.zh if language == "zh" else self.en
