"""Text fields that never hold a raw control character.

Textual's Input and TextArea draw their text as it is: a pasted or stored `ESC [2J` would
reach the terminal and clear it, an OSC 52 sequence would write the clipboard. These
subclasses turn control characters into visible stand-ins (`␛[2J`) whether the text comes
from a paste, the keyboard, the constructor or `load_text`; newlines and tabs stay.

They also take keys in the order they were typed (KeysInOrder).
"""

from __future__ import annotations

from textual import events
from textual.geometry import Size
from textual.widget import Widget
from textual.widgets import Input, TextArea

from ...textsafe import one_line, printable
from ..textual_fixes import drop_watchers


def visible(text: str) -> str:
    """Multi-line text with every control but newline and tab made visible."""
    return printable(text.replace("\r\n", "\n"))


class KeysInOrder:
    """Runs the field's own bound keys (Backspace, Delete, arrows, Home/End, Ctrl+W…) as it
    receives them. Textual types a letter in the field at once but runs a bound key only after
    its event has bubbled up to the app (Textual issue #6605): in a burst of keys (a loaded
    machine, a macro, a chorded keyboard) the letters after a Backspace went in first and the
    Backspace deleted the wrong one. The app would run the same binding (the focused widget is
    the first in its chain); priority bindings still run before the key reaches the field."""

    typed = False  # a key or a paste reached the field: its text is the user's (typing_kept.py)

    async def _on_key(self, event: events.Key) -> None:
        self.typed = True
        await super()._on_key(event)  # type: ignore[misc]
        if event._stop_propagation or self.loading:  # typed as text; a loading field has no bindings
            return
        chain = self.screen._modal_binding_chain  # with the user's keymap applied
        if not chain or chain[0][0] is not self:
            return
        for binding in chain[0][1].key_to_bindings.get(event.key, ()):
            if not binding.priority and await self.app.run_action(binding.action, self):
                event.stop()
                event.prevent_default()
                return


class SafeTextArea(KeysInOrder, TextArea):
    def on_paste(self, event: events.Paste) -> None:
        # Textual calls every class's handler in turn: TextArea's own pastes the text after this.
        self.typed = True

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


class SafeInput(KeysInOrder, Input):
    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        if not self.validators:
            # Input.validate gives an input without validators the `-valid` class at its first
            # value change: a new class restyles the widget (~2 ms each), and a form's first
            # filling restyled every field it filled (the paper form's first `e`: ~20 ms at
            # medium). Such an input is valid whatever its value: it has the class from the start.
            self.add_class("-valid")

    def _watch_value(self, value: str) -> None:
        if not self.styles.auto_dimensions:
            # Input sets its virtual size (its value's width) at every change, and Textual lays
            # out the whole screen for a new virtual size: every key typed in a field, and every
            # filling of the paper form with another paper, laid out and drew the whole form
            # (~35 ms at medium). Its own size is its container's: the width only bounds its
            # scrolling, which reads it when it scrolls. Set here, Input's own assignment below
            # finds it unchanged.
            self.set_reactive(Widget.virtual_size, Size(self.content_width, 1))
        super()._watch_value(value)

    def on_paste(self, event: events.Paste) -> None:
        self.typed = True  # Input's own handler pastes the text after this (see SafeTextArea)

    def validate_value(self, value: str) -> str:
        return one_line(value)
