"""Seeded decks (interview follow-ups, pitch, resume) and the per-paper decks.

Cards are keyed within their deck: seeding or regenerating updates a card's text while the
user has not edited it, never touches its schedule, never adds a second card for a key, and
never brings back a card the user deleted (its key stays in `seed_applied`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ..models.cards import INTERVIEW_DECK, PITCH_DECK, RESUME_DECK, Deck, paper_deck_key
from ..models.common import to_iso, utcnow
from ..models.guide import GuideItem
from .tables import GUIDE_ITEMS

if TYPE_CHECKING:
    import sqlite3

    from ..models.papers import Paper
    from .seed import Seeder
    from .store import Store

SEEDED_DECKS = (
    (INTERVIEW_DECK, "Interview follow-ups", "面试追问"),
    (PITCH_DECK, "Pitch", "讲稿"),
    (RESUME_DECK, "Resume", "简历"),
)


def _ensure_deck(seeder: "Seeder", key: str, name: str, name_zh: str, *, paper_id: int | None = None,
                 target_seconds: int = 90) -> int | None:
    """The deck's id; created once. None when the user deleted a seeded deck."""
    row = seeder.conn.execute("SELECT id FROM decks WHERE key = ?", (key,)).fetchone()
    if row is not None:
        if paper_id is not None:  # a paper's deck follows the paper's title
            seeder.conn.execute("UPDATE decks SET name = ?, name_zh = ? WHERE id = ?", (name, name_zh, row[0]))
        return row[0]
    seed_key = f"deck:{key}"
    if paper_id is None and not seeder.is_new(seed_key):
        return None
    cursor = seeder.conn.execute(
        "INSERT INTO decks(key, name, name_zh, paper_id, target_seconds, seed_key) VALUES (?, ?, ?, ?, ?, ?)",
        (key, name, name_zh, paper_id, target_seconds, None if paper_id else key),
    )
    seeder.mark(seed_key)
    return cursor.lastrowid


def upsert_card(seeder: "Seeder", deck_id: int, deck_key: str, key: str, values: dict[str, Any]) -> str:
    """Insert once, refresh the text while unedited. Returns 'added', 'updated' or ''."""
    conn = seeder.conn
    seed_key = f"card:{deck_key}:{key}"
    row = conn.execute(
        "SELECT id, user_edited, front, front_zh, back, category_key FROM cards WHERE deck_id = ? AND key = ?",
        (deck_id, key),
    ).fetchone()
    if row is None:
        if not seeder.is_new(seed_key):
            return ""  # the user deleted it
        conn.execute(
            "INSERT INTO cards(deck_id, key, category_key, front, front_zh, back, state, due, created_at, updated_at) "
            "VALUES (?, ?, ?, ?, ?, ?, 0, ?, ?, ?)",
            (deck_id, key, values["category_key"], values["front"], values["front_zh"], values["back"],
             seeder.now, seeder.now, seeder.now),
        )
        seeder.mark(seed_key)
        return "added"
    seeder.mark(seed_key)
    current = {name: row[name] for name in ("front", "front_zh", "back", "category_key")}
    if row["user_edited"] or current == values:
        return ""
    conn.execute(
        "UPDATE cards SET front = ?, front_zh = ?, back = ?, category_key = ?, updated_at = ?, "
        "version = version + 1 WHERE id = ?",
        (values["front"], values["front_zh"], values["back"], values["category_key"], seeder.now, row["id"]),
    )
    return "updated"


def _guide(conn: "sqlite3.Connection", kind: str) -> list[GuideItem]:
    rows = conn.execute(
        "SELECT g.* FROM guide_items g LEFT JOIN guide_items p ON p.key = g.parent_key "
        "WHERE g.kind = ? ORDER BY coalesce(p.position, 0), g.position, g.id",
        (kind,),
    ).fetchall()
    return GUIDE_ITEMS.from_rows(rows)


def seed_decks(seeder: "Seeder") -> None:
    """The guide's questions, pitch parts and resume formats as three decks."""
    decks = {key: _ensure_deck(seeder, key, name, name_zh) for key, name, name_zh in SEEDED_DECKS}
    conn = seeder.conn
    if decks[INTERVIEW_DECK]:
        points = talking_points()
        for item in _guide(conn, "question"):
            upsert_card(seeder, decks[INTERVIEW_DECK], INTERVIEW_DECK, item.key, {
                "category_key": item.parent_key, "front": item.en, "front_zh": item.zh,
                "back": points.get(item.key, ""),
            })
    pitch_parts = _guide(conn, "pitch_part")
    if decks[PITCH_DECK]:
        for number, item in enumerate(pitch_parts, start=1):
            upsert_card(seeder, decks[PITCH_DECK], PITCH_DECK, item.key, {
                "category_key": "pitch",
                "front": f"Pitch part {number}/{len(pitch_parts)}: {item.en} — say it for your paper.",
                "front_zh": f"讲稿第 {number}/{len(pitch_parts)} 部分：{item.zh}——用你的论文讲一遍。",
                "back": _example(item.data),
            })
    if decks[RESUME_DECK]:
        for item in _guide(conn, "resume_format"):
            upsert_card(seeder, decks[RESUME_DECK], RESUME_DECK, item.key, {
                "category_key": "resume",
                "front": f"Resume — {item.en}: how do you present your paper this way?",
                "front_zh": f"简历呈现 — {item.zh}：你的论文怎样按这个格式写？",
                "back": str(item.data.get("example", "")),
            })


def talking_points() -> dict[str, str]:
    """The seeded talking points (seed/talking_points.yaml) by question key: Chinese, a blank
    line, then English."""
    from .seed import load_yaml

    entries = load_yaml("talking_points.yaml") or {}
    return {key: "\n\n".join(part for part in (str(e.get("zh", "")).strip(), str(e.get("en", "")).strip()) if part)
            for key, e in entries.items() if isinstance(e, dict)}


def _example(data: dict[str, Any]) -> str:
    parts = [str(data.get(name, "")) for name in ("example_zh", "example_en")]
    return "\n".join(part for part in parts if part)


def generate_paper_deck(store: "Store", paper: "Paper") -> tuple[Deck | None, int, int]:
    """(deck, added, updated). A paper with none of the fields the templates ask for (problem,
    method, baseline, data, result, contribution, limitations) gets no deck: (None, 0, 0),
    unless it has one already."""
    from ..domain.card_templates import render
    from .seed import Seeder

    title = " ".join(paper.title.split())
    key = paper_deck_key(paper.id)
    added = updated = 0
    cards = render(paper)
    if not cards and store.cards.deck_by_key(key) is None:
        return None, 0, 0
    with store.transaction() as conn:
        seeder = Seeder(conn)
        seeder.now = to_iso(utcnow())
        deck_id = _ensure_deck(seeder, key, f"Paper: {title}", f"论文：{title}", paper_id=paper.id,
                               target_seconds=store.settings.load().answer_seconds)
        assert deck_id is not None
        for card in cards:
            result = upsert_card(seeder, deck_id, key, card.key, {
                "category_key": card.category_key, "front": card.front, "front_zh": card.front_zh, "back": card.back,
            })
            added += result == "added"
            updated += result == "updated"
    return store.cards.deck(deck_id), added, updated
