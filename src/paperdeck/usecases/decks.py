"""The Flashcards screen's questions: the deck list with today's counts, and paper decks."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import TYPE_CHECKING

from ..models.cards import DeckCounts

if TYPE_CHECKING:
    from ..store import Store


@dataclass(frozen=True)
class DeckListView:
    """Everything the deck list shows, read at one instant."""

    decks: tuple[DeckCounts, ...]
    retention: float | None        # true retention of the last 30 days (None: no reviews)
    reviewed: int                  # the reviews that retention counts
    streak_days: int
    desired_retention: float
    new_per_day: int
    study_day: date                # today, by the study clock (the day starts at its hour)
    interview_date: date | None    # the interview last crammed for

    @property
    def new(self) -> int:
        return sum(entry.counts.new for entry in self.decks)

    @property
    def learning(self) -> int:
        return sum(entry.counts.learning for entry in self.decks)

    @property
    def due(self) -> int:
        return sum(entry.counts.due for entry in self.decks)

    def deck(self, deck_id: int) -> DeckCounts | None:
        return next((entry for entry in self.decks if entry.deck.id == deck_id), None)


def deck_list(store: "Store", now: datetime) -> DeckListView:
    cards, settings = store.cards, store.settings.load()
    retention, reviewed = cards.true_retention(now)
    return DeckListView(
        decks=tuple(cards.deck_counts(now)),
        retention=retention,
        reviewed=reviewed,
        streak_days=cards.streak(now),
        desired_retention=settings.desired_retention,
        new_per_day=settings.new_cards_per_day,
        study_day=cards.study_day(now),
        interview_date=settings.interview_date,
    )


def set_deck_target(store: "Store", deck_id: int, seconds: str) -> None:
    """The deck's target answer length; ValidationError with a message to show."""
    store.cards.set_target_seconds(deck_id, seconds.strip())


def set_study_setting(store: "Store", key: str, text: str) -> None:
    """A flashcard setting as typed (desired_retention, new_cards_per_day), checked by the
    settings catalogue; ValidationError with a message to show."""
    store.settings.set_text(key, text)


def add_deck(store: "Store", name: str) -> None:
    store.cards.add_deck(name)


@dataclass(frozen=True)
class PaperDecksResult:
    papers: int
    added: int
    updated: int


def generate_paper_decks(store: "Store") -> PaperDecksResult:
    """Create or refresh a deck per paper from the question templates (progress kept)."""
    papers = store.papers.all()
    added = updated = 0
    for paper in papers:
        _deck, new, changed = store.cards.generate_paper_deck(paper)
        added, updated = added + new, updated + changed
    return PaperDecksResult(len(papers), added, updated)
