"""Flashcards, decks and their review log."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime


@dataclass(slots=True)
class Deck:
    id: int
    key: str
    name: str
    name_zh: str
    paper_id: int | None
    target_seconds: int


@dataclass(slots=True)
class Card:
    id: int
    deck_id: int
    key: str | None
    category_key: str | None
    front: str
    front_zh: str
    back: str
    suspended: bool
    state: int
    step: int | None
    stability: float | None
    difficulty: float | None
    due: datetime
    last_review: datetime | None
    version: int = 1


@dataclass(slots=True)
class Review:
    id: int
    card_id: int
    rating: int
    reviewed_at: datetime
    duration_ms: int
    mode: str
