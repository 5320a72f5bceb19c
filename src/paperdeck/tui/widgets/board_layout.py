"""How wide each board column is: the pure arithmetic behind the Pipeline's horizontal layout.

Full columns share the board's width; when not all of them fit at COLUMN_MIN_WIDTH cells,
as many as fit share it and the board scrolls sideways (the screen keeps the focused column
in view). An empty column out of focus collapses to its header.
"""

from __future__ import annotations

from collections.abc import Sequence

COLUMN_MIN_WIDTH = 26  # border, padding and a title of ~20 cells per line


def fit_columns(available: int, collapsed: Sequence[int | None], minimum: int = COLUMN_MIN_WIDTH) -> list[int]:
    """Each column's width in cells. `collapsed[i]` is column i's width when it is collapsed,
    None for a full column. The full columns fill the room exactly when they all fit."""
    room = max(0, available - sum(width for width in collapsed if width is not None))
    full = sum(1 for width in collapsed if width is None)
    if full == 0:
        return [width or 0 for width in collapsed]
    fitting = max(1, room // minimum)
    shown = min(full, fitting)
    share, spare = divmod(room, shown) if shown else (minimum, 0)
    share = max(share, minimum)  # under `minimum` only when the room is: the board scrolls
    widths: list[int] = []
    extra = spare if full <= fitting else 0  # scrolling: the spare cells stay blank at the end
    for width in collapsed:
        if width is not None:
            widths.append(width)
            continue
        widths.append(share + (1 if extra > 0 else 0))
        extra -= 1
    return widths
