"""Text fields that never hold a raw control character.

Textual's Input and TextArea draw their text as it is: a pasted or stored `ESC [2J` would
reach the terminal and clear it, an OSC 52 sequence would write the clipboard. These
subclasses turn control characters into visible stand-ins (`␛[2J`) whether the text comes
from a paste, the keyboard, the constructor or `load_text`; newlines and tabs stay.
"""

from __future__ import annotations

from textual.widgets import Input, TextArea

from ...textsafe import one_line, printable
from ..textual_fixes import drop_watchers


def visible(text: str) -> str:
    """Multi-line text with every control but newline and tab made visible."""
    return printable(text.replace("\r\n", "\n"))


class SafeTextArea(TextArea):
    def on_unmount(self) -> None:
        drop_watchers(self, self.app, "theme")  # TextArea's own watcher: see textual_fixes.py

    def _set_document(self, text: str, language: str | None) -> None:
        super()._set_document(visible(text), language)

    def _replace_via_keyboard(self, insert: str, start, end):
        return super()._replace_via_keyboard(visible(insert), start, end)

    def insert(self, text: str, location=None, *, maintain_selection_offset: bool = True):
        return super().insert(visible(text), location, maintain_selection_offset=maintain_selection_offset)

    def replace(self, insert: str, start, end, *, maintain_selection_offset: bool = True):
        return super().replace(visible(insert), start, end, maintain_selection_offset=maintain_selection_offset)


class SafeInput(Input):
    def validate_value(self, value: str) -> str:
        return one_line(value)
