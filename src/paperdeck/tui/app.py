"""The App: wires the store, the screens (one mode each), the bindings, theme and language."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from textual import events
from textual.app import App
from textual.reactive import reactive

from ..i18n import resolve_language
from ..paths import package_resource
from .actions import app_bindings
from .commands import PaperdeckCommands
from .registry import DEFAULT_SCREEN, SCREENS, ScreenEntry, screen_entry

if TYPE_CHECKING:
    from textual.binding import Binding
    from textual.screen import Screen

    from ..store import DatabaseCorrupt, Store
    from .idle_gc import IdleCollector
    from .watch import DatabaseWatcher

KEY_CAPS = {"esc": "Esc", "space": "Space", "tab": "Tab"}


def _screen_factory(entry: ScreenEntry):
    """Import a screen's module only when it is first shown: start-up stays fast."""

    def build() -> "Screen":
        return entry.screen_class()()

    return build


def _freeze_startup_objects() -> None:
    """Move what start-up allocated (modules, CSS, widgets) out of the collector's reach: later
    full collections then skip it, so they no longer stall a key press (~90 -> ~27 ms worst)."""
    import gc

    gc.freeze()


class PaperdeckApp(App["DatabaseCorrupt | None"]):
    """Exits with None, or with the damage the background integrity check found (run.py then
    offers the latest good backup in the terminal)."""

    TITLE = "paperdeck"
    CSS_PATH = [package_resource("styles") / "app.tcss"]
    MODES = {entry.name: _screen_factory(entry) for entry in SCREENS}
    BINDINGS = app_bindings()
    COMMANDS = App.COMMANDS | {PaperdeckCommands}

    language: reactive[str] = reactive("en", init=False)

    def __init__(self, store: "Store", *, start_screen: str = DEFAULT_SCREEN, watch: bool = True):
        super().__init__()
        self.store = store
        self.start_screen = start_screen
        self.watch_database = watch
        self.user_keymap: dict[str, str] = {}  # binding id -> keys, from the `keymap` setting
        self.database_watcher: "DatabaseWatcher | None" = None
        self.idle_collector: "IdleCollector | None" = None
        self.set_reactive(PaperdeckApp.language, resolve_language(store.settings.load().language))

    def on_mount(self) -> None:
        settings = self.store.settings.load()
        if settings.theme in self.available_themes:
            self.theme = settings.theme
        self.theme_changed_signal.subscribe(self, self._remember_theme)
        if settings.keymap:
            self.user_keymap = dict(settings.keymap)
            self.set_keymap(self.user_keymap)
        self.switch_mode(self.start_screen)
        self.watch_integrity()
        if self.watch_database:
            self.start_watching()
        if not self.is_headless:  # tests run many apps in one process: keep them collectable
            self.call_after_refresh(_freeze_startup_objects)
            self.start_idle_collector()
            self.catch_hang_up()

    def start_idle_collector(self) -> None:
        """Full garbage collections only while the user pauses (see tui/idle_gc.py)."""
        from .idle_gc import IdleCollector

        self.idle_collector = IdleCollector()
        self.idle_collector.start()
        self.set_interval(0.5, self.idle_collector.tick, name="idle-gc")

    async def on_event(self, event: events.Event) -> None:
        if self.idle_collector is not None and isinstance(event, (events.Key, events.MouseEvent, events.Paste)):
            self.idle_collector.input_seen()
        await super().on_event(event)

    def _remember_theme(self, theme: object) -> None:
        name = getattr(theme, "name", None)
        if name and name != self.store.settings.load().theme:
            self.store.settings.update(theme=name)

    def get_key_display(self, binding: "Binding") -> str:
        """Textual's display of a key, with keys as printed on the keyboard: F5, Esc, Space."""
        display = re.sub(r"\bf(\d{1,2})\b", r"F\1", super().get_key_display(binding))
        return KEY_CAPS.get(display, display)

    # -- actions ----------------------------------------------------------------------------

    def action_show(self, name: str) -> None:
        if name in self.MODES and name != self.current_mode:
            self.switch_mode(name)

    def run_screen_action(self, name: str, action: str) -> None:
        """Show screen `name`, then run one of its actions there (the palette's verbs)."""
        self.action_show(name)
        wanted = screen_entry(name).class_name

        async def run() -> None:  # once the (lazily built) screen is mounted
            screen = self.screen
            if type(screen).__name__ != wanted:  # a dialog or sub-screen is open over it
                self.bell()
                return
            await self.run_action(action, screen)

        self.call_after_refresh(run)

    def action_help(self) -> None:
        from .screens.help import HelpScreen

        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen(self.screen))

    def action_toggle_language(self) -> None:
        self.language = "en" if self.language == "zh" else "zh"

    def watch_language(self, language: str) -> None:
        self.store.settings.update(language=language)
        self.refresh_screens()

    # -- data -------------------------------------------------------------------------------

    def show_item(self, name: str, item: str) -> None:
        """Open screen `name` at `item` (a paper id, a venue key, ...): the dashboard's Enter."""
        self.action_show(name)

        def deliver() -> None:  # once the (lazily built) screen is mounted
            show = getattr(self.screen, "show_item", None)
            if show is not None:
                show(item)

        self.call_after_refresh(deliver)

    # -- closing the terminal ------------------------------------------------------------------

    def catch_hang_up(self) -> None:
        """SIGHUP (the terminal closed, tmux killed) and SIGTERM save what is typed, then exit.
        Python's default for both ends the process at once: text typed within the autosave
        delay was lost, while ctrl+q kept it."""
        import asyncio
        import signal

        loop = asyncio.get_running_loop()
        loop.add_signal_handler(signal.SIGHUP, self.save_and_exit, True)
        loop.add_signal_handler(signal.SIGTERM, self.save_and_exit, False)

    def save_pending(self) -> None:
        """Every open screen writes what it holds unsaved (`save_pending`, where it has one)."""
        for screen in list(self.screen_stack):
            save = getattr(screen, "save_pending", None)
            if save is not None:
                save()

    def save_and_exit(self, hang_up: bool) -> None:
        try:
            self.save_pending()
        finally:  # even when a save failed (its screen said so)
            if hang_up:
                self._end_without_terminal()
            self.exit()

    def _end_without_terminal(self) -> None:
        """The terminal is gone: there is nothing to restore, and Textual's shutdown would wait
        forever on writing to it. Everything is committed: close the database and end."""
        import os

        from ..store import StoreError

        self.stop_watching()
        try:
            self.store.close()
        except StoreError:
            pass  # committed already; closing only tidies the WAL
        os._exit(0)

    # -- integrity --------------------------------------------------------------------------

    def watch_integrity(self) -> None:
        """The store's full integrity check may still run in the background: report damage."""
        store = self.store
        if not store.integrity_pending:
            return

        def wait() -> None:
            from ..store import DatabaseCorrupt

            try:
                store.ensure_sound()
            except DatabaseCorrupt as damage:
                self.call_from_thread(self.show_damage, damage)

        self.run_worker(wait, name="integrity-check", group="integrity", thread=True, exit_on_error=False)

    def show_damage(self, damage: "DatabaseCorrupt") -> None:
        from .screens.damaged import QUIT, damaged_dialog

        def decide(choice: str | None) -> None:
            if choice == QUIT:
                self.exit(damage)

        self.push_screen(damaged_dialog(damage, self.language), decide)

    # -- live across processes ----------------------------------------------------------------

    def start_watching(self) -> None:
        from .watch import DatabaseWatcher

        self.database_watcher = DatabaseWatcher(lambda: self.store, self.refresh_screens, self.reopen_store)
        self.run_worker(self.database_watcher.run(), name="database-watcher", group="watch", exit_on_error=False)

    def stop_watching(self) -> None:
        if self.database_watcher is not None:
            self.database_watcher.stop()

    def exit(self, *args, **kwargs) -> None:
        self.stop_watching()  # before the worker is cancelled: the watch thread ends at once
        super().exit(*args, **kwargs)

    def on_unmount(self) -> None:
        self.stop_watching()
        if self.idle_collector is not None:
            self.idle_collector.stop()

    def reopen_store(self) -> bool:
        """The database file was replaced (a restore): open the new one. False to retry later."""
        from ..store import StoreError, open_store

        try:
            fresh = open_store(self.store.path)
        except StoreError:
            return False  # still being written, or not usable: the watcher tries again
        old, self.store = self.store, fresh
        try:
            old.close()
        except StoreError:
            pass  # the old file is gone or broken: nothing of it is needed any more
        self.notify("The database file was replaced; showing its data now.")
        self.watch_integrity()
        self.refresh_screens()
        return True

    def refresh_screens(self) -> None:
        """Data or language changed: the screen in view re-reads; others do when shown."""
        for screen in self.screen_stack:
            refresh = getattr(screen, "refresh_data", None)
            if refresh is not None:
                refresh()
