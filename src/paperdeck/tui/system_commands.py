"""Textual's own palette commands and search boxes, in the app's language.

Textual's palette offers Theme, Quit, Keys, Maximize and Screenshot in English. paperdeck keeps
the ones a user needs, named in both languages; Textual's "Keys" panel (widget internals) gives
way to `?`, and its Screenshot (an English notice, a file in Downloads) to
`python -m paperdeck.tui.screenshot`.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from textual.app import SystemCommand

if TYPE_CHECKING:
    from textual.app import App
    from textual.screen import Screen

# Textual's English title -> (title, help) in Chinese and English.
KEPT = {
    "Theme": (("主题", "更换配色主题"), ("Theme", "Change the colour theme")),
    "Quit": (("退出", "退出 paperdeck"), ("Quit", "Quit paperdeck")),
    "Maximize": (("最大化", "最大化当前面板"), ("Maximize", "Maximize the focused panel")),
    "Minimize": (("还原", "还原面板大小"), ("Minimize", "Restore the panel to its size")),
}
SEARCH_COMMANDS = ("搜索命令…", "Search for commands…")
SEARCH_THEMES = ("搜索主题…", "Search for themes…")


def system_commands(app: "App", screen: "Screen", textual_commands: Iterable[SystemCommand]) -> Iterable[SystemCommand]:
    zh = getattr(app, "language", "en") == "zh"
    for command in textual_commands:
        names = KEPT.get(command.title)
        if names is None:
            continue
        title, help_text = names[0] if zh else names[1]
        yield SystemCommand(title, help_text, command.callback, command.discover)


def placeholder(app: "App", pair: tuple[str, str]) -> str:
    return pair[0] if getattr(app, "language", "en") == "zh" else pair[1]
