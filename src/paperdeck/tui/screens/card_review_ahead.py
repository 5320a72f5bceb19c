"""A review session's first card, read while the user reads the Flashcards screen.

`a` shows the review screen built ahead (built_ahead.py); its session's first view (the card
due first, its four outcomes, today's counts, the decks) was then read in a worker (~15 ms at
medium) before anything was drawn. Flashcards now asks for that view ahead (`read_first_ahead`)
when it shows its decks, and a session that begins on the same decks shows it at once, if the
data has not changed since it was asked for (the store's change stamp, read before and after
the read), it is under READ_AHEAD_AGE old and its study day has not ended; else the session
reads its first view as before.

At 100,000 cards that read takes ~300 ms, and reads run one at a time on the one read
connection: a session begun while the read ahead was still under way read again behind it
(`a` 400-600 ms at large, every press). So a session begun then waits for that read and shows
it (`_adopted`); a view read ahead stays kept once shown (a session ended without a change, or
begun again on the same decks within READ_AHEAD_AGE, shows the same first card); and the read
ahead leaves out the decks and categories the screen holds under the same data.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import TYPE_CHECKING

from ...models.common import utcnow
from ...usecases.core import StoreError
from ...usecases.review import ReviewRequest, ReviewView, review_view

if TYPE_CHECKING:
    from .card_review import ReviewScreen

READ_AHEAD_AGE = timedelta(seconds=30)  # the card due first, its outcomes: as if shown this much later


@dataclass(frozen=True)
class ReadAhead:
    deck_ids: tuple[int, ...] | None
    key: tuple  # the screen's view key (store, change stamp, language) before and after the read
    at: datetime  # the read's clock
    view: ReviewView


class ReviewReadAhead:
    """Mixed into ReviewScreen."""

    _ahead: ReadAhead | None = None
    _ahead_asked: tuple | None = None  # (decks, key, token) of the read under way: an older one landing is dropped
    _adopted: int | None = None  # the view generation of a session waiting for the read under way

    def read_first_ahead(self: "ReviewScreen", deck_ids: list[int] | None) -> None:
        """Read the first view of a session on `deck_ids` (None: every deck) now, in a worker,
        unless one read under the same data is kept, or the screen is in use."""
        if not self.is_mounted or self in self.app.screen_stack:
            return
        try:
            key = self._view_key()
        except StoreError:  # a closed connection: the session's own read reports it
            return
        wanted = tuple(deck_ids) if deck_ids is not None else None
        kept, asked = self._ahead, self._ahead_asked
        if kept is not None and kept.deck_ids == wanted and kept.key == key and _fresh(kept, utcnow()):
            return
        if asked is not None and asked[:2] == (wanted, key):
            return  # being read
        now = utcnow()
        # The decks and categories (~10,000 decks at large: ~250 ms of the read) only when the
        # screen holds none read under this data.
        request = ReviewRequest(now=now, deck_ids=wanted, count=True, decks=self.decks_key != key)
        token = self._ahead_asked = (wanted, key, object())

        def landed(view: ReviewView) -> None:
            if self._ahead_asked is not token:
                return
            self._ahead_asked = None
            try:
                unchanged = self._view_key() == key
            except StoreError:
                unchanged = False
            self._ahead = ReadAhead(wanted, key, now, view) if unchanged else None
            self._adopted_landed()

        def failed(_error: StoreError) -> None:  # the session's own read will say it
            if self._ahead_asked is token:
                self._ahead_asked = None
                self._adopted_landed()

        self.load_then(lambda store: review_view(store, request), landed, name="review read ahead", failed=failed)

    def take_read_ahead(self: "ReviewScreen") -> ReadAhead | None:
        """The first view read ahead for this session's decks, if a read now would show the same
        data (same change stamp and language, the same study day, under READ_AHEAD_AGE old).
        It stays kept for the next session while that holds."""
        ahead = self._ahead
        if ahead is None or self.cramming:
            return None
        if ahead.deck_ids != (tuple(self.deck_ids) if self.deck_ids is not None else None):
            return None
        try:
            current = self._view_key() == ahead.key
        except StoreError:
            current = False
        if not current or not _fresh(ahead, utcnow()):
            self._ahead = None
            return None
        if ahead.view.decks is None and self.decks_key != ahead.key:
            return None  # read without the decks the screen held then, and holds no more
        return ahead

    def adopt_read_ahead(self: "ReviewScreen") -> bool:
        """A session's first view: when the read ahead for its decks is under way under the
        current data, the session shows that read once it lands (True) instead of reading
        again behind it."""
        asked = self._ahead_asked
        if asked is None or self.cramming:
            return False
        try:
            key = self._view_key()
        except StoreError:
            return False
        if asked[:2] != (tuple(self.deck_ids) if self.deck_ids is not None else None, key):
            return False
        self._adopted = self.expect_read_view(key)
        return True

    def _adopted_landed(self: "ReviewScreen") -> None:
        """The read a session waits for landed (or failed): show it, else read as usual."""
        generation, self._adopted = self._adopted, None
        if generation is None or generation != self._view_generation:
            return  # no session waits, or a newer load overtook it
        ahead = self.take_read_ahead()
        if ahead is not None:
            self._decks_asked = ahead.key  # the decks, if they came with it, were read under that key
            self.show_read_view(ahead.view, ahead.key, generation)
        elif self in self.app.screen_stack:
            self.refresh_data()  # the data moved meanwhile, or the read failed: the session reads
        else:
            self.view_given_up()


def _fresh(ahead: ReadAhead, now: datetime) -> bool:
    tally = ahead.view.tally
    return timedelta(0) <= now - ahead.at < READ_AHEAD_AGE and tally is not None and now < tally.day_end
