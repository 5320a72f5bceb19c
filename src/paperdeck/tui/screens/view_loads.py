"""What every paperdeck screen and dialog shares (PaperdeckView): the app's store and language,
key hints, and one-off loads (`load_then`: a use case on a read-only snapshot in a thread, its
result on the UI thread); and `run_thread_now`, the thread a load runs on, started when asked.
Screens add the view protocol on top (base.py)."""

from __future__ import annotations

import asyncio
import inspect
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, TypeVar

from textual._context import NoActiveAppError
from textual.message import Message
from textual.widget import Widget

from ...usecases.core import StoreError
from ...usecases.session import reading
from ..keys import bindings_of, hint_for

if TYPE_CHECKING:
    from ...usecases.core import Store
    from ..app import PaperdeckApp

T = TypeVar("T")


def run_thread_now(node: Widget, work: Callable[[], None], *, group: str, name: str, exclusive: bool = False) -> None:
    """Run `work` on a thread that starts now, as a worker of `node` (its group, its end, its
    error). Textual's thread worker started its thread once the worker's task first ran: after
    the handler asking for it and what that handler queued (a screen's first showing: its
    resume's two layouts, 15-20 ms at medium before the read began)."""
    started = asyncio.get_running_loop().run_in_executor(None, work)

    async def until_done() -> None:
        await asyncio.shield(started)  # a worker cancelled (a newer load) leaves the thread be, as before

    node.run_worker(until_done, group=group, exclusive=exclusive, name=name)


class PaperdeckView:
    """Mixed into screens and modals: the app's store and language, key hints, one-off loads."""

    class Loaded(Message):
        """A `load_then` result, posted by its worker thread."""

        def __init__(self, then: Callable[[Any], Any], result: Any):
            super().__init__()
            self.then = then
            self.result = result

    class LoadFailed(Message):
        def __init__(self, error: StoreError, failed: Callable[[StoreError], Any] | None):
            super().__init__()
            self.error = error
            self.failed = failed

    _loads_pending = 0
    _loads_idle: asyncio.Event | None = None

    def load_then(self, load: "Callable[[Store], T]", then: Callable[[T], Any], *, name: str = "load",
                  failed: Callable[[StoreError], Any] | None = None) -> None:
        """Run `load(snapshot)` (a use case; it sees only its arguments) in a thread worker on a
        read-only snapshot, then `then(result)` on the UI thread (it may return an awaitable: a
        recompose). A StoreError goes to `failed`, else it is notified."""
        store = self.store
        self._loads_pending += 1
        self._loads_event().clear()
        post = self.post_message  # type: ignore[attr-defined]
        ahead = self.reads_ahead()

        def work() -> None:  # the worker thread
            try:
                with reading(store, ahead=ahead) as snapshot:
                    result = load(snapshot)
            except StoreError as error:
                post(PaperdeckView.LoadFailed(error, failed))
                return
            post(PaperdeckView.Loaded(then, result))

        run_thread_now(self, work, group="load", name=name)  # type: ignore[arg-type]

    def show_loaded(self, then: Callable[[T], Any], result: T) -> None:
        """`then(result)` for a result read ahead (no read now), as a `load_then` landing: after
        the handlers queued before it, and waited for by `view_ready`."""
        self._loads_pending += 1
        self._loads_event().clear()
        self.post_message(PaperdeckView.Loaded(then, result))  # type: ignore[attr-defined]

    def reads_ahead(self) -> bool:
        """A load started now reads ahead (the screen is hidden: built ahead, or under another):
        it reads on its own connection (Store.reading), not in the way of the shown screen's."""
        try:
            return not self.is_current  # type: ignore[attr-defined]
        except NoActiveAppError:  # not attached to an app (yet): as the shown screen's
            return False

    def _load_finished(self) -> None:
        self._loads_pending = max(0, self._loads_pending - 1)
        if self._loads_pending == 0:
            self._loads_event().set()

    async def on_paperdeck_view_loaded(self, message: "PaperdeckView.Loaded") -> None:
        message.stop()
        try:
            done = message.then(message.result)
            if inspect.isawaitable(done):
                await done
        finally:
            self._load_finished()

    async def on_paperdeck_view_load_failed(self, message: "PaperdeckView.LoadFailed") -> None:
        message.stop()
        try:
            if message.failed is None:
                self.notify(str(message.error), severity="error", markup=False)  # type: ignore[attr-defined]
            else:
                done = message.failed(message.error)
                if inspect.isawaitable(done):
                    await done
        finally:
            self._load_finished()

    def _loads_event(self) -> asyncio.Event:
        if self._loads_idle is None:
            self._loads_idle = asyncio.Event()
            self._loads_idle.set()
        return self._loads_idle

    async def view_ready(self) -> None:
        """Wait until every `load_then` started so far has been handled: for tests."""
        await self._loads_event().wait()

    @property
    def paperdeck(self) -> "PaperdeckApp":
        return self.app  # type: ignore[attr-defined,return-value]

    @property
    def store(self) -> "Store":
        return self.paperdeck.store

    @property
    def language(self) -> str:
        return getattr(self.app, "language", "en")  # type: ignore[attr-defined]

    def pick(self, zh: str, en: str) -> str:
        """The text in the content language, falling back to the other when empty."""
        if self.language == "zh":
            return zh or en
        return en or zh

    def _style_state(self) -> tuple:
        """The app-wide state a screen's CSS depends on: a screen shown again with the same
        need not be restyled (see PaperdeckScreen.on_screen_resume)."""
        app = self.app  # type: ignore[attr-defined]
        return (app.theme, app.pseudo_classes, app._css_update_count, app.size)

    def key_hint(self, action: str) -> str:
        """The key bound to `action` on this node (`app.` actions: on the app), as displayed."""
        app = self.app  # type: ignore[attr-defined]
        if action.startswith("app."):
            return hint_for(app, bindings_of(app), action.removeprefix("app.")) or hint_for(app, bindings_of(app), action)
        return hint_for(app, bindings_of(self), action)  # type: ignore[arg-type]
