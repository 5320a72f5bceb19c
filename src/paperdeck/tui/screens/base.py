"""What every paperdeck screen shares: access to the store, the language, a data refresh."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.screen import Screen

if TYPE_CHECKING:
    from ...store import Store
    from ..app import PaperdeckApp


class PaperdeckScreen(Screen[None]):
    """A screen that renders store data. `refresh_data` re-reads it; called when shown."""

    @property
    def store(self) -> "Store":
        return self.paperdeck.store

    @property
    def paperdeck(self) -> "PaperdeckApp":
        return self.app  # type: ignore[return-value]

    @property
    def language(self) -> str:
        return self.paperdeck.language

    def pick(self, zh: str, en: str) -> str:
        """The text in the content language, falling back to the other when empty."""
        if self.language == "zh":
            return zh or en
        return en or zh

    _in_view = False

    def on_screen_resume(self) -> None:
        # Textual posts ScreenResume twice when a mode's screen is first shown: re-read once
        # per showing (a full re-read of a large database costs as much as the first frame).
        if self._in_view:
            return
        self._in_view = True
        self.refresh_data()

    def on_screen_suspend(self) -> None:
        self._in_view = False

    def refresh_data(self) -> None:
        """Re-read from the store and re-render. Screens override this."""

    def show_item(self, item: str) -> None:
        """Bring `item` into view: the Dashboard's Enter calls it after switching here.

        `item` is a paper id (Pipeline, Pitch), a venue key (Venues), or "review" / "stats"
        (Flashcards). Screens override this; the default just shows the screen.
        """
