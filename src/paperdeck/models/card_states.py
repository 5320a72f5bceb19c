"""What the day's summary needs of flashcards without the cards themselves: the states and
ratings as stored, the seeded decks' keys, and the due counts. `paperdeck today` and the
Dashboard import this, not models/cards.py (whose dataclasses cost every start); cards.py
names all of it too."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .cards import Card, Outcome

# Card states as stored: 0 new, then fsrs.State's values.
NEW, LEARNING, REVIEW, RELEARNING = 0, 1, 2, 3
STATE_NAMES = {NEW: "new", LEARNING: "learning", REVIEW: "review", RELEARNING: "relearning"}

AGAIN, HARD, GOOD, EASY = 1, 2, 3, 4
RATINGS = (AGAIN, HARD, GOOD, EASY)
RATING_NAMES = {AGAIN: ("重来", "Again"), HARD: ("困难", "Hard"), GOOD: ("良好", "Good"), EASY: ("简单", "Easy")}

# Seeded decks' keys.
INTERVIEW_DECK = "deck.interview"
PITCH_DECK = "deck.pitch"
RESUME_DECK = "deck.resume"

# Categories that are not the guide's question categories: (zh, en).
EXTRA_CATEGORIES = {"pitch": ("讲稿", "Pitch"), "resume": ("简历", "Resume")}


def paper_deck_key(paper_id: int) -> str:
    return f"deck.paper.{paper_id}"


@dataclass(frozen=True, slots=True)
class DueSummary:
    """Cards to study in one study day, by queue."""

    new: int
    learning: int
    due: int

    @property
    def total(self) -> int:
        return self.new + self.learning + self.due


@dataclass(slots=True)
class DueTally:
    """The counts behind a DueSummary, kept current through a review session without counting
    the cards again: a rating moves one card between states and uses up one new card."""

    day_end: datetime  # cards due before this count (new cards always do)
    states: dict[int, int]  # state -> cards counted
    new_left: int  # new cards still allowed today

    def summary(self) -> DueSummary:
        states = self.states
        return DueSummary(
            new=min(states.get(NEW, 0), max(0, self.new_left)),
            learning=states.get(LEARNING, 0) + states.get(RELEARNING, 0),
            due=states.get(REVIEW, 0),
        )

    def _counted(self, state: int, due: datetime | None) -> bool:
        return state == NEW or (due is not None and due < self.day_end)

    def rated(self, before: Card, outcome: Outcome) -> None:
        if self._counted(before.state, before.due):
            self.states[before.state] = self.states.get(before.state, 0) - 1
        if self._counted(outcome.state, outcome.due):
            self.states[outcome.state] = self.states.get(outcome.state, 0) + 1
        if before.state == NEW:
            self.new_left -= 1
