"""Pitch's first showing mounts only the parts its first frame shows; the others (each with an
editor, ~5 ms of that showing at medium) are mounted right after it, with their text, prompt and
heading, and the screen then looks as if all had been there from the start."""

from __future__ import annotations

import pytest
from textual.widgets import Static, TextArea

from paperdeck.models.papers import Stage
from paperdeck.tui.widgets.fitting_line import FittingLine

PARTS = 5


@pytest.mark.parametrize("size, first_frame_parts", [((80, 24), 3), ((120, 40), 4), ((200, 60), PARTS)],
                         ids=lambda value: f"{value[0]}x{value[1]}" if isinstance(value, tuple) else str(value))
async def test_the_first_frame_holds_the_parts_it_shows_and_the_others_follow_it(store, make_app, monkeypatch, size, first_frame_parts):
    from paperdeck.tui.screens.pitch import PitchScreen
    from paperdeck.usecases.pitch import pitch_view, save_pitch_part

    paper = store.papers.add("Reward-Aware Prompt Optimization", Stage.WRITING)
    parts = pitch_view(store, paper.id).parts
    last = parts[-1]
    save_pitch_part(store, paper.id, last.key, "The last part's text, stored before.", None)

    painted: list[int] = []  # the editors there when the screen was first drawn
    scrolled: list[int] = []  # and the height the parts' pane scrolls over
    compositor_refresh = PitchScreen._compositor_refresh

    def recording(self):
        if not painted and not self._paint_held and self.view is not None:
            painted.append(len(self.query(".part-editor")))
            scrolled.append(self.query_one("#pitch-parts").virtual_size.height)
        compositor_refresh(self)

    monkeypatch.setattr(PitchScreen, "_compositor_refresh", recording)
    app = make_app("pitch")
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        await app.screen.view_ready()
        await pilot.pause()
        screen = app.screen
        assert painted == [first_frame_parts]
        assert len(screen.query(".part-editor")) == PARTS
        # Those left out start below the parts' pane: the first frame missed none it shows.
        pane = screen.query_one("#pitch-parts").region
        if first_frame_parts < PARTS:
            assert screen.query_one(f"#head-{first_frame_parts + 1}").region.y >= pane.bottom
        # Their rows were held for them: the scrollbar's thumb barely changes when they come.
        final = screen.query_one("#pitch-parts").virtual_size.height
        assert final - 3 <= scrolled[0] <= final, (scrolled, final)
        assert not screen.query("#pitch-parts-later")
        # Mounted later, they are whole: text, heading, prompt, in order after the others.
        assert screen.query_one(f"#editor-{PARTS}", TextArea).text == "The last part's text, stored before."
        heading = screen.query_one(f"#head-{PARTS}", FittingLine)
        assert str(heading.render()).startswith(f"{PARTS}. ")
        assert str(screen.query_one(f"#prompt-{PARTS}", Static).render()).strip()
        heads = [screen.query_one(f"#head-{number}").region.y for number in range(1, PARTS + 1)]
        assert heads == sorted(heads) and len(set(heads)) == PARTS
        assert app.focused is screen.query_one("#editor-1", TextArea)


@pytest.mark.parametrize("size", [(80, 24), (120, 40), (200, 60)], ids=lambda size: f"{size[0]}x{size[1]}")
async def test_the_screen_is_styled_once_before_its_first_frame(store, make_app, monkeypatch, size):
    """Its classes for the width (examples shown, beside the editors) are there before it is
    first styled: set later, they restyled it once more before its first frame."""
    from textual.css.stylesheet import Stylesheet

    from paperdeck.tui.screens.pitch import PitchScreen

    store.papers.add("Reward-Aware Prompt Optimization", Stage.WRITING)
    styled: list[bool] = []  # per styling of the screen before its first frame: drawn yet
    drawn: list[bool] = []
    apply, compositor_refresh = Stylesheet.apply, PitchScreen._compositor_refresh

    def counting_apply(self, node, *args, **kwargs):
        if isinstance(node, PitchScreen) and not drawn:
            styled.append(True)
        return apply(self, node, *args, **kwargs)

    def recording(self):
        if not drawn and not self._paint_held and self.view is not None:
            drawn.append(True)
        compositor_refresh(self)

    monkeypatch.setattr(Stylesheet, "apply", counting_apply)
    monkeypatch.setattr(PitchScreen, "_compositor_refresh", recording)
    app = make_app("dashboard")
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        await app.screen.view_ready()
        await pilot.press("5")
        await pilot.pause()
        await app.screen.view_ready()
        assert isinstance(app.screen, PitchScreen) and drawn
        assert len(styled) == 1
        assert app.screen.has_class("-examples") == (size[0] >= 120)
        assert app.screen.has_class("-side") == (size[0] >= 200)
