"""Partial frames rendered cropped (tui/partial_frames.py) write what a whole repaint shows: the
updates the Pipeline's compositor makes, applied to a terminal's cells as a terminal applies
them, leave the cells a full render of the screen gives, after each key."""

from __future__ import annotations

from textual._compositor import ChopsUpdate, LayoutUpdate

from paperdeck.models.papers import STAGES
from waiting import settled


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


async def test_partial_frames_leave_what_a_whole_repaint_shows(store, make_app, monkeypatch):
    for stage in STAGES[:4]:
        for number in range(9):
            store.papers.add(f"{stage.value} paper {number}", stage)
    app = make_app("pipeline")
    async with app.run_test(size=(120, 40)) as pilot:
        await settled(pilot)
        screen = app.screen
        compositor = screen._compositor
        terminal = Terminal(*app.size)
        terminal.apply(compositor.render_update(full=True))
        render_update = compositor.render_update

        def written(*args, **kwargs):
            update = render_update(*args, **kwargs)
            if update is not None:
                terminal.apply(update)
            return update

        monkeypatch.setattr(compositor, "render_update", written)
        for keys in (["shift+right"], ["j", "j"], ["shift+left"], ["l", "l"], ["G"], ["h"], ["u"], ["g", "k"]):
            await pilot.press(*keys)
            await settled(pilot)
            whole = [cells_of([strip]) for strip in compositor.render_strips()]
            assert terminal.rows == whole, keys
