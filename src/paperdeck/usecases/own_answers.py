"""The user's own answer to a Pitch or Resume card: their pitch part, their resume snippet.

The seeded Pitch and Resume decks keep the guide's example as the talking points; when the
user has written the pitch part (for a paper of their own, not one of the guide's examples) or
has papers for the resume, the review shows theirs first.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..models.cards import PITCH_DECK, RESUME_DECK, Card

if TYPE_CHECKING:
    from ..store import Store


@dataclass(frozen=True, slots=True)
class OwnAnswer:
    zh: str      # what it is, e.g. 你的讲稿（《title》）
    en: str
    text: str


def own_answer(store: "Store", card: Card) -> OwnAnswer | None:
    deck = store.cards.deck(card.deck_id)
    if deck.key == PITCH_DECK and card.key:
        return _own_pitch_part(store, card.key)
    if deck.key == RESUME_DECK and card.key:
        return _own_resume(store, card.key)
    return None


def _own_pitch_part(store: "Store", part_key: str) -> OwnAnswer | None:
    """The part as last written for one of the user's own papers (the guide's examples are
    seeded papers: they do not count)."""
    row = store.row(
        "SELECT s.body, p.title FROM pitch_sections s JOIN papers p ON p.id = s.paper_id "
        "WHERE s.part_key = ? AND trim(s.body) != '' AND p.seed_key IS NULL "
        "ORDER BY s.updated_at DESC, s.id DESC LIMIT 1",
        (part_key,),
    )
    if row is None:
        return None
    title = " ".join(row["title"].split())
    return OwnAnswer(f"你的讲稿（《{title}》）", f"Your pitch (“{title}”)", row["body"].strip())


def _own_resume(store: "Store", format_key: str) -> OwnAnswer | None:
    from dataclasses import replace

    from ..domain.snippets import render, render_list
    from .resume import entries_from_store

    seeded = {row[0] for row in store.rows("SELECT id FROM papers WHERE seed_key IS NOT NULL")}
    # A study card is private: a paper under review shows its title here, though the resume's
    # copied text anonymises it ("ACL ARR x2 / Under Review") unless resume_review_titles is on.
    entries = [replace(entry, anonymous=False) for entry in entries_from_store(store) if entry.paper_id not in seeded]
    if not entries:
        return None
    if format_key == "resume.single":
        return OwnAnswer("你的简历条目", "Your resume entry", render(entries[0], "txt"))
    return OwnAnswer("你的论文列表", "Your publication list", render_list(entries, "txt"))
