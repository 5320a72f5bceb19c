"""The App: wires the store, the screens (one mode each), the bindings, theme and language."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import TYPE_CHECKING

from textual import events
from textual.app import App
from textual.binding import Binding
from textual.dom import DOMNode
from textual.reactive import reactive

from ..i18n import resolve_language
from ..paths import package_resource
from ..usecases.core import StoreError
from ..usecases.session import (
    app_settings, close_database, database_path, integrity_pending, reading, remember_language, remember_theme,
    wait_for_integrity,
)
from .actions import app_bindings
from .commands import PaperdeckCommands
from .css_cache import install as install_css_cache
from .css_cache import save as save_css_cache
from .escape_keys import escape_then
from .registry import DEFAULT_SCREEN, SCREENS, ScreenEntry, screen_entry
from .startup import begin as begin_after_first_view
from .switch_delay import SwitchDelay
from .textual_fixes import apply as apply_textual_fixes

if TYPE_CHECKING:
    from collections.abc import Iterable

    from textual.app import SystemCommand
    from textual.screen import Screen
    from textual.theme import Theme

    from ..domain.settings import Settings
    from ..usecases.core import DatabaseCorrupt, Store
    from ..usecases.view_ahead import ViewAhead
    from .idle_gc import IdleCollector
    from .preload import Preloader
    from .watch import DatabaseWatcher

KEY_CAPS = {"esc": "Esc", "space": "Space", "tab": "Tab"}


def _screen_factory(entry: ScreenEntry):
    """Import a screen's module only when it is first shown: start-up stays fast. A screen built
    ahead (screens/built_ahead.py) is shown as it is."""

    def build() -> "Screen | str":
        from textual._context import active_app

        from .screens.built_ahead import ahead_name

        if active_app.get().is_screen_installed(ahead_name(entry.name)):
            return ahead_name(entry.name)
        return entry.screen_class()()

    return build


INTEGRITY_POLL_SECONDS = 0.25

apply_textual_fixes()  # Textual bugs that kept removed widgets' memory: see textual_fixes.py
install_css_cache()  # each CSS source parsed once per run, and kept between runs: css_cache.py


class PaperdeckApp(SwitchDelay, App["DatabaseCorrupt | None"]):
    """Exits with None, or with the damage the background integrity check found (run.py then
    offers the latest good backup in the terminal)."""

    TITLE = "paperdeck"
    # The start screen's CSS is read with the app's: a screen's own CSS_PATH, read when it is
    # first shown, makes Textual parse every stylesheet again (~40 ms before the first frame).
    CSS_PATH = [package_resource("styles") / "app.tcss", package_resource("styles") / "dashboard.tcss"]
    MODES = {entry.name: _screen_factory(entry) for entry in SCREENS}
    # Tab and Shift+Tab move the focus before the next key is read: the app hands other keys
    # to the focused widget's own queue, so text typed right after a (non-priority) Tab reached
    # the field it was leaving.
    BINDINGS = [
        *app_bindings(),
        Binding("tab", "app.focus_next", "Next field", show=False, priority=True, id="app.focus_next",
                tooltip="Move to the next field"),
        Binding("shift+tab", "app.focus_previous", "Previous field", show=False, priority=True,
                id="app.focus_previous", tooltip="Move to the previous field"),
    ]
    COMMANDS = App.COMMANDS | {PaperdeckCommands}

    language: reactive[str] = reactive("en", init=False)

    def __init__(self, store: "Store", *, start_screen: str = DEFAULT_SCREEN, watch: bool = True,
                 once_shown: "Callable[[], None] | None" = None, view_ahead: "ViewAhead | None" = None):
        """`once_shown`: called once the start screen shows its data (the day's backup).
        `view_ahead`: the start screen's first view, being read in a child process."""
        super().__init__()
        self.store = store
        self.view_ahead = view_ahead
        self.once_shown = once_shown
        self.start_screen = start_screen
        self.watch_database = watch
        self.user_keymap: dict[str, str] = {}  # binding id -> keys, from the `keymap` setting
        self.database_watcher: "DatabaseWatcher | None" = None
        self.idle_collector: "IdleCollector | None" = None
        self.preloader: "Preloader | None" = None
        # Read once, before the first frame (language, theme and keymap shape it); read again off
        # the UI thread when another process changes the database (`refresh_screens`).
        self.settings: "Settings" = app_settings(store)
        self.set_reactive(PaperdeckApp.language, resolve_language(self.settings.language))

    def take_view_ahead(self) -> "ViewAhead | None":
        """The first view read ahead, for the start screen's first load only."""
        ahead, self.view_ahead = self.view_ahead, None
        return ahead

    def run(self, *args, **kwargs):
        try:
            return super().run(*args, **kwargs)
        finally:
            save_css_cache()  # the CSS this run parsed, for the next start (css_cache.py)

    def on_mount(self) -> None:
        self._apply_look(self.settings)
        self.theme_changed_signal.subscribe(self, self._remember_theme)
        self.switch_mode(self.start_screen)
        self.watch_integrity()
        begin_after_first_view(self)  # startup.py

    def start_idle_collector(self) -> None:
        """Full garbage collections only while the user pauses (see tui/idle_gc.py)."""
        from .idle_gc import IdleCollector

        self.idle_collector = IdleCollector()
        self.idle_collector.start()
        self.set_interval(0.5, self.idle_collector.tick, name="idle-gc")

    @property
    def current_theme(self) -> Theme:
        # Textual's looks the name up in a fresh copy of every registered theme, and each line
        # drawn asks (its ANSI colours): ~150 copies a frame when a card moves on the board.
        # `theme` is always a registered name (Textual validates it).
        theme = self._registered_themes.get(self.theme)
        return theme if theme is not None else super().current_theme

    def update_styles(self, node: DOMNode, animate: bool = True) -> None:
        # A widget not yet in the DOM is styled when it mounts (App._register applies the
        # stylesheet): restyling it now is wasted. Textual's Input, Select and Button set their
        # `compact` class in __init__, which restyled each one before it existed: ~40% of the
        # paper form's opening.
        if node is not self and not node.is_attached:
            return
        super().update_styles(node, animate)

    async def on_event(self, event: events.Event) -> None:
        if isinstance(event, events.InputEvent) and not self.screen_stack:
            return  # a key or click arriving while the app quits, its screens gone: Textual would raise
        if self.idle_collector is not None and isinstance(event, (events.Key, events.MouseEvent, events.Paste)):
            self.idle_collector.input_seen()
        if isinstance(event, events.Key) and not self.screen.is_modal and (keys := escape_then(event)) is not None:
            for key in keys:  # see escape_keys.py
                await super().on_event(key)
            return
        await super().on_event(event)

    # -- settings, applied live ------------------------------------------------------------

    def _apply_look(self, settings: "Settings") -> bool:
        """The theme and the keymap as `settings` say; True when something changed."""
        changed = False
        if settings.theme != self.theme and settings.theme in self.available_themes:
            self.theme = settings.theme  # an unknown name (set from the CLI) keeps the current theme
            changed = True
        keymap = dict(settings.keymap)
        if keymap != self.user_keymap:
            self.user_keymap = keymap
            self.set_keymap(keymap)
            changed = True
        return changed

    def apply_settings(self) -> None:
        """Settings changed (the Settings screen, or `paperdeck config set` in another process):
        theme, keymap and language take effect now; every screen reads the rest when it next
        loads, and the screen in view re-reads at once."""
        settings = self.settings = app_settings(self.store)  # one small read, when settings changed
        self._apply_look(settings)
        language = resolve_language(settings.language)
        if language != self.language:
            # Not through `watch_language`: that would store the resolved language over "auto".
            self.set_reactive(PaperdeckApp.language, language)
        self.refresh_screens()

    def _remember_theme(self, theme: object) -> None:
        name = getattr(theme, "name", None)
        if name and name != self.settings.theme:
            self._save_setting(remember_theme, name)

    def get_key_display(self, binding: "Binding") -> str:
        """Textual's display of a key, with keys as printed on the keyboard: F5, Esc, Space."""
        display = re.sub(r"\bf(\d{1,2})\b", r"F\1", super().get_key_display(binding))
        return KEY_CAPS.get(display, display)

    # -- the command palette, in the app's language -------------------------------------------

    def get_system_commands(self, screen: "Screen") -> "Iterable[SystemCommand]":
        from .system_commands import system_commands

        return system_commands(self, screen, super().get_system_commands(screen))

    def action_command_palette(self) -> None:
        from textual.command import CommandPalette

        from .system_commands import SEARCH_COMMANDS, placeholder

        if self.use_command_palette and not CommandPalette.is_open(self):
            self.push_screen(CommandPalette(id="--command-palette", placeholder=placeholder(self, SEARCH_COMMANDS)))

    def search_themes(self) -> None:
        from textual.command import CommandPalette
        from textual.theme import ThemeProvider

        from .system_commands import SEARCH_THEMES, placeholder

        self.push_screen(CommandPalette(providers=[ThemeProvider], placeholder=placeholder(self, SEARCH_THEMES)))

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
        self._save_setting(remember_language, language)
        self.refresh_screens()
        self.screen.refresh_bindings()  # the footer relabels its keys in the new language

    def _save_setting(self, remember: "Callable[[Store, str], Settings]", value: str) -> None:
        """A choice the user just made (a theme, the language), saved for the next start."""
        try:
            self.settings = remember(self.store, value)
        except StoreError as error:  # a read-only or damaged file: the choice holds for this run
            self.notify(str(error), severity="warning", markup=False)

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
        import sys

        from .terminal_gone import watch_for_hang_up

        loop = asyncio.get_running_loop()
        loop.add_signal_handler(signal.SIGHUP, self.save_and_exit, True)
        loop.add_signal_handler(signal.SIGTERM, self.save_and_exit, False)
        watch_for_hang_up(sys.__stdin__.fileno(), self.terminal_lost)

    def save_pending(self) -> None:
        """Every open screen writes what it holds unsaved (`save_pending`, where it has one)."""
        for screen in list(self.screen_stack):
            save = getattr(screen, "save_pending", None)
            if save is not None:
                save()

    def terminal_lost(self) -> None:
        """The terminal hung up, with or without the signal (tui/terminal_gone.py): from a thread."""
        try:
            self.call_from_thread(self.save_and_exit, True)
        except RuntimeError:  # the app has ended already
            pass

    def save_and_exit(self, hang_up: bool) -> None:
        if not hang_up:
            self.exit()  # which saves first
            return
        try:
            self.save_pending()
        finally:  # even when a save failed (its screen said so)
            self._end_without_terminal()

    def _end_without_terminal(self) -> None:
        """The terminal is gone: there is nothing to restore, and Textual's shutdown would wait
        forever on writing to it. Everything is committed: close the database and end."""
        import os

        self.stop_watching()
        try:
            close_database(self.store)
        except StoreError:
            pass  # committed already; closing only tidies the WAL
        os._exit(0)

    # -- integrity --------------------------------------------------------------------------

    def watch_integrity(self) -> None:
        """The store's full integrity check may still run in the background (at the lowest
        priority: store/integrity.py): report damage."""
        store = self.store
        if not integrity_pending(store):
            return

        def wait() -> None:
            from textual.worker import get_current_worker

            from ..usecases.core import DatabaseCorrupt

            worker = get_current_worker()
            # In short waits: quitting cancels this worker, and Textual's shutdown waits for its
            # thread; the check itself (a daemon thread at nice 19) may take a long while on a
            # large file and a busy machine: the quit waited for it (20 s and more).
            while not worker.is_cancelled:
                try:
                    wait_for_integrity(store, timeout=INTEGRITY_POLL_SECONDS)
                except TimeoutError:
                    continue
                except DatabaseCorrupt as damage:
                    self.call_from_thread(self.show_damage, damage)
                return

        self.run_worker(wait, name="integrity-check", group="integrity", thread=True, exit_on_error=False)

    def show_damage(self, damage: "DatabaseCorrupt") -> None:
        from .screens.damaged import QUIT, damaged_dialog

        def decide(choice: str | None) -> None:
            if choice == QUIT:
                self.exit(damage)

        self.push_screen(damaged_dialog(damage, self.language), decide)

    # -- live across processes ----------------------------------------------------------------

    def new_watcher(self) -> "DatabaseWatcher":
        from .watch import DatabaseWatcher

        return DatabaseWatcher(lambda: self.store, self.apply_settings, self.reopen_store)

    def start_watching(self, watcher: "DatabaseWatcher | None" = None) -> None:
        if self._exit or self._closing:  # quitting already: nothing to watch for
            return
        self.database_watcher = watcher or self.new_watcher()
        self.run_worker(self.database_watcher.run(), name="database-watcher", group="watch", exit_on_error=False)

    def stop_watching(self) -> None:
        if self.database_watcher is not None:
            self.database_watcher.stop()

    def exit(self, *args, **kwargs) -> None:
        try:
            # Now, while the screens' widgets are there: Textual unmounts a screen's widgets
            # before the screen, so a screen saving at its own unmount found its editors gone
            # (text typed the moment before quitting, its Changed not yet handled, was lost).
            self.save_pending()
        finally:  # even when a save failed (its screen said so)
            self.stop_watching()  # before the worker is cancelled: the watch thread ends at once
            super().exit(*args, **kwargs)

    def on_unmount(self) -> None:
        self.stop_watching()
        if self.idle_collector is not None:
            self.idle_collector.stop()

    def reopen_store(self) -> bool:
        """The database file was replaced (a restore): open the new one. False to retry later."""
        from ..usecases.session import open_database

        try:
            fresh = open_database(database_path(self.store))
        except StoreError:
            return False  # still being written, or not usable: the watcher tries again
        old, self.store = self.store, fresh
        try:
            close_database(old)
        except StoreError:
            pass  # the old file is gone or broken: nothing of it is needed any more
        self.notify("数据库文件已被替换；现在显示它的数据。" if self.language == "zh"
                    else "The database file was replaced; showing its data now.")
        self.watch_integrity()
        self.apply_settings()
        return True

    def refresh_screens(self) -> None:
        """Data or language changed: the screen in view re-reads; others do when shown. The
        app's settings are read again too, off the UI thread."""
        store = self.store

        def read_settings() -> None:  # a worker thread
            try:
                with reading(store) as snapshot:
                    settings = app_settings(snapshot)
            except StoreError:
                return  # unreadable for now: the next change reads again
            self.call_from_thread(setattr, self, "settings", settings)

        self.run_worker(read_settings, thread=True, group="app-settings", exclusive=True, exit_on_error=False)
        for screen in self.screen_stack:
            refresh = getattr(screen, "refresh_data", None)
            if refresh is not None:
                refresh()
