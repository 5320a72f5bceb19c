"""The one registry of the app's screens: the App's MODES, the keys 1-6, the command palette
and `paperdeck [run] --screen NAME` all read it.

Adding a screen: a module in `tui/screens/` with a `PaperdeckScreen` subclass, one entry here.

This module imports no Textual (the CLI reads the names to offer `--screen` choices, and plain
commands such as `paperdeck today` must not load Textual); a screen's module is imported only
when the screen is first built.
"""

from __future__ import annotations

from dataclasses import dataclass
from importlib import import_module


@dataclass(frozen=True)
class ScreenEntry:
    """One screen of the app: its mode name, labels and class."""

    name: str        # the mode name, `--screen` value and action argument
    zh: str
    en: str
    module: str      # under paperdeck.tui.screens
    class_name: str

    def label(self, language: str) -> str:
        return self.zh if language == "zh" else self.en

    @property
    def module_path(self) -> str:
        return f"paperdeck.tui.screens.{self.module}"

    def screen_class(self) -> type:
        """The screen's class (imports its module: call it when the screen is needed)."""
        return getattr(import_module(self.module_path), self.class_name)


SCREENS: tuple[ScreenEntry, ...] = (
    ScreenEntry("dashboard", "今日", "Dashboard", "dashboard", "DashboardScreen"),
    ScreenEntry("pipeline", "论文流程", "Pipeline", "pipeline", "PipelineScreen"),
    ScreenEntry("venues", "会议", "Venues", "venues", "VenuesScreen"),
    ScreenEntry("flashcards", "闪卡", "Flashcards", "flashcards", "FlashcardsScreen"),
    ScreenEntry("pitch", "讲稿", "Pitch", "pitch", "PitchScreen"),
    ScreenEntry("resume", "简历", "Resume", "resume", "ResumeScreen"),
    ScreenEntry("settings", "设置", "Settings", "settings", "SettingsScreen"),
)
SCREEN_NAMES: tuple[str, ...] = tuple(entry.name for entry in SCREENS)
DEFAULT_SCREEN = SCREENS[0].name


def screen_entry(name: str) -> ScreenEntry:
    """The entry named `name`; KeyError for an unknown name."""
    for entry in SCREENS:
        if entry.name == name:
            return entry
    raise KeyError(name)
