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

    new_left: int = 0              # new cards today's limit still allows, over all decks together

    @property
    def new(self) -> int:
        """New cards today over every deck: the daily limit is one for all decks together, so
        the total is capped by it although each deck's row shows what studying it alone gives."""
        return min(self.new_left, sum(entry.counts.new for entry in self.decks))

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
        new_left=cards.new_remaining(now),
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


def rename_deck(store: "Store", deck_id: int, name: str, language: str) -> None:
    """ValidationError (empty, too long, a name another deck has) with a message to show."""
    store.cards.rename_deck(deck_id, name, language)


def delete_deck(store: "Store", deck_id: int) -> None:
    """The deck, its cards and their reviews, as one entry of the cards journal."""
    store.cards.delete_deck(deck_id)


def undo_card_change(store: "Store", *, redo: bool = False) -> tuple[str, str] | None:
    """Undo (redo) the latest change of the cards journal (a deck renamed or deleted, a card
    deleted, an import): what was undone, (zh, en); None when there is none. ConflictError
    when its rows changed since."""
    label = store.undo("cards", redo=redo)
    return None if label is None else (_label_zh(label), label)


def _label_zh(label: str) -> str:
    """A cards-journal label (written in English by the store) in Chinese."""
    import re

    for pattern, zh in ((r"delete deck '(.*)'", "删除卡组“{}”"), (r"delete card '(.*)'", "删除卡片“{}”"),
                        (r"rename deck '(.*)' to '(.*)'", "卡组“{}”改名为“{}”"), (r"import (.*)", "导入 {}")):
        match = re.fullmatch(pattern, label, re.S)
        if match:
            return zh.format(*match.groups())
    return label


@dataclass(frozen=True)
class PaperDecksResult:
    papers: int          # papers with a deck (made or refreshed)
    without: int         # papers with none of the fields the questions ask about: no deck
    added: int
    updated: int


def generate_paper_decks(store: "Store") -> PaperDecksResult:
    """Create or refresh a deck per paper that has a problem, method, baseline, data, result,
    contribution or limitations (progress kept); a paper with none of them gets no (empty) deck."""
    papers = store.papers.all()
    with_deck = added = updated = 0
    for paper in papers:
        deck, new, changed = store.cards.generate_paper_deck(paper)
        with_deck += deck is not None
        added, updated = added + new, updated + changed
    return PaperDecksResult(with_deck, len(papers) - with_deck, added, updated)


def paper_decks_message(result: PaperDecksResult) -> tuple[str, str]:
    """What `g` says, (zh, en): how many decks, cards added and updated, and which papers need
    their method, baseline or data first."""
    from ..i18n import counted

    if not result.papers and not result.without:
        return "还没有论文：先在流程页添加一篇", "No papers yet: add one on the Pipeline screen"
    zh = en = ""
    if result.papers:
        zh = f"{result.papers} 个论文卡组：新增 {result.added} 张卡片，更新 {result.updated} 张"
        en = (f"{counted(result.papers, 'paper deck')}: {counted(result.added, 'card')} added, "
              f"{result.updated} updated")
    if result.without:
        zh += ("；" if zh else "") + f"{result.without} 篇论文还没有方法、基线或数据，未建卡组（在论文表单中填写）"
        en += ("; " if en else "") + (f"{counted(result.without, 'paper')} without a method, baseline or data "
                                      "got no deck (fill them in the paper form)")
    return zh, en
