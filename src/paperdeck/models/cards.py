"""Flashcards, decks and their review log."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import Any

from .card_states import (  # noqa: F401  (importers name them here too)
    AGAIN, EASY, EXTRA_CATEGORIES, GOOD, HARD, INTERVIEW_DECK, LEARNING, NEW, PITCH_DECK, RATING_NAMES, RATINGS,
    RELEARNING, RESUME_DECK, REVIEW, STATE_NAMES, DueSummary, DueTally, paper_deck_key,
)


@dataclass(slots=True)
class Deck:
    """A deck of flashcards."""

    id: int
    key: str
    name: str
    name_zh: str
    paper_id: int | None
    target_seconds: int
    seed_key: str | None = None

    def pick(self, language: str) -> str:
        if language == "zh":
            return self.name_zh or self.name
        return self.name or self.name_zh


@dataclass(slots=True)
class Card:
    """One flashcard with its FSRS scheduling state."""

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
    user_edited: bool = False
    created_at: datetime | None = None
    updated_at: datetime | None = None

    @property
    def is_new(self) -> bool:
        return self.state == NEW

    @property
    def interval(self) -> timedelta | None:
        """The time from its last review to its due date (None while new)."""
        if self.state == NEW or self.last_review is None:
            return None
        return self.due - self.last_review

    def pick(self, language: str) -> str:
        """The question in the content language, falling back to the other."""
        if language == "zh":
            return self.front_zh or self.front
        return self.front or self.front_zh


# How the card browser sorts: its columns' keys.
SORTS = ("deck", "category", "question", "state", "due", "interval", "stability", "difficulty", "lapses", "reviews")


@dataclass(frozen=True, slots=True)
class BrowsedCard:
    """A card as the browser lists it, with its review counts."""

    card: Card
    reviews: int   # every review, cram answers included
    lapses: int    # FSRS reviews rated Again while the card was in review


@dataclass(frozen=True, slots=True)
class Outcome:
    """What a rating would do to a card: computed once, shown, then saved as is."""

    rating: int
    state: int
    step: int | None
    stability: float
    difficulty: float
    due: datetime
    last_review: datetime

    @property
    def interval(self) -> timedelta:
        return self.due - self.last_review


@dataclass(slots=True)
class Review:
    """One rating of a card, as logged."""

    id: int
    card_id: int
    rating: int
    reviewed_at: datetime
    duration_ms: int
    mode: str
    card_before: dict[str, Any] = field(default_factory=dict)  # the schedule before, for undo


@dataclass(slots=True)
class DeckCounts:
    """A deck with its card count and what is due in it."""

    deck: Deck
    total: int           # every card, suspended ones included
    counts: DueSummary
    suspended: int = 0


@dataclass(frozen=True, slots=True)
class CategoryLapses:
    """A card category with its lapses and cards (the weakest categories)."""

    category_key: str
    zh: str
    en: str
    lapses: int
    cards: int


@dataclass(slots=True)
class CardStats:
    """The Stats view's figures."""

    reviews_per_day: list[tuple[date, int]] = field(default_factory=list)
    retention: float | None = None      # None: no review-state reviews in the window
    retention_reviews: int = 0
    retention_weeks: list[tuple[date, float | None, int]] = field(default_factory=list)  # 12 weeks, oldest first
    target_retention: float = 0.9
    weakest: list[CategoryLapses] = field(default_factory=list)
    forecast: list[tuple[date, int]] = field(default_factory=list)
    streak: int = 0
    total_reviews: int = 0
