"""The study queue and review logging of cards (CardRepo's part): what is due, the next card,
reviews saved with the card's prior state for an exact undo, interview (cram) mode.

Due queries filter on `suspended = 0 AND due < ?`, which the `cards_due_state` index serves.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta
from typing import TYPE_CHECKING, Any

from ..models.card_states import DueSummary, DueTally
from ..models.common import from_iso, to_iso
from .errors import ConflictError, NotFound, ValidationError
from .tables import CARDS, REVIEWS

if TYPE_CHECKING:
    import sqlite3

    from ..models.cards import Card, Outcome

    from .store import Store

# The columns a review changes; their values before it are kept for an exact undo.
SCHEDULE_COLUMNS = ("state", "step", "stability", "difficulty", "due", "last_review", "updated_at", "version")


def _deck_filter(deck_ids: list[int] | None, column: str = "deck_id") -> tuple[str, list[int]]:
    if deck_ids is None:
        return "", []
    ids = [int(i) for i in deck_ids]
    if not ids:
        return " AND 0", []
    return f" AND {column} IN ({', '.join('?' for _ in ids)})", ids


class CardQueue:
    """Mixed into CardRepo: needs `store`, `day_bounds`/`day_start` (CardSettings) and `get`."""

    store: "Store"

    # -- the queue --------------------------------------------------------------------------

    def new_remaining(self, now: datetime) -> int:
        start, _end = self.day_bounds(now)
        introduced = self.store.scalar(
            "SELECT count(*) FROM reviews WHERE reviewed_at >= ? AND mode = 'fsrs' "
            "AND before_state = 0",
            (to_iso(start),),
        )
        return max(0, self.store.settings.load().new_cards_per_day - introduced)

    def due_summary(self, now: datetime, deck_ids: list[int] | None = None) -> DueSummary:
        """(new, learning, due) for the study day containing `now`; new within today's limit."""
        return self.due_tally(now, deck_ids).summary()

    def due_tally(self, now: datetime, deck_ids: list[int] | None = None) -> DueTally:
        """due_summary's counts, which a review session then keeps current per rating."""
        _start, end = self.day_bounds(now)
        where, params = _deck_filter(deck_ids)
        # New cards count whenever they were created; the others when due before the day ends.
        states = dict(self.store.rows(
            f"SELECT state, count(*) FROM cards WHERE suspended = 0 AND (due < ? OR state = 0){where} "
            "GROUP BY state",
            [to_iso(end), *params],
        ))
        return DueTally(end, states, self.new_remaining(now))

    def _first(self, sql: str, params: list[Any]) -> Card | None:
        row = self.store.row(sql, params)
        return None if row is None else CARDS.from_row(row)

    def next_card(self, now: datetime, deck_ids: list[int] | None = None, *,
                  exclude: set[int] | frozenset[int] = frozenset()) -> Card | None:
        """The next card to study: learning due now, reviews due today, new ones within the
        daily limit, then learning cards due within the learn-ahead window."""
        from ..domain.scheduling import LEARN_AHEAD

        _start, end = self.day_bounds(now)
        where, params = _deck_filter(deck_ids)
        if exclude:
            where += f" AND id NOT IN ({', '.join('?' for _ in exclude)})"
            params = [*params, *exclude]
        base = f"SELECT * FROM cards WHERE suspended = 0 AND due < ?{where} AND state "
        learning = self._first(base + "IN (1, 3) ORDER BY due, id LIMIT 1", [to_iso(now + timedelta(seconds=1)), *params])
        if learning:
            return learning
        review = self._first(base + "= 2 ORDER BY due, id LIMIT 1", [to_iso(end), *params])
        if review:
            return review
        if self.new_remaining(now) > 0:
            fresh = self._first(
                f"SELECT * FROM cards WHERE suspended = 0 AND state = 0{where} ORDER BY deck_id, id LIMIT 1", params)
            if fresh:
                return fresh
        return self._first(base + "IN (1, 3) ORDER BY due, id LIMIT 1", [to_iso(now + LEARN_AHEAD), *params])

    def next_learning_due(self, deck_ids: list[int] | None = None) -> datetime | None:
        where, params = _deck_filter(deck_ids)
        return from_iso(self.store.scalar(
            f"SELECT min(due) FROM cards WHERE suspended = 0 AND state IN (1, 3){where}", params))

    # -- reviews ----------------------------------------------------------------------------

    def preview(self, card: Card, now: datetime) -> dict[int, Outcome]:
        from ..domain.scheduling import preview

        return preview(card, now, self.store.settings.load().desired_retention)

    def record_review(self, card: Card, outcome: Outcome, *, reviewed_at: datetime, duration_ms: int) -> int:
        """Save exactly `outcome` (as shown) and log the review with the card's prior state."""
        with self.store.transaction() as conn:
            before = self._snapshot(conn, card.id)
            if before["version"] != card.version:
                raise ConflictError("this card was changed elsewhere; it was not rated", before["version"])
            conn.execute(
                "UPDATE cards SET state = ?, step = ?, stability = ?, difficulty = ?, due = ?, "
                "last_review = ?, updated_at = ?, version = version + 1 WHERE id = ?",
                (outcome.state, outcome.step, outcome.stability, outcome.difficulty, to_iso(outcome.due),
                 to_iso(outcome.last_review), to_iso(reviewed_at), card.id),
            )
            return self._log(conn, card.id, outcome.rating, reviewed_at, duration_ms, "fsrs", before)

    def record_cram(self, card: Card, rating: int, *, reviewed_at: datetime, duration_ms: int) -> int:
        """Log a cram (interview mode) answer. The FSRS schedule is left as it is."""
        with self.store.transaction() as conn:
            return self._log(conn, card.id, rating, reviewed_at, duration_ms, "cram", self._snapshot(conn, card.id))

    def _snapshot(self, conn: "sqlite3.Connection", card_id: int) -> dict[str, Any]:
        row = conn.execute(f"SELECT {', '.join(SCHEDULE_COLUMNS)} FROM cards WHERE id = ?", (card_id,)).fetchone()
        if row is None:
            raise NotFound(f"no card with id {card_id}")
        return dict(zip(SCHEDULE_COLUMNS, row))

    @staticmethod
    def _log(conn: "sqlite3.Connection", card_id: int, rating: int, at: datetime, duration_ms: int,
             mode: str, before: dict[str, Any]) -> int:
        if rating not in (1, 2, 3, 4):
            raise ValidationError(f"a rating is 1 to 4, not {rating!r}", field="rating")
        return REVIEWS.insert(conn, card_id=card_id, rating=rating, reviewed_at=at,
                              duration_ms=max(0, int(duration_ms)), mode=mode, card_before=before)

    def undo_review(self, review_id: int) -> Card:
        """Remove a review and restore the card exactly as it was before it (the card's latest
        review only: undoing an older one would lose what came after)."""
        row = self.store.row("SELECT * FROM reviews WHERE id = ?", (review_id,))
        if row is None:
            raise NotFound("that review is gone already")
        review = REVIEWS.from_row(row)
        latest = self.store.scalar("SELECT max(id) FROM reviews WHERE card_id = ?", (review.card_id,))
        if latest != review_id:
            raise ConflictError("the card was reviewed again since; undo that first")
        before = review.card_before
        with self.store.transaction() as conn:
            if review.mode == "fsrs" and before:
                columns = [c for c in SCHEDULE_COLUMNS if c in before]
                conn.execute(
                    f"UPDATE cards SET {', '.join(f'{c} = ?' for c in columns)} WHERE id = ?",
                    [before[c] for c in columns] + [review.card_id],
                )
            conn.execute("DELETE FROM reviews WHERE id = ?", (review_id,))
        return self.get(review.card_id)

    def last_review_id(self) -> int | None:
        return self.store.scalar("SELECT max(id) FROM reviews")

    # -- interview (cram) mode ---------------------------------------------------------------

    def cram_cards(self, deck_ids: list[int], interview_on: date, now: datetime) -> list[Card]:
        """Every unsuspended card of the decks: first those FSRS would not show before the
        interview, then the least stable. The schedule is not touched."""
        cutoff = to_iso(self.day_start(interview_on))
        where, params = _deck_filter(deck_ids)
        rows = self.store.rows(
            f"SELECT * FROM cards WHERE suspended = 0{where} "
            "ORDER BY (due >= ?) DESC, coalesce(stability, 0), deck_id, id",
            [*params, cutoff],
        )
        return CARDS.from_rows(rows)
