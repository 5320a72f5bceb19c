"""Fixes to Textual 8.2 bugs that cost paperdeck memory, applied once when the app loads.

StylesCache.get_inner_outer (textual/_styles_cache.py) is meant to be a cached classmethod
(its first parameter is named `cls`) but lacks @classmethod: its lru_cache(1024) keys hold the
StylesCache itself, so every removed widget's cache of rendered lines stays alive until 1,024
newer ones push it out. Opening and closing the paper form (~170 widgets) kept ~1,000 lines
(with their caches) per opening: most of the growth of the app's peak memory after use.

A widget that watches another node's reactive (TextArea watches the app's `theme`) stays in
that node's watcher list after it is removed, until the reactive next changes: every closed
paper form kept its Notes editor. `drop_watchers` forgets them when the widget unmounts.

Textual reads ESC followed by a digit as WezTerm's macOS Option+digit and types a character
("\x1b6" is "§", "\x1b1" is "¡"). Escape then a digit pressed within Textual's escape delay
(100 ms) sends the same bytes: leaving the Pitch editor for screen 6 typed "§" into the pitch.
`apply` makes them alt+digit keys with no character: nothing is typed, and on a screen the app
reads them as Escape, then the digit (escape_keys.py).

Every rendered line (Strip) made seven caches, mostly never used: strip_caches.py makes them on
first use. A partial frame rendered every widget around what it repaints: partial_frames.py.
"""

from __future__ import annotations

from functools import lru_cache
from typing import NamedTuple

from textual._ansi_sequences import ANSI_SEQUENCES_KEYS

from textual._styles_cache import StylesCache
from textual.dom import DOMNode
from textual.color import Color
from textual.style import Style

from . import partial_frames, strip_caches


@lru_cache(1024)
def _inner_outer(base_background: Color, background: Color) -> tuple[Style, Style]:
    """The same values as Textual's, cached by the colours only."""
    return Style(background=base_background + background), Style(background=base_background)


def _get_inner_outer(_cache: StylesCache, base_background: Color, background: Color) -> tuple[Style, Style]:
    return _inner_outer(base_background, background)


class _KeyName(NamedTuple):
    """What the parser reads from a tuple-valued sequence: `.value`, the key's name."""

    value: str


def apply() -> None:
    StylesCache.get_inner_outer = _get_inner_outer  # type: ignore[method-assign]
    strip_caches.apply()
    partial_frames.apply()
    for digit in "0123456789":
        ANSI_SEQUENCES_KEYS[f"\x1b{digit}"] = (_KeyName(f"alt+{digit}"),)  # type: ignore[index]


def drop_watchers(node: DOMNode, watched: DOMNode, *names: str) -> None:
    """Forget `node`'s watchers of `watched`'s reactives `names` (Textual keeps them in the
    watched node's `__watchers`, and prunes them only when that reactive changes)."""
    watchers = getattr(watched, "__watchers", None)
    if not watchers:
        return
    for name in names:
        kept = watchers.get(name)
        if kept:
            kept[:] = [(owner, callback) for owner, callback in kept if owner is not node]
