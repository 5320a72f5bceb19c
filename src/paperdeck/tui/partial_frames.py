"""A partial frame renders only what it repaints: Textual 8.2's compositor renders more.

To repaint part of the screen, Compositor._get_renders asks every widget whose *clip* (its
container's visible region) overlaps the update for its whole visible region. A card moved on
the Pipeline board repaints two columns; every column on the board, their scrollbars, the
board, the screen, its header, footer and detail line were rendered for it (each of their lines
filtered and cut into chops), and all but the two columns' chops thrown away: a third of the
frame. Here a widget renders only the update's rows, and nothing when what it shows lies outside
the update. The frame written is the same: Textual writes only the chops of the update's rows
that fall inside the update, and a widget outside it has none there.
"""

from __future__ import annotations

import inspect
from collections.abc import Iterable

from textual._compositor import Compositor
from textual.geometry import Region
from textual.strip import Strip


def _get_renders(self: Compositor, crop: Region | None = None) -> Iterable[tuple[Region, Region, list[Strip]]]:
    """Textual's `_get_renders`, each widget cropped to `crop`'s rows (its columns are the
    widget's own, as Textual's: chops are cut at widget edges)."""
    intersection = Region.intersection
    for widget, (region, clip) in self.visible_widgets.items():
        x, y, width, height = intersection(region, clip)
        if not (width and height):
            continue
        if crop is not None:
            if x >= crop.right or x + width <= crop.x or y >= crop.bottom or y + height <= crop.y:
                continue
            top, bottom = max(y, crop.y), min(y + height, crop.bottom)
            y, height = top, bottom - top
        # The clip given back is what was rendered: _render_chops places the lines there.
        yield region, Region(x, y, width, height), widget.render_lines(Region(x - region.x, y - region.y, width, height))


def _matches_textual() -> bool:
    """Compositor is as this module expects: `_get_renders(crop)` is what `_render_chops` draws."""
    original = getattr(Compositor, "_get_renders", None)
    chops = getattr(Compositor, "_render_chops", None)
    if original is None or chops is None:
        return False
    if list(inspect.signature(original).parameters) != ["self", "crop"]:
        return False
    return "_get_renders" in chops.__code__.co_names and "intersection" in chops.__code__.co_names


def apply() -> bool:
    """Render partial frames cropped; False (nothing changed) if Textual's compositor differs."""
    if Compositor._get_renders is _get_renders:
        return True
    if not _matches_textual():
        return False
    Compositor._get_renders = _get_renders  # type: ignore[method-assign]
    return True
