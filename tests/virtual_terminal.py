"""A terminal's cells as the app's frames leave them: each update the app writes (a whole frame
or a partial one's chops) applied as a terminal applies it, to compare with a whole repaint."""

from __future__ import annotations

from textual._compositor import ChopsUpdate, LayoutUpdate


def cells_of(strips) -> list[tuple[str, object]]:
    return [(char, segment.style) for strip in strips for segment in strip for char in segment.text]


class Terminal:
    """The screen's cells, as the updates written to it leave them (every character one cell)."""

    def __init__(self, width: int, height: int):
        self.rows = [[(" ", None)] * width for _ in range(height)]

    def apply(self, update) -> None:
        if isinstance(update, LayoutUpdate):
            for y, line in enumerate(update.strips, update.region.y):
                self.rows[y][update.region.x:update.region.x + update.region.width] = cells_of(line)
        elif isinstance(update, ChopsUpdate):
            for y, x1, x2 in update.spans:
                for end, (x, strip) in zip(update.chop_ends[y], update.chops[y].items()):
                    if strip is None or x >= x2 or end <= x1:
                        continue
                    chop = cells_of([strip])
                    for column in range(max(x, x1), min(end, x2)):
                        self.rows[y][column] = chop[column - x]


def whole_repaint(app) -> list[list[tuple[str, object]]]:
    """The cells of the screen in view rendered whole by Textual's own compositor (every widget
    rendered, none cropped; the screens under a modal with it)."""
    from textual._compositor import Compositor
    from textual._context import visible_screen_stack

    from paperdeck.tui import partial_frames

    visible_screen_stack.set(list(app._background_screens))
    cropped, Compositor._get_renders = Compositor._get_renders, partial_frames.textual_get_renders
    try:
        return [cells_of([strip]) for strip in app.screen._compositor.render_strips()]
    finally:
        Compositor._get_renders = cropped


def written_terminal(app, monkeypatch) -> Terminal:
    """A terminal showing the screen as drawn now, then every update the app writes."""
    terminal = Terminal(*app.size)
    terminal.rows = whole_repaint(app)
    display = app._display

    def written(screen, update):
        if update is not None and not app._batch_count:  # Textual writes nothing in a batch
            terminal.apply(update)
        return display(screen, update)

    monkeypatch.setattr(app, "_display", written)
    return terminal
