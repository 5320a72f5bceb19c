"""Textual's Strip (one rendered line) makes its seven caches when it is made, not when used.

Every Strip builds seven FIFOCaches (an object and a dict each, ~1 KiB a strip), though most
strips never use most of them. Every built screen keeps the lines it drew (its widgets'
StylesCache) and the pieces the compositor cut them into (each line's divide cache): with every
screen and the form, review and Stats dialogs built at medium, ~7,500 strips and ~52,000
FIFOCaches, most of them empty (~7 MiB of the app's peak memory after use).

`apply` makes each cache when its method is first called on that strip; until then the slot
holds a shared empty stand-in. The caches, their sizes and what the methods return are
Textual's own. If Textual's Strip no longer has these caches, or another method reads one,
nothing is changed.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterable
from typing import Any

from textual.cache import FIFOCache
from textual.strip import Strip

# Strip's method -> (the cache only it reads and writes, Textual's size for it).
LAZY_CACHES: dict[str, tuple[str, int]] = {
    "divide": ("_divide_cache", 4),
    "crop": ("_crop_cache", 16),
    "apply_style": ("_style_cache", 16),
    "apply_filter": ("_filter_cache", 4),
    "adjust_cell_length": ("_line_length_cache", 4),
    "crop_extend": ("_crop_extend_cache", 4),
    "apply_offsets": ("_offsets_cache", 4),
}
_SLOTS = frozenset(
    {"_segments", "_cell_length", "_render_cache", "_link_ids", "_cell_count"}
    | {slot for slot, _size in LAZY_CACHES.values()}
)


class _NoCache:
    """The stand-in: nothing is cached in it (its method replaces it before any write)."""

    __slots__ = ()

    def get(self, key: object, default: object = None) -> object:
        return default

    def __len__(self) -> int:
        return 0


NO_CACHE = _NoCache()


def _init(self: Strip, segments: Iterable[Any], cell_length: int | None = None) -> None:
    """Textual's Strip.__init__ with the caches left unmade."""
    self._segments = list(segments)
    self._cell_length = cell_length
    self._divide_cache = self._crop_cache = self._style_cache = self._filter_cache = NO_CACHE  # type: ignore[assignment]
    self._line_length_cache = self._crop_extend_cache = self._offsets_cache = NO_CACHE  # type: ignore[assignment]
    self._render_cache = None
    self._link_ids = None
    self._cell_count = None


def _with_cache(method: Callable[..., Any], slot: str, size: int) -> Callable[..., Any]:
    read = getattr(Strip, slot).__get__
    write = getattr(Strip, slot).__set__

    @functools.wraps(method)
    def run(self: Strip, *args: Any, **kwargs: Any) -> Any:
        if read(self) is NO_CACHE:
            write(self, FIFOCache(size))
        return method(self, *args, **kwargs)

    run.__wrapped_strip_cache__ = slot  # type: ignore[attr-defined]
    return run


def _matches_textual() -> bool:
    """Strip is as this module expects: these slots, and each cache read only by its method."""
    if frozenset(getattr(Strip, "__slots__", ())) != _SLOTS:
        return False
    caches = {slot for slot, _size in LAZY_CACHES.values()}
    for name, value in vars(Strip).items():
        if name == "__init__":
            continue
        function = getattr(value, "fget", None) or getattr(value, "__func__", value)
        function = getattr(function, "__wrapped__", function)
        code = getattr(function, "__code__", None)
        used = caches.intersection(code.co_names) if code is not None else set()
        expected = {LAZY_CACHES[name][0]} if name in LAZY_CACHES else set()
        if used != expected:
            return False
    return True


def apply() -> bool:
    """Make Strip's caches on first use; False (nothing changed) if Strip is not as expected."""
    if getattr(Strip.__init__, "__name__", "") == _init.__name__:
        return True
    if not _matches_textual():
        return False
    for name, (slot, size) in LAZY_CACHES.items():
        setattr(Strip, name, _with_cache(getattr(Strip, name), slot, size))
    Strip.__init__ = _init  # type: ignore[method-assign]
    return True
