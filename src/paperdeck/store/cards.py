"""Decks and cards: CRUD, search, categories. The due queue and review logging live in
card_queue.py, stats in card_stats.py, seeding and per-paper generation in card_seed.py.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import TYPE_CHECKING, Any

from ..domain.settings import ANSWER_SECONDS
from ..models.card_states import EXTRA_CATEGORIES, LEARNING, NEW, RELEARNING, REVIEW, DueSummary
from ..models.common import to_iso, utcnow
from .card_queue import CardQueue
from .card_settings import CardSettings
from . import undo, versions
from .errors import NotFound, ValidationError
from .tables import CARDS, DECKS

SCOPE = "cards"  # the undo journal of decks and cards (imports' too: store/card_import.py)

if TYPE_CHECKING:
    import sqlite3

    from ..models.cards import Card, CardStats, CategoryLapses, Deck, DeckCounts
    from ..models.papers import Paper
    from .store import Store

MAX_FRONT = 2000
MAX_BACK = 20000
MIN_TARGET_SECONDS, MAX_TARGET_SECONDS = ANSWER_SECONDS


def clean_text(text: str | None, limit: int, what: str) -> str:
    text = (text or "").replace("\r\n", "\n").strip()
    if len(text) > limit:
        raise ValidationError(f"the {what} is too long ({len(text)} characters; at most {limit})", field=what)
    return text


def insert_deck(conn: "sqlite3.Connection", name: str, name_zh: str, seconds: int, *,
                key: str | None = None, paper_id: int | None = None) -> int:
    """Insert a deck (a user's deck gets the key `deck.user.N`); its id."""
    if key is None:
        key = f"deck.user.{conn.execute('SELECT coalesce(max(id), 0) + 1 FROM decks').fetchone()[0]}"
    cursor = conn.execute(
        "INSERT INTO decks(key, name, name_zh, paper_id, target_seconds) VALUES (?, ?, ?, ?, ?)",
        (key, name, name_zh, paper_id, seconds),
    )
    return int(cursor.lastrowid)


def search_filter(text: str, deck_id: int | None, category_key: str | None, alias: str = "c") -> tuple[str, list[Any]]:
    """The WHERE conditions (each starting " AND") of a search over cards aliased `alias`."""
    sql, params = "", []
    needle = text.strip()
    columns = [f"{alias}.{name}" for name in ("front", "front_zh", "back")]
    if needle and len(needle.encode()) > 20_000:
        # SQLite refuses LIKE patterns over 50,000 bytes; a needle this long is matched exactly.
        sql += " AND (" + " OR ".join(f"instr({column}, ?)" for column in columns) + ")"
        params += [needle] * 3
    elif needle:
        pattern = "%" + needle.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
        sql += " AND (" + " OR ".join(f"{column} LIKE ? ESCAPE '\\'" for column in columns) + ")"
        params += [pattern] * 3
    if deck_id is not None:
        sql += f" AND {alias}.deck_id = ?"
        params.append(deck_id)
    if category_key:
        sql += f" AND {alias}.category_key = ?"
        params.append(category_key)
    return sql, params


class CardRepo(CardQueue, CardSettings):
    def __init__(self, store: "Store"):
        self.store = store

    # -- decks ------------------------------------------------------------------------------

    def decks(self) -> list[Deck]:
        return DECKS.from_rows(self.store.rows("SELECT * FROM decks ORDER BY paper_id IS NOT NULL, id"))

    def deck(self, deck_id: int) -> Deck:
        row = self.store.row("SELECT * FROM decks WHERE id = ?", (deck_id,))
        if row is None:
            raise NotFound(f"no deck with id {deck_id}")
        return DECKS.from_row(row)

    def deck_by_key(self, key: str) -> Deck | None:
        row = self.store.row("SELECT * FROM decks WHERE key = ?", (key,))
        return None if row is None else DECKS.from_row(row)

    def find_deck(self, name: str) -> Deck | None:
        """A deck by its English or Chinese name or key, case-insensitively."""
        wanted = name.strip().casefold()
        for deck in self.decks():
            if wanted in (deck.name.casefold(), deck.name_zh.casefold(), deck.key.casefold()):
                return deck
        return None

    def add_deck(self, name: str, name_zh: str = "", *, key: str | None = None,
                 target_seconds: int | None = None, paper_id: int | None = None) -> Deck:
        name = clean_text(name, 200, "deck name")
        name_zh = clean_text(name_zh, 200, "deck name")
        if not name and not name_zh:
            raise ValidationError("a deck needs a name", field="name")
        if self.find_deck(name or name_zh) is not None:
            raise ValidationError(f"a deck named {name or name_zh!r} exists already", field="name")
        seconds = self._target(target_seconds) if target_seconds is not None else self.default_target_seconds()
        with self.store.transaction() as conn:
            deck_id = insert_deck(conn, name or name_zh, name_zh, seconds, key=key, paper_id=paper_id)
        return self.deck(deck_id)

    def default_target_seconds(self) -> int:
        """A new deck's target answer length: the `answer_seconds` setting."""
        return self._target(self.store.settings.load().answer_seconds)

    @staticmethod
    def _target(value: object) -> int:
        try:
            seconds = int(value)  # type: ignore[arg-type]
        except (TypeError, ValueError):
            raise ValidationError("the target answer length must be a whole number of seconds", field="target") from None
        if not MIN_TARGET_SECONDS <= seconds <= MAX_TARGET_SECONDS:
            raise ValidationError(f"the target answer length must be between {MIN_TARGET_SECONDS} and "
                                  f"{MAX_TARGET_SECONDS} seconds", field="target")
        return seconds

    def set_target_seconds(self, deck_id: int, seconds: object) -> Deck:
        value = self._target(seconds)
        with self.store.transaction() as conn:
            conn.execute("UPDATE decks SET target_seconds = ? WHERE id = ?", (value, deck_id))
        return self.deck(deck_id)

    def deck_counts(self, now: datetime) -> list[DeckCounts]:
        _start, end = self.day_bounds(now)
        # One pass over the cards_deck_state index, in its order (no sort, no row read): per
        # (suspended, deck), its cards and the new, learning and due ones among them. Two passes
        # before (every card, then the unsuspended ones again): ~40% of the Flashcards screen's
        # read at 100,000 cards.
        found: dict[int, list[int]] = {}  # deck id -> [total, suspended, new, learning, due]
        for suspended, deck_id, count, new, learning, due in self.store.rows(
                f"SELECT suspended, deck_id, count(*), sum(state = {NEW}), "
                f"sum(state IN ({LEARNING}, {RELEARNING}) AND due < ?1), sum(state = {REVIEW} AND due < ?1) "
                "FROM cards GROUP BY suspended, deck_id", (to_iso(end),)):
            counts = found.get(deck_id)
            if counts is None:
                counts = found[deck_id] = [0, 0, 0, 0, 0]
            counts[0] += count
            if suspended:
                counts[1] += count
            else:  # counted only among the cards not suspended
                counts[2:] = new, learning, due
        from ..models.cards import DeckCounts

        remaining = self.new_remaining(now)
        none = (0, 0, 0, 0, 0)
        result = []
        for deck in self.decks():
            total, suspended, new, learning, due = found.get(deck.id, none)
            result.append(DeckCounts(deck, total, DueSummary(min(new, remaining), learning, due), suspended))
        return result

    def rename_deck(self, deck_id: int, name: str, language: str) -> Deck:
        from .deck_edits import rename_deck

        return rename_deck(self, deck_id, name, language)

    # -- cards ------------------------------------------------------------------------------

    def get(self, card_id: int) -> Card:
        row = self.store.row("SELECT * FROM cards WHERE id = ?", (card_id,))
        if row is None:
            raise NotFound(f"no card with id {card_id}")
        return CARDS.from_row(row)

    def cards(self, deck_id: int | None = None) -> list[Card]:
        if deck_id is None:
            rows = self.store.rows("SELECT * FROM cards ORDER BY deck_id, id")
        else:
            rows = self.store.rows("SELECT * FROM cards WHERE deck_id = ? ORDER BY id", (deck_id,))
        return CARDS.from_rows(rows)

    def _checked_fronts(self, front: str | None, front_zh: str | None) -> tuple[str, str]:
        front = clean_text(front, MAX_FRONT, "question")
        front_zh = clean_text(front_zh, MAX_FRONT, "question")
        if not front and not front_zh:
            raise ValidationError("the question is empty: write it in English or Chinese", field="front")
        return front, front_zh

    def add(self, deck_id: int, front: str, front_zh: str = "", back: str = "", *,
            category_key: str | None = None, key: str | None = None, now: datetime | None = None) -> Card:
        front, front_zh = self._checked_fronts(front, front_zh)
        back = clean_text(back, MAX_BACK, "talking points")
        self.deck(deck_id)
        stamp = to_iso(now or utcnow())
        with self.store.transaction() as conn:
            cursor = conn.execute(
                "INSERT INTO cards(deck_id, key, category_key, front, front_zh, back, state, due, "
                "created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, 0, ?, ?, ?)",
                (deck_id, key, category_key or None, front, front_zh, back, stamp, stamp, stamp),
            )
        return self.get(cursor.lastrowid)

    def edit(self, card_id: int, *, front: str | None = None, front_zh: str | None = None,
             back: str | None = None, category_key: str | None = None, deck_id: int | None = None,
             expected_version: int | None = None) -> Card:
        """Change a card's text (or deck, category). Never touches its schedule."""
        card = self.get(card_id)
        new_front, new_zh = self._checked_fronts(
            card.front if front is None else front, card.front_zh if front_zh is None else front_zh
        )
        new_back = card.back if back is None else clean_text(back, MAX_BACK, "talking points")
        new_category = card.category_key if category_key is None else (category_key.strip() or None)
        if deck_id is not None:
            self.deck(deck_id)
        with self.store.transaction() as conn:
            versions.require(conn, "cards", card_id, expected_version, "this card")
            conn.execute(
                "UPDATE cards SET front = ?, front_zh = ?, back = ?, category_key = ?, deck_id = ?, "
                "user_edited = 1, updated_at = ?, version = version + 1 WHERE id = ?",
                (new_front, new_zh, new_back, new_category, deck_id or card.deck_id, to_iso(utcnow()), card_id),
            )
        return self.get(card_id)

    def set_suspended(self, card_id: int, suspended: bool) -> Card:
        self.get(card_id)
        with self.store.transaction() as conn:
            conn.execute(
                "UPDATE cards SET suspended = ?, updated_at = ?, version = version + 1 WHERE id = ?",
                (int(suspended), to_iso(utcnow()), card_id),
            )
        return self.get(card_id)

    def delete(self, card_id: int) -> None:
        """Delete a card and its reviews. A generated card stays deleted when regenerating."""
        card = self.get(card_id)
        deck = self.deck(card.deck_id)
        with self.store.transaction() as conn:
            if card.key:
                conn.execute(
                    "INSERT OR IGNORE INTO seed_applied(key, applied_at) VALUES (?, ?)",
                    (f"card:{deck.key}:{card.key}", to_iso(utcnow())),
                )
            front = card.front if len(card.front) <= 60 else card.front[:59] + "…"
            undo.journal_delete(conn, SCOPE, f"delete card {front!r}", "cards", [card_id])

    def delete_deck(self, deck_id: int) -> None:
        """Delete a deck with its cards and their reviews: one undo entry of the cards journal."""
        deck = self.deck(deck_id)
        with self.store.transaction() as conn:
            undo.journal_delete(conn, SCOPE, f"delete deck {deck.name!r}", "decks", [deck_id])

    def search(self, text: str = "", *, deck_id: int | None = None, category_key: str | None = None,
               limit: int | None = None) -> list[Card]:
        """Cards whose question (either language) or talking points contain `text`."""
        where, params = search_filter(text, deck_id, category_key)
        sql = f"SELECT * FROM cards c WHERE 1=1{where} ORDER BY deck_id, id"
        if limit:
            sql += f" LIMIT {int(limit)}"
        return CARDS.from_rows(self.store.rows(sql, params))

    def categories(self) -> list[tuple[str, str, str]]:
        """(key, zh, en) of every category in use, with the guide's names where known."""
        names = self.category_names()
        # Each next key one seek in the cards_category index, not a scan of every card.
        keys = [row[0] for row in self.store.rows(
            "WITH RECURSIVE k(key) AS (SELECT min(category_key) FROM cards UNION ALL "
            "SELECT (SELECT min(category_key) FROM cards WHERE category_key > k.key) FROM k WHERE k.key IS NOT NULL) "
            "SELECT key FROM k WHERE key IS NOT NULL")]
        ordered = [k for k in names if k in keys] + [k for k in keys if k not in names]
        return [(k, *names.get(k, (k, k))) for k in ordered]

    def category_names(self) -> dict[str, tuple[str, str]]:
        names = {
            row["key"]: (row["zh"], row["en"])
            for row in self.store.rows("SELECT key, zh, en FROM guide_items WHERE kind = 'question_category'")
        }
        return {**names, **EXTRA_CATEGORIES}

    # -- stats (card_stats.py) and generation (card_seed.py) ---------------------------------

    def streak(self, now: datetime) -> int:
        from .card_stats import streak

        return streak(self, now)

    def true_retention(self, now: datetime, days: int = 30) -> tuple[float | None, int]:
        from .card_stats import true_retention

        return true_retention(self, now, days)

    def reviews_per_day(self, now: datetime, days: int = 84) -> list[tuple[date, int]]:
        from .card_stats import reviews_per_day

        return reviews_per_day(self, now, days)

    def weakest_categories(self, limit: int = 5) -> list[CategoryLapses]:
        from .card_stats import weakest_categories

        return weakest_categories(self, limit)

    def forecast(self, now: datetime, days: int = 14) -> list[tuple[date, int]]:
        from .card_stats import forecast

        return forecast(self, now, days)

    def stats(self, now: datetime) -> CardStats:
        from .card_stats import stats

        return stats(self, now)

    def generate_paper_deck(self, paper: "Paper") -> tuple[Deck | None, int, int]:
        """Create or refresh the paper's deck from the question templates: (deck, added, updated);
        no deck (None) for a paper without the fields they ask about."""
        from .card_seed import generate_paper_deck

        return generate_paper_deck(self.store, paper)

