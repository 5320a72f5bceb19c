"""The first rows of a list in its order, without sorting all of it (what `paperdeck today` prints)."""

from __future__ import annotations

import heapq
from collections.abc import Callable, Sequence
from typing import Any, TypeVar

_T = TypeVar("_T")


def first_rows(items: Sequence[_T], rows: int | None, key: Callable[[_T], Any]) -> list[_T]:
    """`sorted(items, key=key)[:rows]` (all of them when `rows` is None), without sorting all:
    heapq.nsmallest keeps sorted()'s order, ties in their order in `items`."""
    if rows is None or rows >= len(items):
        return sorted(items, key=key)
    return heapq.nsmallest(rows, items, key=key)
