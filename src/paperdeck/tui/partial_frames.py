"""A partial frame renders only what it repaints: Textual 8.2's compositor renders more.

To repaint parts of the screen, Compositor._get_renders asks every widget whose *clip* (its
container's visible region) overlaps the box around those parts for its whole visible region.
A card moved on the Pipeline board repaints two columns (and maybe the detail line below them):
every column on the board, their scrollbars, the header and footer were rendered for it (each
of their lines filtered and cut into chops), and all but the repainted chops thrown away. Here
a widget renders only the rows of the parts it overlaps, and nothing when it overlaps none. The
frame written is the same: Textual writes only the chops of the repainted parts' rows that lie
inside those parts, and a widget outside them has none there.
"""

from __future__ import annotations

import inspect
from collections.abc import Callable, Iterable, Iterator

from textual._compositor import Compositor
from textual.geometry import Region
from textual.strip import Strip
from textual.widget import Widget

_UPDATES = "_paperdeck_updates"  # on a Compositor: the parts the partial frame being made repaints
textual_get_renders = Compositor._get_renders  # Textual's own (tests render whole frames with it)


def _get_renders(self: Compositor, crop: Region | None = None) -> Iterable[tuple[Region, Region, list[Strip]]]:
    """Textual's `_get_renders`, each widget cropped to the rows of the repainted parts it
    overlaps (its columns are its own, as Textual's: chops are cut at widget edges), and to the
    rows the widgets in front of it leave uncovered: none left, it renders nothing."""
    updates: list[Region] = getattr(self, _UPDATES, None) or ([crop] if crop is not None else [])
    for widget, region, part in parts_to_render(self, updates):
        lines = widget.render_lines(Region(part.x - region.x, part.y - region.y, part.width, part.height))
        # The clip given back is what was rendered: _render_chops places the lines there.
        yield region, part, lines
        if len(lines) < part.height or any(line.cell_length < part.width for line in lines):
            # It drew less than its part (its size not yet updated after a layout: seen in a
            # whole frame of the review screen as the answer showed), so the cells it left are
            # not filled: every widget goes on as in Textual's own renders (the first to fill a
            # cell keeps it). A whole frame with a cell unfilled raised AttributeError.
            yield from textual_get_renders(self, crop)
            return


def parts_to_render(compositor: Compositor, updates: list[Region]) -> Iterator[tuple[Widget, Region, Region]]:
    """Each visible widget, front to back, with its region and the part of it (screen
    coordinates) a frame repainting `updates` (none: the whole screen) renders: the rows of
    those parts it overlaps, less the rows the widgets in front of it cover. A widget with
    nothing to render is left out. Lazy: a widget's part is worked out when asked for."""
    intersection = Region.intersection
    drawn = _Drawn()
    for widget, (region, clip) in compositor.visible_widgets.items():
        x, y, width, height = intersection(region, clip)
        if not (width and height):
            continue
        if updates:
            right, bottom = x + width, y + height
            rows = [(max(y, part.y), min(bottom, part.bottom)) for part in updates
                    if x < part.right and part.x < right and y < part.bottom and part.y < bottom]
            if not rows:
                continue
            top = min(first for first, _ in rows)
            y, height = top, max(last for _, last in rows) - top
        shown = drawn.uncovered_rows(x, x + width, y, y + height)
        if shown is None:
            continue
        y, height = shown[0], shown[1] - shown[0]
        drawn.add(x, x + width, y, y + height)
        yield widget, region, Region(x, y, width, height)


class _Drawn:
    """The cells of a frame the widgets rendered so far (front to back) fill, row by row.

    _render_chops keeps, of every chop (the cells between two widget edges on a row), the first
    widget's: a widget behind others whose rows are all filled already shows none of its cells.
    Those are a screen's or container's background under its children: the Venues month view
    shown repainted its screen, switcher and month box (111 of its 155 lines) for nothing."""

    def __init__(self) -> None:
        self._rows: dict[int, list[list[int]]] = {}  # row -> the filled spans [start, end), merged, sorted

    def _covers(self, row: int, start: int, end: int) -> bool:
        for first, last in self._rows.get(row, ()):
            if first <= start:
                if end <= last:
                    return True
            else:
                return False
        return False

    def uncovered_rows(self, start: int, end: int, top: int, bottom: int) -> tuple[int, int] | None:
        """The first and past-the-last rows of top..bottom not all filled between start and
        end; None when every one is."""
        covers = self._covers
        first = next((row for row in range(top, bottom) if not covers(row, start, end)), None)
        if first is None:
            return None
        last = next(row for row in range(bottom - 1, first - 1, -1) if not covers(row, start, end))
        return first, last + 1

    def add(self, start: int, end: int, top: int, bottom: int) -> None:
        rows = self._rows
        for row in range(top, bottom):
            spans = rows.get(row)
            if spans is None:
                rows[row] = [[start, end]]
                continue
            merged: list[list[int]] = []
            placed = False
            for span in spans:
                if span[1] < start:
                    merged.append(span)
                elif end < span[0]:
                    if not placed:
                        merged.append([start, end])
                        placed = True
                    merged.append(span)
                else:
                    start, end = min(start, span[0]), max(end, span[1])
            if not placed:
                merged.append([start, end])
            rows[row] = merged


def _partial_update(original: Callable) -> Callable:
    def render_partial_update(self: Compositor):
        setattr(self, _UPDATES, list(self._dirty_regions))
        try:
            return original(self)
        finally:
            setattr(self, _UPDATES, None)

    render_partial_update.__wrapped_partial_frames__ = True  # type: ignore[attr-defined]
    return render_partial_update


def _matches_textual() -> bool:
    """Compositor is as this module expects: `_get_renders(crop)` is what `_render_chops` draws,
    and a partial update repaints the regions in `_dirty_regions`."""
    original = getattr(Compositor, "_get_renders", None)
    chops = getattr(Compositor, "_render_chops", None)
    partial = getattr(Compositor, "render_partial_update", None)
    if original is None or chops is None or partial is None:
        return False
    if list(inspect.signature(original).parameters) != ["self", "crop"]:
        return False
    return ("_get_renders" in chops.__code__.co_names and "intersection" in chops.__code__.co_names
            and "_dirty_regions" in partial.__code__.co_names and "_render_chops" in partial.__code__.co_names)


def apply() -> bool:
    """Render partial frames cropped; False (nothing changed) if Textual's compositor differs."""
    if Compositor._get_renders is _get_renders:
        return True
    if not _matches_textual():
        return False
    Compositor.render_partial_update = _partial_update(Compositor.render_partial_update)  # type: ignore[method-assign]
    Compositor._get_renders = _get_renders  # type: ignore[method-assign]
    return True
