"""What every paperdeck screen shares: access to the store, the language, a data refresh."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import TYPE_CHECKING

from textual import events
from textual.screen import Screen
from textual.widget import Widget

from ...models.common import utcnow

if TYPE_CHECKING:
    from ...store import Store
    from ..app import PaperdeckApp

# A screen shown again re-reads only when the data or the language changed since it last
# read, or when its reading is this old (due cards, countdowns and "today" move with time).
MAX_VIEW_AGE = timedelta(seconds=60)


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
    # What the screen showed when it was last hidden: (store, its change stamp, language), and when.
    _hidden_view: tuple | None = None
    _hidden_at: datetime | None = None
    # The app-wide state the screen's CSS depends on, when it was hidden.
    _hidden_style_state: tuple | None = None

    def _style_state(self) -> tuple:
        app = self.app
        return (app.theme, app.pseudo_classes, app._css_update_count, app.size)

    def _view_key(self) -> tuple:
        return (id(self.store), self.store.change_stamp(), self.language)

    def view_is_current(self) -> bool:
        """True when nothing the screen shows can have changed since it was hidden."""
        if self._hidden_view is None or self._hidden_at is None:
            return False
        age = utcnow() - self._hidden_at
        if not timedelta(0) <= age < MAX_VIEW_AGE:
            return False
        try:
            return self._view_key() == self._hidden_view
        except Exception:  # a closed or broken connection: re-read and let that report it
            return False

    def on_screen_resume(self, event: events.ScreenResume) -> None:
        # Textual restyles the whole screen on every mode switch (~100 nodes matched against
        # every rule: most of a switch's time). Its styles can only have changed if the theme,
        # the app's pseudo-classes (focus, dark), the CSS or the size changed while it was
        # hidden; otherwise skip that (Screen._on_screen_resume runs after this handler).
        if self._hidden_style_state is not None and self._hidden_style_state == self._style_state():
            event.refresh_styles = False
        # Textual posts ScreenResume twice when a mode's screen is first shown: re-read once
        # per showing (a full re-read of a large database costs as much as the first frame),
        # and not at all when the data, the language and the clock have not moved since.
        if self._in_view:
            return
        self._in_view = True
        if not self.view_is_current():
            self.refresh_data()

    def on_screen_suspend(self) -> None:
        self._in_view = False
        self._hidden_style_state = self._style_state()
        # The screen in view stays current (its own writes re-render it; the app refreshes it on
        # other processes' commits and language changes), so what it shows now is up to date.
        try:
            self._hidden_view, self._hidden_at = self._view_key(), utcnow()
        except Exception:
            self._hidden_view = None

    async def mount_composed_widgets(self, widgets: list[Widget]) -> None:
        # Every screen yields Textual's Footer; mount the one that rebuilds only on change.
        from ..widgets.footer import QuietFooter

        await super().mount_composed_widgets([QuietFooter.replacing(widget) for widget in widgets])

    def refresh_data(self) -> None:
        """Re-read from the store and re-render. Screens override this."""

    def show_item(self, item: str) -> None:
        """Bring `item` into view: the Dashboard's Enter calls it after switching here.

        `item` is a paper id (Pipeline, Pitch), a venue key (Venues), or "review" / "stats"
        (Flashcards). Screens override this; the default just shows the screen.
        """
