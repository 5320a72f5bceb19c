"""What every paperdeck screen shares: the view protocol, on top of what screens and dialogs
share (the store, the language, key hints and one-off loads: view_loads.py PaperdeckView).

The view protocol (how a screen gets its data):

    class DecksScreen(PaperdeckScreen):
        def view_request(self) -> DeckListRequest:          # UI thread: what the load needs
            return DeckListRequest(now=utcnow())
        @staticmethod
        def load_view(store, request) -> DeckListView:      # worker thread: one use case
            return deck_list(store, request.now)
        def show_view(self, view: DeckListView) -> None:    # UI thread: render, no store
            ...

`refresh_data()` (called when the screen is shown, on language changes and other processes'
commits) and `reload_view()` (after the screen's own writes) start a load in a thread worker
on a read-only snapshot of the database (`Store.reading()`); the result is posted back and
rendered on the UI thread. A load that finishes after a newer one was started is dropped.
`show_view` may return an awaitable (a mount): the load counts as shown once it is done.
Tests wait with `await screen.view_ready()`.

Data a key asks for once (a dialog's list, a modal's fields) comes from the view object, or
from its own small use case run the same way: `self.load_then(use_case, then)` runs
`use_case(snapshot)` in a thread worker and `then(result)` on the UI thread (screens and
modals alike; `view_ready()` waits for these too).

Writes go through use-case functions: one short write transaction on the UI thread, then
`reload_view()` or apply the returned model. Nothing here imports the store: the Store type
and its errors come from `usecases.core`.
"""

from __future__ import annotations

import asyncio
import inspect
from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Any

from textual import events
from textual._context import NoActiveAppError
from textual.message import Message
from textual.reactive import Reactive
from textual.screen import Screen
from textual.widget import Widget

from ...models.common import utcnow
from ...usecases.core import StoreError
from ...usecases.session import change_stamp, reading
from .first_paint import FirstPaint
from .view_loads import PaperdeckView, run_thread_now

if TYPE_CHECKING:
    from ...usecases.core import Store

# A screen shown again re-reads only when the data or the language changed since it last
# read, or when its reading is this old (due cards, countdowns and "today" move with time).
MAX_VIEW_AGE = timedelta(seconds=60)


class PaperdeckScreen(PaperdeckView, FirstPaint, Screen[None]):
    """A screen that renders store data. Screens either use the view protocol (override
    `view_request`, `load_view`, `show_view`) or override `refresh_data` (older screens)."""

    # -- the view protocol ----------------------------------------------------------------------

    class ViewLoaded(Message):
        """Posted by the load's worker thread; handled on the UI thread."""

        def __init__(self, generation: int, view: Any):
            super().__init__()
            self.generation = generation
            self.view = view

    class ViewFailed(Message):
        def __init__(self, generation: int, error: StoreError):
            super().__init__()
            self.generation = generation
            self.error = error

    # Textual repaints the whole screen when the focus moves; the widgets whose look changes
    # repaint themselves (Widget._on_focus and _on_blur, their :focus and :focus-within styles),
    # so a move on the board or the month grid shown draws those, not every line of the screen.
    focused: Reactive[Widget | None] = Reactive(None, repaint=False)

    loads_view = False  # True once `load_view` is overridden (set by __init_subclass__)
    _view_generation = 0
    _view_requested_key: tuple | None = None  # the data stamp when the newest load started
    _view_idle: asyncio.Event | None = None

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        cls.loads_view = cls.load_view is not PaperdeckScreen.load_view

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        # A new screen is styled with the CSS as it is now (its nodes when they mount; its own
        # CSS file by `_load_screen_css`). Textual marks it "never styled" (-1), so a mode's
        # first showing re-parsed all of the app's CSS and restyled every node twice more
        # (`refresh_css` in `_init_mode` and in `switch_mode`): a third of that showing's time.
        try:
            self._css_update_count = self.app._css_update_count
        except NoActiveAppError:  # built outside a running app: Textual's default stands
            return
        # Its widgets are styled as they mount, so its first showing need not restyle them
        # either (on_screen_resume), unless the look changed meanwhile.
        self._hidden_style_state = self._style_state()

    def view_request(self) -> Any:
        """What the load needs from the UI (language, clock, filter, selection), read on the
        UI thread: `load_view` sees nothing else."""
        return self.language

    @staticmethod
    def load_view(store: "Store", request: Any) -> Any:
        """Build the screen's one view object from one use case. Runs in a worker thread on a
        read-only snapshot: use only the arguments, never a widget or `self`."""
        raise NotImplementedError

    def show_view(self, view: Any) -> Any:
        """Render the view object (UI thread). Never reads the store. May return an awaitable
        (widgets being mounted) that the load waits for."""

    def reload_view(self) -> None:
        """Start a load; the previous one, if still running, will be dropped when it ends."""
        self._view_generation += 1
        generation = self._view_generation
        request, store, ahead = self.view_request(), self.store, self.reads_ahead()
        try:
            self._view_requested_key = self._view_key()
        except StoreError:
            self._view_requested_key = None
        self.hold_first_paint()
        if not self._in_view and self._hidden_view is not None:
            # Read while hidden (under a dialog whose closing asked for it, or after another
            # window's write): the next showing shows this read; it need not read again.
            self._hidden_view = self._view_requested_key
        self._idle_event().clear()

        def load() -> None:  # the worker thread
            try:
                with reading(store, ahead=ahead) as snapshot:
                    view = self.load_view(snapshot, request)
            except StoreError as error:
                self.post_message(self.ViewFailed(generation, error))
                return
            self.post_message(self.ViewLoaded(generation, view))

        run_thread_now(self, load, group="view", exclusive=True, name=f"{type(self).__name__} view")

    # -- the first read, started as the screen composes to be shown -------------------------

    READS_BEFORE_COMPOSE = False  # True: view_request reads no widget (there are none yet)
    _read_at_compose: tuple | None = None  # the view key that read started under

    async def _compose(self) -> None:
        self._read_before_compose()
        await super()._compose()

    def _read_before_compose(self) -> None:
        """A READS_BEFORE_COMPOSE screen composed to be shown (a mode's first showing: it is
        the current screen already, unlike one built hidden ahead) starts its first read now,
        beside its compose and mount, instead of at the ScreenResume after them (20-25 ms later
        at medium for Pitch and Pipeline: their reads overlapped nothing). That resume reads
        again only if the data moved meanwhile (_read_at_compose_stands)."""
        if self.READS_BEFORE_COMPOSE and self.loads_view and self._view_generation == 0 and self.is_current:
            self.reload_view()
            self._read_at_compose = self._view_requested_key

    def _read_at_compose_stands(self) -> bool:
        """The read started at compose is the newest, and the data has not moved since."""
        key, self._read_at_compose = self._read_at_compose, None
        if key is None or key != self._view_requested_key:
            return False
        try:
            return key == self._view_key()
        except StoreError:
            return False

    def show_read_view(self, view: Any, key: tuple, generation: int | None = None) -> None:
        """Show `view`, read ahead under the view key `key` (the caller checked it is still the
        current one), as a load that just read it would be: no read. `generation`: the one
        `expect_read_view` gave while it was being read (dropped if a load overtook it)."""
        if generation is None:
            generation = self.expect_read_view(key)
        elif generation != self._view_generation:
            return
        self.post_message(self.ViewLoaded(generation, view))

    def expect_read_view(self, key: tuple) -> int:
        """The next view is being read elsewhere (ahead) under the view key `key`: the screen
        waits for it as for a load of its own (`show_read_view` gives it, `view_given_up` says
        it will not come); its generation."""
        self._view_generation += 1
        self._view_requested_key = key
        self.hold_first_paint()
        self._idle_event().clear()
        return self._view_generation

    def view_given_up(self) -> None:
        """The view `expect_read_view` waited for will not be shown (the screen left meanwhile)."""
        self._view_requested_key = None
        self._idle_event().set()

    def widgets_going(self) -> bool:
        """Quitting, or this screen being removed: its widgets are going (a read-ahead view
        drawn now raised NoMatches). Not running: the app's end closes a screen installed
        (built ahead) after its children, and its queued view is handled meanwhile."""
        return bool(self.app._exit or not self.app._running or self._pruning or self._closing)

    async def on_paperdeck_screen_view_loaded(self, message: ViewLoaded) -> None:
        message.stop()
        if message.generation != self._view_generation:
            return  # an older load, overtaken by a newer one
        if self.widgets_going():
            return
        shown = self.show_view(message.view)
        if inspect.isawaitable(shown):
            await shown
        if message.generation == self._view_generation:  # not overtaken while mounting
            await self.first_view_shown()
            self._idle_event().set()
            self._end_switch_delay()

    async def on_paperdeck_screen_view_failed(self, message: ViewFailed) -> None:
        message.stop()
        if message.generation != self._view_generation:
            return
        self._view_requested_key = None  # nothing was shown: the next showing reads again
        if not self._in_view:
            self._hidden_view = None
        await self.first_view_shown()
        self.notify(str(message.error), severity="error", markup=False)
        self._idle_event().set()

    def _idle_event(self) -> asyncio.Event:
        if self._view_idle is None:
            self._view_idle = asyncio.Event()
        return self._view_idle

    @property
    def view_pending(self) -> bool:
        """True while a load this screen started is still being read or drawn."""
        return bool(self.loads_view and self._view_idle is not None and not self._view_idle.is_set()) or (
            self._loads_idle is not None and not self._loads_idle.is_set())

    async def view_ready(self) -> None:
        """Wait until the newest load has been rendered (or failed), and the `load_then`s
        started so far have been handled: for tests."""
        if self.loads_view:
            await self._idle_event().wait()
            await self.footer_ready()
        await super().view_ready()

    # -- when to read ---------------------------------------------------------------------------

    _in_view = False
    # What the screen showed when it was last hidden: (store, its change stamp, language), and when.
    _hidden_view: tuple | None = None
    _hidden_at: datetime | None = None
    # The app-wide state the screen's CSS depends on, when it was hidden.
    _hidden_style_state: tuple | None = None

    def _view_key(self) -> tuple:
        return (id(self.store), change_stamp(self.store), self.language)

    def view_is_current(self) -> bool:
        """True when nothing the screen shows can have changed since it was hidden."""
        if self._hidden_view is None or self._hidden_at is None:
            return False
        age = utcnow() - self._hidden_at
        if not timedelta(0) <= age < MAX_VIEW_AGE:
            return False
        try:
            return self._view_key() == self._hidden_view
        except StoreError:  # a closed or broken connection: re-read and let that report it
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
        if not self.view_is_current() and not self._read_at_compose_stands():
            self.refresh_data()
        if not self.view_pending:  # drawn once this resume is handled (switch_delay.py)
            self.call_later(self._end_switch_delay)

    def _end_switch_delay(self) -> None:
        if self.is_current:
            end = getattr(self.app, "end_switch_delay", None)
            if end is not None:
                end()

    def on_screen_suspend(self) -> None:
        self._in_view = False
        self._hidden_style_state = self._style_state()
        self._hidden_at = utcnow()
        if self.loads_view:
            # What it shows (or is about to, once the newest load lands) was read under this key.
            self._hidden_view = self._view_requested_key
            return
        # The screen in view stays current (its own writes re-render it; the app refreshes it on
        # other processes' commits and language changes), so what it shows now is up to date.
        try:
            self._hidden_view = self._view_key()
        except StoreError:
            self._hidden_view = None

    async def mount_composed_widgets(self, widgets: list[Widget]) -> None:
        # Every screen yields Textual's Footer; mount the one that rebuilds only on change.
        from ..widgets.footer import QuietFooter

        await super().mount_composed_widgets([QuietFooter.replacing(widget) for widget in widgets])

    async def read_ahead(self) -> None:
        """Built hidden ahead of its first showing (built_ahead.py): read and show its view now,
        and lay it out; shown while that read is current (view_is_current), it shows it."""
        from .built_ahead import lay_out_hidden

        self.reload_view()
        self._hidden_view, self._hidden_at = self._view_requested_key, utcnow()
        await self.view_ready()
        if not self.is_current:
            await self._build_footer()  # hidden: not after the first frame shown
            await lay_out_hidden(self.app, self)

    def refresh_data(self) -> None:
        """Re-read from the store and re-render: a view screen reloads its view; older screens
        override this."""
        if self.loads_view:
            self.reload_view()

    def show_item(self, item: str) -> None:
        """Bring `item` into view: the Dashboard's Enter calls it after switching here.

        `item` is a paper id (Pipeline, Pitch), a venue key (Venues), or "review" / "stats"
        (Flashcards). Screens override this; the default just shows the screen.
        """
