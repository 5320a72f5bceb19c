"""Key hints generated from BINDINGS: a button's "(y)", a hint line, the palette's key column.

Nothing writes a key by hand: the key shown is the one bound, after the user's keymap (the
`keymap` setting, binding id -> keys) has remapped it.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING

from textual.binding import Binding

if TYPE_CHECKING:
    from textual.app import App
    from textual.dom import DOMNode


def bindings_of(node: "DOMNode") -> list[Binding]:
    """The node's bindings, one per key, in order (per-instance ones, such as a choice
    dialog's, included)."""
    # DOMNode._bindings holds the class's BINDINGS merged with the instance's own; Textual has
    # no public accessor for it outside the binding chain of the focused widget.
    return [binding for _key, binding in node._bindings]


def class_bindings(cls: type) -> list[Binding]:
    """A screen class's own BINDINGS, one per key, without building the screen."""
    return list(Binding.make_bindings(getattr(cls, "BINDINGS", ())))


def keys_now(binding: Binding, keymap: Mapping[str, str]) -> list[str]:
    """The keys that trigger `binding` now: the user's keymap for its id, else its own key."""
    if binding.id and keymap.get(binding.id):
        return [key.strip() for key in keymap[binding.id].split(",") if key.strip()]
    return [binding.key]


def keymap_of(app: "App") -> Mapping[str, str]:
    return getattr(app, "user_keymap", {}) or {}


def key_label(app: "App", binding: Binding) -> str:
    """How the binding's first key is shown (`y`, `F10`, `^s`, `?`), after the keymap."""
    keys = keys_now(binding, keymap_of(app))
    return app.get_key_display(binding.with_key(keys[0])) if keys else ""


def hint_for(app: "App", bindings: Iterable[Binding], action: str) -> str:
    """The key label of the first binding of `action` ("" when none is bound)."""
    for binding in bindings:
        if binding.action == action:
            return key_label(app, binding)
    return ""


def with_hint(label: str, key: str) -> str:
    """A button's label with its key: "Delete (y)"."""
    return f"{label} ({key})" if key else label


def binding_text(app: "App", binding: Binding) -> tuple[str, str]:
    """(label, help) of `binding` in the app's language: the footer, `?` and the palette
    show these (the Chinese is in paperdeck/i18n_keys.py; the screens' names in the registry)."""
    from ..i18n_keys import OPEN_SCREEN_ZH, key_text
    from .registry import screen_entry

    language = getattr(app, "language", "en")
    label, help_text = binding.description, binding.tooltip or binding.description
    if binding.id and binding.id.startswith("screen."):
        try:
            entry = screen_entry(binding.id.removeprefix("screen."))
        except KeyError:
            return label, help_text
        if language == "zh":
            return entry.zh, OPEN_SCREEN_ZH.format(name=entry.zh)
        return entry.en, help_text
    binding_id = binding.id or ("command_palette" if binding.action == "command_palette" else None)
    return key_text(binding_id, label, help_text, language)
